import * as vscode from 'vscode';

const API_TOKEN_KEY = 'scalingo.apiToken';
/**
 * Who the token belongs to (id and username: not secrets). Kept beside the token in SecretStorage,
 * not in globalState, because SecretStorage announces changes made by other windows: when another
 * window signs in, its username may arrive after its token, and the Accounts menu must follow.
 */
const ACCOUNT_KEY = 'scalingo.account';

export interface StoredAccount {
  readonly id: string;
  readonly username: string;
}

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

/** The user's Scalingo API token and account. SecretStorage is the only place they are written. */
export class TokenStore {
  /** Either key changed, in this window or another; listeners re-read and compare. */
  readonly onDidChange: vscode.Event<void>;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.onDidChange = (listener, thisArgs, disposables) =>
      secrets.onDidChange((event) => {
        if (event.key === API_TOKEN_KEY || event.key === ACCOUNT_KEY) listener.call(thisArgs);
      }, undefined, disposables);
  }

  async get(): Promise<string | undefined> {
    return (await this.guarded(() => this.secrets.get(API_TOKEN_KEY))) || undefined;
  }

  async account(): Promise<StoredAccount | undefined> {
    const text = await this.guarded(() => this.secrets.get(ACCOUNT_KEY));
    if (!text) return undefined;
    try {
      const parsed = JSON.parse(text) as Partial<StoredAccount>;
      return typeof parsed.id === 'string' && typeof parsed.username === 'string' ? { id: parsed.id, username: parsed.username } : undefined;
    } catch {
      return undefined;
    }
  }

  /** The account first, so a window that sees the new token usually finds its username too. */
  async store(token: string, account: StoredAccount): Promise<void> {
    await this.guarded(() => this.secrets.store(ACCOUNT_KEY, JSON.stringify({ id: account.id, username: account.username })));
    await this.guarded(() => this.secrets.store(API_TOKEN_KEY, token));
  }

  async delete(): Promise<void> {
    await this.guarded(() => this.secrets.delete(API_TOKEN_KEY));
    await this.guarded(() => this.secrets.delete(ACCOUNT_KEY));
  }

  private async guarded<T>(work: () => Thenable<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new SecretStorageUnavailableError(error);
    }
  }
}
