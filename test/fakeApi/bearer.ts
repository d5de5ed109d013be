import { randomBytes } from 'node:crypto';

/** Issues JWT-shaped bearers (`header.payload.signature`, base64url) and remembers whose they are. */
export class BearerIssuer {
  private readonly issued = new Map<string, { apiToken: string; expiresAt: number }>();

  constructor(private readonly lifetimeSeconds: number) {}

  issue(apiToken: string): string {
    const now = Math.floor(Date.now() / 1000);
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = [
      encode({ alg: 'HS256', typ: 'JWT' }),
      encode({ sub: 'us-fake-user', iat: now, exp: now + this.lifetimeSeconds }),
      randomBytes(16).toString('base64url'),
    ].join('.');
    this.issued.set(token, { apiToken, expiresAt: (now + this.lifetimeSeconds) * 1000 });
    return token;
  }

  /** The API token behind a bearer still valid, else undefined. */
  verify(token: string): string | undefined {
    const entry = this.issued.get(token);
    if (!entry || entry.expiresAt <= Date.now()) return undefined;
    return entry.apiToken;
  }

  expireAll(): void {
    this.issued.clear();
  }
}
