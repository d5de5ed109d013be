/**
 * Turns the long-lived API token into short-lived bearers (`POST /v1/tokens/exchange`), caches the
 * bearer, refreshes it ahead of expiry, and shares one exchange between concurrent callers.
 */
import { cancelledError, EXCHANGE_ROUTE, ScalingoError } from './errors';
import { errorFromResponse, parseBody } from './responses';
import { bodies } from './schemas';
import type { HttpTransport } from './transport';

/** go-scalingo's margin: a bearer with less than this left is replaced before use. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** When a bearer carries no readable `exp`, assume the documented lifetime. */
const ASSUMED_LIFETIME_MS = 60 * 60 * 1000;

interface CachedBearer {
  readonly token: string;
  readonly expiresAt: number;
}

export class BearerTokenSource {
  private cached: CachedBearer | undefined;
  private pending: Promise<CachedBearer> | undefined;
  /** Set by a 401 on the exchange: the token is revoked or invalid, and is never sent again. */
  private refused: ScalingoError | undefined;

  constructor(
    private readonly transport: HttpTransport,
    private readonly apiToken: string,
    private readonly now: () => number = Date.now,
    /** Told once, when the exchange refuses the API token. */
    private readonly onRefused: () => void = () => undefined,
  ) {}

  /** A bearer valid for at least the refresh margin. */
  async get(signal?: AbortSignal): Promise<string> {
    if (this.refused) throw this.refused;
    const cached = this.cached;
    if (cached && cached.expiresAt - this.now() > REFRESH_MARGIN_MS) return cached.token;
    // Checked before the exchange starts: an exchange nobody waits for could fail unobserved.
    if (signal?.aborted) throw cancelledError(EXCHANGE_ROUTE);
    return (await abortable(this.exchangeOnce(), signal)).token;
  }

  /** The bearer in use, if any: errors are scrubbed of it, in case a server echoes the header. */
  get current(): string | undefined {
    return this.cached?.token;
  }

  /** Forgets `token` after the server refused it, so the next `get` exchanges again. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  /** Concurrent callers share one exchange; it is not tied to any one caller's cancellation. */
  private exchangeOnce(): Promise<CachedBearer> {
    this.pending ??= this.exchange().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async exchange(): Promise<CachedBearer> {
    const response = await this.transport.send({
      method: 'POST',
      path: '/v1/tokens/exchange',
      route: EXCHANGE_ROUTE,
      body: {},
      authorization: `Basic ${Buffer.from(`:${this.apiToken}`).toString('base64')}`,
    });
    if (response.status !== 200 && response.status !== 201) {
      const failure = errorFromResponse(response, EXCHANGE_ROUTE);
      // Only a plain 401 says the token is bad; "OTP Required" and every other fault say nothing about it.
      if (failure.kind !== 'unauthorized') throw failure;
      this.refused = new ScalingoError(
        'invalidToken',
        'Scalingo refused the API token: it is invalid or has been revoked. Sign in again with a valid token.',
        failure.details,
      );
      this.onRefused();
      throw this.refused;
    }
    const { token } = parseBody(response, bodies.exchange, EXCHANGE_ROUTE);
    const bearer = { token, expiresAt: expiryOf(token) ?? this.now() + ASSUMED_LIFETIME_MS };
    this.cached = bearer;
    return bearer;
  }
}

/** Reads `exp` (seconds) from a JWT's payload without verifying it: only the server verifies. */
export function expiryOf(jwt: string): number | undefined {
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    const exp: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))?.exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** Lets one caller stop waiting for shared work without cancelling the work for the others. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(cancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
