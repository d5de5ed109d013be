import * as vscode from 'vscode';
import type { Dispatcher } from 'undici';
import type { RateLimitWait, ScalingoClient } from '../api/client';
import { cancelledError } from '../api/errors';
import type { User } from '../api/publicTypes';
import type { RateLimit } from '../api/requestLimiter';
import { authUrl, requestTimeoutMs } from '../config';
import type { Log } from '../log';
import { Disposable } from '../util/disposable';
import { loadApi } from './apiLoader';
import type { StoredAccount, TokenStore } from './tokenStore';

export class NotSignedInError extends Error {
  constructor() {
    super(vscode.l10n.t('Sign in to Scalingo first.'));
  }
}

export class InvalidSettingError extends Error {}

/** Why `session.signal` aborted when the account did not change: only the connection settings did. */
const SETTINGS_CHANGED = 'scalingo: connection settings changed';

/** Whether work stopped by `session.signal` ended because the connection settings changed (the account is the same). */
export function endedBySettingsChange(signal: AbortSignal): boolean {
  return signal.aborted && signal.reason === SETTINGS_CHANGED;
}

/** Settings whose change means a new connection pool (and, for the URL, a new bearer). */
const CONNECTION_SETTINGS = ['scalingo.authUrl', 'scalingo.requestTimeoutSeconds', 'http.proxy', 'http.noProxy', 'http.proxyStrictSSL'];

interface Connection {
  readonly token: string;
  readonly client: ScalingoClient;
  readonly dispatcher: Dispatcher;
}

/**
 * Who is signed in, and the client that speaks for them. The client is built on first use from
 * the token in SecretStorage, once however many callers ask at the same time; signing out (here
 * or in another window), or Scalingo refusing the token, drops it and cancels everything in flight.
 */
