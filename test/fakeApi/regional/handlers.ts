/**
 * The regional routes as pure functions: state and request in, Reply out (the server authenticates
 * first and applies faults after, as for the auth routes).
 */
import type { FakeIntegration, FakePullRequest, FakeRepository } from '../model';
import { paginate } from '../pagination';
import { errorReply, jsonReply, noContent, resourceNotFound, validationFailed, type Reply } from '../reply';
import { sameLogin } from '../searchQuery';
import type { FakeScalingoState } from '../state';
import type { FakeApp, FakeRegion, FakeRepoLink } from './model';
import type { RegionalParams, RegionalRouteName } from './routes';
import { appJson, deploymentJson, repoLinkJson, reviewAppJson } from './wireFormat';
import { randomUUID } from 'node:crypto';

export interface RegionalContext {
  readonly state: FakeScalingoState;
  readonly region: FakeRegion;
  readonly params: RegionalParams;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** The server clock as an ISO date. */
  readonly now: string;
}

type Handler = (context: RegionalContext) => Reply;

const LINKS_PER_PAGE = 30;
const DEPLOYMENTS_PER_PAGE = 20;

export const regionalHandlers: Readonly<Record<RegionalRouteName, Handler>> = {
  apps: ({ state, region }) => jsonReply(200, { apps: region.apps.map((app) => appJson(app, region, state.user)) }),

  app: withApp((app, { state, region }) => jsonReply(200, { app: appJson(app, region, state.user) })),

  repoLinks: ({ region, query }) => {
    const integrationId = query['auth_integration_uuid'];
    const links = region.links.filter((link) => integrationId === undefined || link.auth_integration_uuid === integrationId);
    const page = paginate(links, query, LINKS_PER_PAGE);
    if (!page.ok) return page.reply;
    return jsonReply(200, { scm_repo_links: page.items.map(repoLinkJson), meta: page.meta });
  },

  repoLink: withLink((link) => jsonReply(200, { scm_repo_link: repoLinkJson(link) })),

  createRepoLink: withApp((app, context) => createLink(app, context)),

  updateRepoLink: withLink((link, _app, { body }) => {
    const fields = recordAt(body, 'scm_repo_link');
    if (!fields) return errorReply(400, 'param is missing or the value is empty: scm_repo_link');
    if ('source' in fields || 'auth_integration_uuid' in fields) {
      return validationFailed({ source: ['cannot be changed: unlink and link again'] });
    }
    const problems = settingProblems(fields);
    if (problems) return problems;
    applySettings(link, fields);
    return jsonReply(200, { scm_repo_link: repoLinkJson(link) });
  }),

  deleteRepoLink: withLink((link, _app, { region }) => {
    region.links.splice(region.links.indexOf(link), 1);
    return noContent();
  }),

  manualDeploy: withLink((link, app, { state, region, body }) => {
    const branch = recordAt({ root: body }, 'root')?.['branch'];
    if (typeof branch !== 'string' || branch === '') return validationFailed({ branch: ["can't be blank"] });
    const repository = linkedRepository(state, link);
    if (repository && !repository.branches.includes(branch)) return validationFailed({ branch: ['does not exist in the repository'] });
    const deployment = state.regional.startDeployment(region, app, branch, state.user.username);
    return jsonReply(200, { deployment: deploymentJson(deployment, state.regional.statusOf(deployment)) });
  }),

  manualReviewApp: withLink((link, app, { state, region, body, now }) => {
    const number = recordAt({ root: body }, 'root')?.['pull_request_id'];
    if (typeof number !== 'number') return validationFailed({ pull_request_id: ['must be a number'] });
    const pullRequest = linkedPullRequests(state, link).find((candidate) => candidate.number === number && candidate.state === 'open');
    if (!pullRequest) return resourceNotFound('pull_request');
    const existing = state.regional.reviewAppsOf(region, app).find((reviewApp) => reviewApp.pull_request_number === number);
    if (existing) return validationFailed({ pull_request_id: ['already has a review app'] });
    const reviewApp = state.regional.createReviewApp(region, app, link, number, branchOf(pullRequest), now);
    if (state.regional.reviewAppCreation.answer === 'empty') return { status: 201 };
    return jsonReply(201, { review_app: reviewAppBody(state, region, app, reviewApp.id) });
  }),

  reviewApps: withLink((_link, app, { state, region }) =>
    jsonReply(200, {
      review_apps: state.regional.reviewAppsOf(region, app).map((reviewApp) => reviewAppBody(state, region, app, reviewApp.id)),
    }),
  ),

  linkPulls: withLink((link, _app, { state }) =>
    jsonReply(200, {
      pulls: linkedPullRequests(state, link)
        .filter((pullRequest) => pullRequest.state === 'open')
        .map((pullRequest) => pullJson(pullRequest, link)),
    }),
  ),

  linkPull: withLink((link, _app, { state, params }) => {
    const pullRequest = linkedPullRequests(state, link).find((candidate) => String(candidate.number) === params.number);
    return pullRequest ? jsonReply(200, { pull: pullJson(pullRequest, link) }) : resourceNotFound('pull_request');
  }),

  linkBranches: withLink((link, _app, { state }) => {
    const repository = linkedRepository(state, link);
    if (!repository) return resourceNotFound('repository');
    return jsonReply(200, { branches: repository.branches.map((name) => ({ name })) });
  }),

  deployments: withApp((app, { state, region, query }) => {
    const newestFirst = region.deployments.filter((deployment) => deployment.app_id === app.id).reverse();
    const page = paginate(newestFirst, query, DEPLOYMENTS_PER_PAGE);
    if (!page.ok) return page.reply;
    return jsonReply(200, {
      deployments: page.items.map((deployment) => deploymentJson(deployment, state.regional.statusOf(deployment))),
      meta: page.meta,
    });
  }),

  deployment: withApp((app, { state, region, params }) => {
    const deployment = region.deployments.find((candidate) => candidate.app_id === app.id && candidate.id === params.deploymentId);
    if (!deployment) return resourceNotFound('deployment');
    return jsonReply(200, { deployment: deploymentJson(deployment, state.regional.statusOf(deployment)) });
  }),
};

