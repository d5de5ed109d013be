/**
 * The checks of the link route, in the order the service makes them: the fields (all reported at
 * once, Rails style), then the (scm_type, url) pair not linked yet, then the code host accepting
 * the token. The last one stands for the call the real service makes to GitHub or GitLab.
 */
import { errorReply, validationFailed, type Reply } from './reply';
import type { FakeScalingoState, LinkRequest } from './state';

const LINKABLE_SCM_TYPES = ['github-enterprise', 'gitlab-self-hosted'];
/** Linked in a browser through OAuth, never through this route. */
const OAUTH_SCM_TYPES = ['github', 'gitlab'];

/**
 * Tokens the fake code host refuses: a GitLab group token (`glpat-group…`) stands for the common
 * mistake of a group or project token instead of a personal one; `bad…` for any wrong token.
 */
export const DEFAULT_REFUSED_ACCESS_TOKEN_PREFIXES: readonly string[] = ['glpat-group', 'bad'];

export type LinkValidation = { readonly ok: true; readonly request: LinkRequest } | { readonly ok: false; readonly reply: Reply };

export function validateLink(
  body: unknown,
  state: FakeScalingoState,
  refusedAccessTokenPrefixes: readonly string[],
): LinkValidation {
  const fields = isRecord(body) ? body['scm_integration'] : undefined;
  if (!isRecord(fields)) {
    return { ok: false, reply: errorReply(400, 'param is missing or the value is empty: scm_integration') };
  }
  const { scm_type: scmType, url, access_token: accessToken } = fields;
  const errors: Record<string, string[]> = {};
  if (typeof scmType !== 'string' || !LINKABLE_SCM_TYPES.includes(scmType)) {
    errors['scm_type'] = [
      typeof scmType === 'string' && OAUTH_SCM_TYPES.includes(scmType)
        ? 'can only be linked through OAuth from the Scalingo dashboard'
        : 'is not included in the list',
    ];
  }
  const codeHostUrl = typeof url === 'string' ? httpsUrl(url) : undefined;
  if (codeHostUrl === undefined) errors['url'] = ['is invalid'];
  if (typeof accessToken !== 'string' || accessToken.trim() === '') errors['access_token'] = ["can't be blank"];
  if (Object.keys(errors).length > 0) return { ok: false, reply: validationFailed(errors) };

  const request = { scm_type: scmType as string, url: codeHostUrl as string, access_token: accessToken as string };
  if (state.findLinked(request.scm_type, request.url)) {
    return { ok: false, reply: validationFailed({ scm_type: ['is already linked'] }) };
  }
  if (refusedAccessTokenPrefixes.some((prefix) => request.access_token.startsWith(prefix))) {
    return { ok: false, reply: validationFailed({ access_token: ['is invalid or has not the required scopes'] }) };
  }
  return { ok: true, request };
}

/** The URL without a trailing slash, so `https://h/` and `https://h` are the same code host. */
function httpsUrl(text: string): string | undefined {
  if (!URL.canParse(text)) return undefined;
  const parsed = new URL(text);
  if (parsed.protocol !== 'https:' || parsed.hostname === '') return undefined;
  return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/u, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
