/**
 * Takes secrets out of text that came from a server (error bodies, proxy pages) before it can
 * reach a message, a log line or a stack. Known values (the API token, its Basic header, the
 * token just typed) are removed wherever they appear; shapes that are always secrets (a JWT, an
 * `Authorization` value, an `access_token=…`, the code hosts' token prefixes) are removed even
 * when this client never saw the value, as when a proxy page echoes request headers.
 */
const MASK = '•••';

const SECRET_SHAPES: readonly RegExp[] = [
  // "Authorization: Bearer <jwt>" or "Basic <base64>", as a proxy debug page prints them.
  /\b((?:Bearer|Basic)\s+)[A-Za-z0-9._~+/-]+=*/giu,
  // A JWT anywhere (the bearer is one): three base64url parts, the first an encoded JSON object.
  /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/gu,
  // access_token=…, "access_token": "…", access_token: …
  /(access_token["']?\s*[:=]\s*["']?)[^\s"',}&]+/giu,
  // Scalingo API tokens and the code hosts' personal access tokens.
  /\btk-us-[A-Za-z0-9_-]+/gu,
  /\bglpat-[A-Za-z0-9_-]+/gu,
  /\bgh[pousr]_[A-Za-z0-9]{10,}/gu,
  /\bgithub_pat_[A-Za-z0-9_]{10,}/gu,
];

export function scrubSecrets(text: string, known: readonly string[] = []): string {
  let scrubbed = known.reduce((acc, secret) => (secret ? acc.split(secret).join(MASK) : acc), text);
  for (const shape of SECRET_SHAPES) {
    // A shape with a group keeps it (the header name, `access_token=`) and masks what follows.
    scrubbed = scrubbed.replace(shape, (_match, kept: unknown) => (typeof kept === 'string' ? `${kept}${MASK}` : MASK));
  }
  return scrubbed;
}