function withApp(handler: (app: FakeApp, context: RegionalContext) => Reply): Handler {
  return (context) => {
    const app = context.params.app === undefined ? undefined : context.state.regional.findApp(context.region, context.params.app);
    return app ? handler(app, context) : resourceNotFound('app');
  };
}

/** Routes under /scm_repo_link: 404 `scm_repo_link` when the app has none ("not linked"). */
function withLink(handler: (link: FakeRepoLink, app: FakeApp, context: RegionalContext) => Reply): Handler {
  return withApp((app, context) => {
    const link = context.state.regional.linkOf(context.region, app);
    return link ? handler(link, app, context) : resourceNotFound('scm_repo_link');
  });
}

function createLink(app: FakeApp, { state, region, body, now }: RegionalContext): Reply {
  const fields = recordAt(body, 'scm_repo_link');
  if (!fields) return errorReply(400, 'param is missing or the value is empty: scm_repo_link');
  if (state.regional.linkOf(region, app)) return validationFailed({ app: ['is already linked to a repository'] });
  const integration = typeof fields['auth_integration_uuid'] === 'string' ? state.integration(fields['auth_integration_uuid']) : undefined;
  if (!integration) return validationFailed({ auth_integration_uuid: ['is invalid'] });
  const source = typeof fields['source'] === 'string' ? fields['source'] : '';
  const found = repositoryAt(integration, source);
  if (!found) return validationFailed({ source: ['is not a repository this integration can reach'] });
  const problems = settingProblems(fields);
  if (problems) return problems;
  const branch = typeof fields['branch'] === 'string' ? fields['branch'] : (found.branches[0] ?? 'main');
  if (!found.branches.includes(branch)) return validationFailed({ branch: ['does not exist in the repository'] });
  const link: FakeRepoLink = {
    id: randomUUID(),
    app_id: app.id,
    auth_integration_uuid: integration.id,
    scm_type: integration.scm_type,
    url: integration.url,
    owner: found.owner,
    repo: found.name,
    branch,
    auto_deploy_enabled: false,
    deploy_review_apps_enabled: false,
    delete_on_close_enabled: true,
    delete_stale_enabled: false,
    automatic_creation_from_forks_allowed: false,
    last_auto_deploy_at: null,
    created_at: now,
    linker_username: state.user.username,
  };
  applySettings(link, fields);
  region.links.push(link);
  return jsonReply(201, { scm_repo_link: repoLinkJson(link) });
}

