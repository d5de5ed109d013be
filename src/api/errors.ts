/**
 * The one error family `src/api/` throws. The UI switches on `kind`; the message is written for a
 * person and never contains a token; `details` carries what belongs in the log only.
 */
export type ScalingoErrorKind =
  /** The API token was refused by the token exchange: invalid, revoked, or mistyped. */
  | 'invalidToken'
  /** A normal call was refused even with a fresh bearer. */
  | 'unauthorized'
  /** The account uses two-factor authentication and the route asked for a one-time password. */
  | 'otpRequired'
  | 'paymentRequired'
  | 'forbidden'
  | 'notFound'
  | 'badRequest'
  /** 422: `fieldErrors` holds the server's per-field messages. */
  | 'validation'
  | 'rateLimited'
  | 'server'
  | 'network'
  /** 407: the proxy between VS Code and Scalingo wants credentials. */
  | 'proxyAuthenticationRequired'
  | 'timeout'
  | 'cancelled'
  /** The body was not JSON or did not match the expected shape. */
  | 'invalidResponse';

export interface ScalingoErrorDetails {
  /** `GET /v1/scm_integrations/:id/orgs` — the route pattern, never a URL with a query string. */
  readonly route?: string;
  readonly status?: number;
  readonly requestId?: string;
  readonly durationMs?: number;
  /** A short, token-free excerpt of what the server said, for the log. */
  readonly serverMessage?: string;
  /** The answer was an HTML page (a proxy, a captive portal, a login page), not the API. */
  readonly webPage?: boolean;
  /** The TLS certificate of Scalingo, or of a proxy re-signing it, was not trusted. */
  readonly untrustedCertificate?: boolean;
  /** A 429's `Retry-After`, in milliseconds, when the server sent one. */
  readonly retryAfterMs?: number;
}

export class ScalingoError extends Error {
  override readonly name = 'ScalingoError';

  constructor(
    readonly kind: ScalingoErrorKind,
    message: string,
    readonly details: ScalingoErrorDetails = {},
    readonly fieldErrors: Readonly<Record<string, readonly string[]>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get status(): number | undefined {
    return this.details.status;
  }

  /** One line for the log: kind, route, status, request id, timing. */
  describeForLog(): string {
    const { route, status, requestId, durationMs, serverMessage } = this.details;
    const parts = [`${this.kind}`];
    if (route) parts.push(route);
    if (status !== undefined) parts.push(`HTTP ${status}`);
    if (requestId) parts.push(`request-id ${requestId}`);
    if (durationMs !== undefined) parts.push(`${Math.round(durationMs)} ms`);
    if (serverMessage) parts.push(`server said: ${serverMessage}`);
    return parts.join(' · ');
  }
}

/** The token exchange's route: its faults are worded apart (a 401 there is the API token itself). */
export const EXCHANGE_ROUTE = 'POST /v1/tokens/exchange';

/** The one error a cancelled request (the user's cancel, or a superseded search) ends with. */
export function cancelledError(route?: string): ScalingoError {
  return new ScalingoError('cancelled', 'The request was cancelled.', route ? { route } : {});
}

/**
 * Checks the shape, not the class: the extension bundle and the API bundle (dist/api.js, loaded on
 * first use) each carry a copy of this file, so `instanceof` would fail across them.
 */
export function isScalingoError(error: unknown, kind?: ScalingoErrorKind): error is ScalingoError {
  return (
    error instanceof Error &&
    error.name === 'ScalingoError' &&
    typeof (error as Partial<ScalingoError>).kind === 'string' &&
    (kind === undefined || (error as ScalingoError).kind === kind)
  );
}
