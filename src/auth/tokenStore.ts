import * as vscode from 'vscode';

const API_TOKEN_KEY = 'scalingo.apiToken';

/** Raised when the OS keychain behind SecretStorage is missing or locked (common on bare Linux desktops). */
export class SecretStorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      vscode.l10n.t(
        'VS Code could not use its secret storage (the system keychain may be missing or locked), so the Scalingo token cannot be kept.',
      ),
      { cause },
    );
  }
}

/** The user's Scalingo API token. SecretStorage is the only place it is ever written. */
export class TokenStore {
  readonly onDidChange: vscode.Event<void>;

  constructor(private readonly secrets: vscode.SecretStorage) {
    // Another window signing in or out changes the same secret; listeners re-read it.
    this.onDidChange = (listener, thisArgs, disposables) =>
      secrets.onDidChange((event) => {
        if (event.key === API_TOKEN_KEY) listener.call(thisArgs);
      }, undefined, disposables);
  }

  async get(): Promise<string | undefined> {
    try {
      return (await this.secrets.get(API_TOKEN_KEY)) || undefined;
    } catch (error) {
      throw new SecretStorageUnavailableError(error);
    }
  }

  async store(token: string): Promise<void> {
    try {
      await this.secrets.store(API_TOKEN_KEY, token);
    } catch (error) {
      throw new SecretStorageUnavailableError(error);
    }
  }

  async delete(): Promise<void> {
    try {
      await this.secrets.delete(API_TOKEN_KEY);
    } catch (error) {
      throw new SecretStorageUnavailableError(error);
    }
  }
}
