/**
 * The fake's credentials: which API tokens it accepts, and the JWT-shaped bearers it issued for
 * them. A bearer is accepted only when this server issued it, it has not expired and its API token
 * has not been revoked since: the three ways a real client's cached bearer stops working.
 */
import { randomBytes } from 'node:crypto';

export type BearerCheck = { readonly valid: true } | { readonly valid: false; readonly reason: string };

interface IssuedBearer {
  readonly apiToken: string;
  expiresAtMs: number;
}

export class BearerIssuer {
  private readonly acceptedApiTokens: Set<string>;
  private readonly issued = new Map<string, IssuedBearer>();
  private issuedCount = 0;

  constructor(
    apiTokens: readonly string[],
    private readonly lifetimeSeconds: number,
    /** The `sub` claim: the Scalingo user id, as in the real tokens. */
    private readonly subject: string,
    private readonly clock: () => number,
  ) {
    this.acceptedApiTokens = new Set(apiTokens);
  }

  /** How many bearers were issued since the server started. */
  get exchangeCount(): number {
    return this.issuedCount;
  }

  acceptsApiToken(apiToken: string): boolean {
    return this.acceptedApiTokens.has(apiToken);
  }

  revokeApiToken(apiToken: string): void {
    this.acceptedApiTokens.delete(apiToken);
  }

  /** Accepts the token again; bearers issued for it before the revocation work again if unexpired. */
  restoreApiToken(apiToken: string): void {
    this.acceptedApiTokens.add(apiToken);
  }

  /** Every bearer issued so far is now expired; new exchanges issue valid ones again. */
  expireAll(): void {
    for (const bearer of this.issued.values()) bearer.expiresAtMs = Number.NEGATIVE_INFINITY;
  }

  /** header.payload.signature, base64url each; the payload carries `exp` in seconds like a real JWT. */
  issue(apiToken: string): string {
    const issuedAt = Math.floor(this.clock() / 1000);
    const expiresAt = issuedAt + this.lifetimeSeconds;
    const jwt = [
      base64url({ alg: 'HS256', typ: 'JWT' }),
      base64url({ sub: this.subject, iat: issuedAt, exp: expiresAt }),
      randomBytes(32).toString('base64url'),
    ].join('.');
    this.issued.set(jwt, { apiToken, expiresAtMs: expiresAt * 1000 });
    this.issuedCount += 1;
    return jwt;
  }

  verify(jwt: string): BearerCheck {
    const bearer = this.issued.get(jwt);
    if (!bearer) return { valid: false, reason: 'invalid token' };
    if (!this.acceptedApiTokens.has(bearer.apiToken)) return { valid: false, reason: 'token revoked' };
    if (this.clock() >= bearer.expiresAtMs) return { valid: false, reason: 'token expired' };
    return { valid: true };
  }
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
