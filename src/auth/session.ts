import * as vscode from 'vscode';
import type { Dispatcher } from 'undici';
import type { ScalingoClient } from '../api/client';
import type { User } from '../api/publicTypes';
import { authUrl, requestTimeoutMs } from '../config';
import type { Log } from '../log';
import { Disposable } from '../util/disposable';
import { loadApi } from './apiLoader';
import type { TokenStore } from './tokenStore';

export class NotSignedInError extends Error {
  constructor() {
    super(vscode.l10n.t('Sign in to Scalingo first.'));
  }
}

export class InvalidSettingError extends Error {}

const ACCOUNT_KEY = 'scalingo.account';

/** Settings whose change means a new connection pool (and, for the URL, a new bearer). */
const CONNECTION_SETTINGS = ['scalingo.authUrl', 'scalingo.requestTimeoutSeconds', 'http.proxy', 'http.noProxy', 'http.proxyStrictSSL'];

/**
 * Who is signed in, and the client that speaks for them. The client is built on first use from
 * the token in SecretStorage; signing out (here or in another window) drops it and cancels
 * everything in flight.
 */
export class ScalingoSession extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when the account changes: sign in, sign out, another window, or connection settings. */
  readonly onDidChange = this.changed.event;

  private token: string | undefined;
  private tokenLoaded: Promise<void> | undefined;
  private connection: { client: ScalingoClient; dispatcher: Dispatcher } | undefined;
  private inFlight = new AbortController();

  constructor(
    private readonly tokens: TokenStore,
    /** Remembers who signed in (id and username: not secrets) so the Accounts menu needs no request. */
    private readonly accountMemory: vscode.Memento,
    private readonly userAgent: string,
    private readonly log: Log,
    private readonly apiLog: Log,
  ) {
    super();
    this._register(tokens.onDidChange(() => void this.reloadToken()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (CONNECTION_SETTINGS.some((setting) => event.affectsConfiguration(setting))) {
          this.log.info('connection settings changed; reconnecting on next request');
          this.resetConnection();
          this.changed.fire();
        }
      }),
    );
    this._register({ dispose: () => this.resetConnection() });
  }

  async isSignedIn(): Promise<boolean> {
    await this.loadToken();
    return this.token !== undefined;
  }

  /** Who signed in, as remembered from the sign-in; undefined when signed out or not known. */
  get account(): { readonly id: string; readonly username: string } | undefined {
    return this.token === undefined ? undefined : this.accountMemory.get(ACCOUNT_KEY);
  }

  /** Aborted when the account changes, so work for the previous account stops. */
  get signal(): AbortSignal {
    return this.inFlight.signal;
  }

  async client(): Promise<ScalingoClient> {
    await this.loadToken();
    if (this.token === undefined) throw new NotSignedInError();
    if (!this.connection) this.connection = await this.connect(this.token);
    return this.connection.client;
  }

  /** Checks the token with the API before keeping it: a refused token is never stored. */
  async signIn(token: string, signal?: AbortSignal): Promise<User> {
    const candidate = await this.connect(token);
    try {
      const user = await candidate.client.currentUser(signal);
      await this.tokens.store(token);
      await this.accountMemory.update(ACCOUNT_KEY, { id: user.id, username: user.username });
      this.replaceConnection(candidate);
      this.token = token;
      this.log.info(`signed in as ${user.username}`);
      this.changed.fire();
      return user;
    } catch (error) {
      void candidate.dispatcher.close();
      throw error;
    }
  }

  async signOut(): Promise<void> {
    await this.tokens.delete();
    await this.accountMemory.update(ACCOUNT_KEY, undefined);
    this.forget();
    this.log.info('signed out');
    this.changed.fire();
  }

  private async connect(token: string): Promise<{ client: ScalingoClient; dispatcher: Dispatcher }> {
    const target = authUrl();
    if ('error' in target) throw new InvalidSettingError(target.error);
    const api = await loadApi();
    const http = vscode.workspace.getConfiguration('http');
    const dispatcher = api.createDispatcher({
      proxy: http.get<string>('proxy'),
      noProxy: http.get<string[]>('noProxy'),
      strictSSL: http.get<boolean>('proxyStrictSSL', true),
    });
    const client = new api.ScalingoClient({
      baseUrl: target.url,
      apiToken: token,
      userAgent: this.userAgent,
      dispatcher,
      timeoutMs: requestTimeoutMs(),
      // The per-minute budget is Scalingo's; a local demo or test server has none to respect.
      rateLimit: target.loopback ? { ...api.SCALINGO_RATE_LIMIT, perMinute: Number.POSITIVE_INFINITY } : api.SCALINGO_RATE_LIMIT,
      log: { debug: (message) => this.apiLog.debug(message), warn: (message) => this.apiLog.warn(message) },
    });
    return { client, dispatcher };
  }

  private loadToken(): Promise<void> {
    this.tokenLoaded ??= this.tokens.get().then(
      (token) => {
        this.token = token;
      },
      (error: unknown) => {
        // Let the next call try again: the keychain may be unlocked by then.
        this.tokenLoaded = undefined;
        throw error;
      },
    );
    return this.tokenLoaded;
  }

  private async reloadToken(): Promise<void> {
    const previous = this.token;
    this.tokenLoaded = undefined;
    try {
      await this.loadToken();
    } catch (error) {
      this.log.error(`could not read the token after another window changed it: ${String(error)}`);
      return;
    }
    if (this.token === previous) return;
    this.log.info('the Scalingo token changed in another window');
    const token = this.token;
    this.forget();
    this.token = token;
    this.changed.fire();
  }

  private forget(): void {
    this.token = undefined;
    this.tokenLoaded = Promise.resolve();
    this.resetConnection();
  }

  private replaceConnection(next: { client: ScalingoClient; dispatcher: Dispatcher }): void {
    this.resetConnection();
    this.connection = next;
  }

  private resetConnection(): void {
    this.inFlight.abort();
    this.inFlight = new AbortController();
    if (this.connection) void this.connection.dispatcher.close();
    this.connection = undefined;
  }
}