const BOOLEAN_SETTINGS = [
  'auto_deploy_enabled',
  'deploy_review_apps_enabled',
  'delete_on_close_enabled',
  'delete_stale_enabled',
  'automatic_creation_from_forks_allowed',
] as const;

function settingProblems(fields: Record<string, unknown>): Reply | undefined {
  const errors: Record<string, string[]> = {};
  for (const name of BOOLEAN_SETTINGS) {
    if (name in fields && typeof fields[name] !== 'boolean') errors[name] = ['must be true or false'];
  }
  if ('branch' in fields && (typeof fields['branch'] !== 'string' || fields['branch'] === '')) errors['branch'] = ["can't be blank"];
  return Object.keys(errors).length > 0 ? validationFailed(errors) : undefined;
}

function applySettings(link: FakeRepoLink, fields: Record<string, unknown>): void {
  for (const name of BOOLEAN_SETTINGS) if (typeof fields[name] === 'boolean') link[name] = fields[name];
  if (typeof fields['branch'] === 'string' && fields['branch'] !== '') link.branch = fields['branch'];
}

/** `https://github.com/owner/repo` (any case, with or without `.git`) → that repository of the integration. */
function repositoryAt(integration: FakeIntegration, source: string): FakeRepository | undefined {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return undefined;
  }
  if (url.host.toLowerCase() !== new URL(integration.url).host.toLowerCase()) return undefined;
  const fullName = url.pathname.replace(/^\/+|\/+$/gu, '').replace(/\.git$/iu, '');
  return integration.repositories.find((repository) => sameLogin(`${repository.owner}/${repository.name}`, fullName));
}

function linkedRepository(state: FakeScalingoState, link: FakeRepoLink): FakeRepository | undefined {
  return state
    .integration(link.auth_integration_uuid)
    ?.repositories.find((repository) => sameLogin(`${repository.owner}/${repository.name}`, `${link.owner}/${link.repo}`));
}

function linkedPullRequests(state: FakeScalingoState, link: FakeRepoLink): FakePullRequest[] {
  return (state.integration(link.auth_integration_uuid)?.pullRequests ?? []).filter((pullRequest) =>
    sameLogin(pullRequest.repo, `${link.owner}/${link.repo}`),
  );
}

/** The fake's pull requests carry no branch: one is derived from the title, as people name them. */
function branchOf(pullRequest: FakePullRequest): string {
  return pullRequest.title.toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '') || `pr-${pullRequest.number}`;
}

function pullJson(pullRequest: FakePullRequest, link: FakeRepoLink) {
  return {
    id: pullRequest.id,
    number: pullRequest.number,
    title: pullRequest.title,
    html_url: `${link.url}/${pullRequest.repo}/pull/${pullRequest.number}`,
    source_repo_name: pullRequest.sourceRepo,
    source_repo_html_url: `${link.url}/${pullRequest.sourceRepo}`,
    opened_from_a_forked_repo: !sameLogin(pullRequest.sourceRepo, pullRequest.repo),
  };
}

function reviewAppBody(state: FakeScalingoState, region: FakeRegion, parent: FakeApp, reviewAppId: string) {
  const reviewApp = region.reviewApps.find((candidate) => candidate.id === reviewAppId)!;
  const child = region.apps.find((app) => app.id === reviewApp.app_id);
  const link = state.regional.linkOf(region, parent);
  const pullRequest = link && linkedPullRequests(state, link).find((candidate) => candidate.number === reviewApp.pull_request_number);
  const last = child && state.regional.lastDeploymentOf(region, child);
  return reviewAppJson(
    reviewApp,
    child,
    parent,
    pullRequest && link
      ? { number: pullRequest.number, title: pullRequest.title, branch: branchOf(pullRequest), htmlUrl: `${link.url}/${pullRequest.repo}/pull/${pullRequest.number}` }
      : undefined,
    last && { deployment: last, status: state.regional.statusOf(last) },
  );
}

function recordAt(body: unknown, key: string): Record<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
