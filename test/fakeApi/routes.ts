import type { RegionalRouteName } from './regional/routes';

/**
 * The route table of the fake: the README's routes plus users/self, keys and branches. Matching
 * tells apart an unknown path (404) from a known path called with the wrong method (405), the
 * difference a client developer needs when a request goes nowhere.
 */

export type AuthRouteName =
  | 'exchange'
  | 'regions'
  | 'self'
  | 'keys'
  | 'list'
  | 'show'
  | 'link'
  | 'unlink'
  | 'importKeys'
  | 'searchRepos'
  | 'orgs'
  | 'searchPullRequests'
  | 'branches';

/** Every route of the fake, the auth service's and the regions' (regional/routes.ts). */
export type RouteName = AuthRouteName | RegionalRouteName;

export type RouteMatch =
  | { readonly kind: 'route'; readonly route: AuthRouteName; readonly integrationId: string | undefined }
  | { readonly kind: 'methodNotAllowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'notFound' };

interface RouteDefinition {
  readonly route: AuthRouteName;
  readonly method: string;
  /** The first capture group, when present, is the integration id. */
  readonly path: RegExp;
}

const ID = '([^/]+)';

const ROUTES: readonly RouteDefinition[] = [
  { route: 'exchange', method: 'POST', path: /^\/v1\/tokens\/exchange$/u },
  { route: 'regions', method: 'GET', path: /^\/v1\/regions$/u },
  { route: 'self', method: 'GET', path: /^\/v1\/users\/self$/u },
  { route: 'keys', method: 'GET', path: /^\/v1\/keys$/u },
  { route: 'list', method: 'GET', path: /^\/v1\/scm_integrations$/u },
  { route: 'link', method: 'POST', path: /^\/v1\/scm_integrations$/u },
  { route: 'show', method: 'GET', path: new RegExp(`^/v1/scm_integrations/${ID}$`, 'u') },
  { route: 'unlink', method: 'DELETE', path: new RegExp(`^/v1/scm_integrations/${ID}$`, 'u') },
  { route: 'importKeys', method: 'POST', path: new RegExp(`^/v1/scm_integrations/${ID}/import_keys$`, 'u') },
  { route: 'searchRepos', method: 'GET', path: new RegExp(`^/v1/scm_integrations/${ID}/search_repos$`, 'u') },
  { route: 'orgs', method: 'GET', path: new RegExp(`^/v1/scm_integrations/${ID}/orgs$`, 'u') },
  {
    route: 'searchPullRequests',
    method: 'GET',
    path: new RegExp(`^/v1/scm_integrations/${ID}/search_pull_requests$`, 'u'),
  },
  { route: 'branches', method: 'GET', path: new RegExp(`^/v1/scm_integrations/${ID}/branches$`, 'u') },
];

export function matchRoute(method: string, path: string): RouteMatch {
  const samePath = ROUTES.flatMap((definition) => {
    const captured = definition.path.exec(path);
    return captured ? [{ definition, integrationId: captured[1] }] : [];
  });
  const exact = samePath.find(({ definition }) => definition.method === method);
  if (exact) {
    return { kind: 'route', route: exact.definition.route, integrationId: decodedSegment(exact.integrationId) };
  }
  if (samePath.length > 0) return { kind: 'methodNotAllowed', allowed: samePath.map(({ definition }) => definition.method) };
  return { kind: 'notFound' };
}

/** A malformed escape (`%zz`) is kept as typed: it then matches no integration, hence a 404. */
function decodedSegment(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
