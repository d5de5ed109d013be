/**
 * The two doors of the auth service: the exchange (HTTP Basic with the API token as password) and
 * the bearer every other route requires. Each 401 says which check failed, in words a person reads.
 */
import type { BearerIssuer } from './bearer';
import { errorReply, jsonReply, type Reply } from './reply';

/** `POST /v1/tokens/exchange`: `Basic base64(":" + apiToken)` → `{"token": jwt}`. */
export function exchange(authorization: string | undefined, issuer: BearerIssuer): Reply {
  const apiToken = basicPassword(authorization);
  if (apiToken === undefined || !issuer.acceptsApiToken(apiToken)) return errorReply(401, 'invalid credentials');
  return jsonReply(200, { token: issuer.issue(apiToken) });
}

/** undefined when the bearer is good; otherwise the 401 to send instead of the route's answer. */
export function refuseUnlessBearer(authorization: string | undefined, issuer: BearerIssuer): Reply | undefined {
  const match = /^Bearer +(\S+)$/iu.exec(authorization ?? '');
  if (!match?.[1]) return errorReply(401, 'authentication required: send Authorization: Bearer <token>');
  const check = issuer.verify(match[1]);
  return check.valid ? undefined : errorReply(401, check.reason);
}

/** The password of a Basic header; the user name is ignored, as HTTP Basic servers usually do. */
function basicPassword(authorization: string | undefined): string | undefined {
  const match = /^Basic +([A-Za-z0-9+/]+=*)$/iu.exec(authorization ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const password = decoded.slice(colon + 1);
  return password.length > 0 ? password : undefined;
}