export class ScalingoSession extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when the account changes: sign in, sign out, another window, or connection settings. */
  readonly onDidChange = this.changed.event;
  private readonly accountChanged = this._register(new vscode.EventEmitter<void>());
  /** Fires when only the account's name changed (it can arrive after the token from another window). */
  readonly onDidChangeAccount = this.accountChanged.event;
  private readonly rateLimited = this._register(new vscode.EventEmitter<RateLimitWait>());
  /** Requests wait `retryInMs`: Scalingo answered 429, or this minute's budget is spent. */
  readonly onDidRateLimit = this.rateLimited.event;

  private token: string | undefined;
  private storedAccount: StoredAccount | undefined;
  private tokenLoaded: Promise<void> | undefined;
  private connection: Promise<Connection> | undefined;
  private inFlight = new AbortController();
  private refusal: string | undefined;
  /** This window's own write to SecretStorage; change events wait for it, then compare. */
  private writing: Promise<void> | undefined;
  /** Bumped by every change this window makes to its own account state. */
  private version = 0;
  /** What a loopback server (demo, tests) gets instead of no budget; see useLoopbackRateLimit. */
  private loopbackRateLimit: RateLimit | undefined;

  constructor(
    private readonly tokens: TokenStore,
    private readonly userAgent: string,
    private readonly log: Log,
    private readonly apiLog: Log,
  ) {
    super();
    this._register(tokens.onDidChange(() => void this.reloadFromStorage()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (CONNECTION_SETTINGS.some((setting) => event.affectsConfiguration(setting))) {
          this.log.info('connection settings changed; reconnecting on next request');
          this.resetConnection(SETTINGS_CHANGED);
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

  /** Who signed in, as stored at sign-in; undefined when signed out or not known yet. */
  get account(): StoredAccount | undefined {
    return this.token === undefined ? undefined : this.storedAccount;
  }

  /** Why this window is signed out, when Scalingo refused the token (for the view's message). */
  get signedOutReason(): string | undefined {
    return this.token === undefined ? this.refusal : undefined;
  }

  /** Aborted when the account changes, so work for the previous account stops. */
  get signal(): AbortSignal {
    return this.inFlight.signal;
  }

  /** The one client of this account: concurrent first callers share its pool, limiter and exchange. */
  async client(signal?: AbortSignal): Promise<ScalingoClient> {
    if (signal?.aborted) throw cancelledError();
    await this.loadToken();
    if (this.token === undefined) throw new NotSignedInError();
    return (await this.currentConnection(this.token)).client;
  }

  /**
   * Checks the token with the API before keeping it: a refused token is never stored. `onWait`
   * hears the rate-limit waits of this check only (the signed-in account's client has a budget of
   * its own); once kept, the client's waits go to onDidRateLimit like any.
   */
  async signIn(token: string, signal?: AbortSignal, onWait?: (wait: RateLimitWait) => void): Promise<User> {
    let kept = false;
    const candidate = await this.connect(token, (wait) => (kept ? this.rateLimited.fire(wait) : onWait?.(wait)));
    let user: User;
    try {
      user = await candidate.client.currentUser(signal);
    } catch (error) {
      closeQuietly(candidate.dispatcher);
      throw error;
    }
    const account = { id: user.id, username: user.username };
    // This window's state first: the write below echoes back through SecretStorage's change event,
    // which then finds nothing new. The checked client is kept, so its bearer serves the tree.
    this.resetConnection();
    this.connection = Promise.resolve(candidate);
    kept = true;
    this.token = token;
    this.storedAccount = account;
    this.refusal = undefined;
    this.tokenLoaded = Promise.resolve();
    this.version++;
    try {
      await this.write(() => this.tokens.store(token, account));
    } catch (error) {
      this.forget();
      this.changed.fire();
      throw error;
    }
    this.log.info(`signed in as ${user.username}`);
    this.changed.fire();
    return user;
  }

  async signOut(): Promise<void> {
    this.forget();
    this.refusal = undefined;
    this.log.info('signed out');
    this.changed.fire();
    await this.write(() => this.tokens.delete());
  }

  private async write(work: () => Promise<void>): Promise<void> {
    const writing = this.writing?.catch(() => undefined).then(work) ?? work();
    this.writing = writing;
    try {
      await writing;
    } finally {
      if (this.writing === writing) this.writing = undefined;
    }
  }

  /**
   * For tests: run against the local fake with a real budget (Scalingo's, or one with a shorter
   * window) instead of none. Only loopback URLs are affected; the next request reconnects.
   */
  useLoopbackRateLimit(limit: RateLimit | undefined): void {
    this.loopbackRateLimit = limit;
    this.resetConnection();
  }

  private currentConnection(token: string): Promise<Connection> {
    if (!this.connection) {
      const connecting = this.connect(token);
      this.connection = connecting;
      // A setting error must not stick: the next call reads the settings again.
      connecting.catch(() => {
        if (this.connection === connecting) this.connection = undefined;
      });
    }
    return this.connection;
  }

  private async connect(token: string, onRateLimited: (wait: RateLimitWait) => void = (wait) => this.rateLimited.fire(wait)): Promise<Connection> {
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
      // The per-minute budget is Scalingo's; a local demo or test server has none, unless a test asks.
      rateLimit: target.loopback
        ? (this.loopbackRateLimit ?? { ...api.SCALINGO_RATE_LIMIT, perMinute: Number.POSITIVE_INFINITY })
        : api.SCALINGO_RATE_LIMIT,
      log: { debug: (message) => this.apiLog.debug(message), warn: (message) => this.apiLog.warn(message) },
      onApiTokenRefused: () => void this.tokenRefused(token),
      onRateLimited,
    });
    return { token, client, dispatcher };
  }

  /**
   * The exchange answered 401: the token is revoked or invalid, for good. Signed out, here and in
   * the other windows (the stored token is deleted), so nothing keeps sending it.
   */
  private async tokenRefused(token: string): Promise<void> {
    if (this.token !== token) return;
    this.log.warn('Scalingo refused the API token (invalid or revoked): signed out');
    this.forget();
    this.refusal = vscode.l10n.t('Scalingo refused your API token: it is invalid or was revoked. Sign in again with a new token.');
    this.changed.fire();
    try {
      await this.write(() => this.tokens.delete());
    } catch (error) {
      this.log.error(`could not delete the refused token: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private loadToken(): Promise<void> {
    const version = this.version;
    this.tokenLoaded ??= Promise.all([this.tokens.get(), this.tokens.account()]).then(
      ([token, account]) => {
        // A sign-in or sign-out here while this read was on its way knows better than what it read.
        if (version !== this.version) return;
        this.token = token;
        this.storedAccount = account;
      },
      (error: unknown) => {
        // Let the next call try again (the keychain may be unlocked by then), unless a sign-in
        // or sign-out here has set the state meanwhile.
        if (version === this.version) this.tokenLoaded = undefined;
        throw error;
      },
    );
    return this.tokenLoaded;
  }

  /**
   * SecretStorage changed: another window signed in or out, or this window's own write echoes
   * back. Only a difference from what this window holds counts.
   */
  private async reloadFromStorage(): Promise<void> {
    let stored: [string | undefined, StoredAccount | undefined];
    for (;;) {
      const version = this.version;
      await this.writing?.catch(() => undefined);
      await this.tokenLoaded?.catch(() => undefined);
      try {
        stored = await Promise.all([this.tokens.get(), this.tokens.account()]);
      } catch (error) {
        this.log.error(`could not read the token after a change in SecretStorage: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      // This window changed its own state while reading (a sign-in under way): read again.
      if (version === this.version && !this.writing) break;
    }
    const [token, account] = stored;
    if (token !== this.token) {
      this.log.info(token ? 'signed in from another window' : 'signed out from another window');
      this.forget();
      this.token = token;
      this.storedAccount = account;
      this.refusal = undefined;
      this.changed.fire();
      return;
    }
    if (token !== undefined && (account?.id !== this.storedAccount?.id || account?.username !== this.storedAccount?.username)) {
      // Same token, its account arrived (or changed) after it: only the Accounts menu needs to know.
      this.storedAccount = account;
      this.accountChanged.fire();
    }
  }

  private forget(): void {
    this.version++;
    this.token = undefined;
    this.storedAccount = undefined;
    this.tokenLoaded = Promise.resolve();
    this.resetConnection();
  }

  private resetConnection(reason?: string): void {
    this.inFlight.abort(reason);
    this.inFlight = new AbortController();
    const previous = this.connection;
    this.connection = undefined;
    void previous?.then((connection) => closeQuietly(connection.dispatcher), () => undefined);
  }
}

function closeQuietly(dispatcher: Dispatcher): void {
  dispatcher.close().catch(() => undefined);
}
