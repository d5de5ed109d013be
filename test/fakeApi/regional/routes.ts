/** The regional routes of the fake, served by each region's own server (see ../server.ts). */

export type RegionalRouteName =
  | 'apps'
  | 'app'
  | 'repoLinks'
  | 'repoLink'
  | 'createRepoLink'
  | 'updateRepoLink'
  | 'deleteRepoLink'
  | 'manualDeploy'
  | 'manualReviewApp'
  | 'reviewApps'
  | 'linkPulls'
  | 'linkPull'
  | 'linkBranches'
  | 'deployments'
  | 'deployment';

export interface RegionalParams {
  readonly app?: string;
  readonly number?: string;
  readonly deploymentId?: string;
}

export type RegionalRouteMatch =
  | { readonly kind: 'route'; readonly route: RegionalRouteName; readonly params: RegionalParams }
  | { readonly kind: 'methodNotAllowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'notFound' };

const SEGMENT = '([^/]+)';
const APP = `/v1/apps/${SEGMENT}`;
const LINK = `${APP}/scm_repo_link`;

const ROUTES: readonly { route: RegionalRouteName; method: string; path: RegExp; names: (keyof RegionalParams)[] }[] = [
  { route: 'apps', method: 'GET', path: /^\/v1\/apps$/u, names: [] },
  { route: 'app', method: 'GET', path: new RegExp(`^${APP}$`, 'u'), names: ['app'] },
  { route: 'repoLinks', method: 'GET', path: /^\/v1\/scm_repo_links$/u, names: [] },
  { route: 'repoLink', method: 'GET', path: new RegExp(`^${LINK}$`, 'u'), names: ['app'] },
  { route: 'createRepoLink', method: 'POST', path: new RegExp(`^${LINK}$`, 'u'), names: ['app'] },
  { route: 'updateRepoLink', method: 'PATCH', path: new RegExp(`^${LINK}$`, 'u'), names: ['app'] },
  { route: 'deleteRepoLink', method: 'DELETE', path: new RegExp(`^${LINK}$`, 'u'), names: ['app'] },
  { route: 'manualDeploy', method: 'POST', path: new RegExp(`^${LINK}/manual_deploy$`, 'u'), names: ['app'] },
  { route: 'manualReviewApp', method: 'POST', path: new RegExp(`^${LINK}/manual_review_app$`, 'u'), names: ['app'] },
  { route: 'reviewApps', method: 'GET', path: new RegExp(`^${LINK}/review_apps$`, 'u'), names: ['app'] },
  { route: 'linkPulls', method: 'GET', path: new RegExp(`^${LINK}/pulls$`, 'u'), names: ['app'] },
  { route: 'linkPull', method: 'GET', path: new RegExp(`^${LINK}/pulls/${SEGMENT}$`, 'u'), names: ['app', 'number'] },
  { route: 'linkBranches', method: 'GET', path: new RegExp(`^${LINK}/branches$`, 'u'), names: ['app'] },
  { route: 'deployments', method: 'GET', path: new RegExp(`^${APP}/deployments$`, 'u'), names: ['app'] },
  { route: 'deployment', method: 'GET', path: new RegExp(`^${APP}/deployments/${SEGMENT}$`, 'u'), names: ['app', 'deploymentId'] },
];

export function matchRegionalRoute(method: string, path: string): RegionalRouteMatch {
  const samePath = ROUTES.flatMap((definition) => {
    const captured = definition.path.exec(path);
    return captured ? [{ definition, captured }] : [];
  });
  const exact = samePath.find(({ definition }) => definition.method === method);
  if (exact) {
    const params: Record<string, string> = {};
    exact.definition.names.forEach((name, index) => {
      params[name] = decoded(exact.captured[index + 1] ?? '');
    });
    return { kind: 'route', route: exact.definition.route, params };
  }
  if (samePath.length > 0) return { kind: 'methodNotAllowed', allowed: samePath.map(({ definition }) => definition.method) };
  return { kind: 'notFound' };
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
