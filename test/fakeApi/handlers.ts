/**
 * One pure function per route once the request is authenticated: state and request in, Reply out.
 * (The exchange is in authentication.ts: it is the one route without a bearer.)
 */
import { validateLink } from './linkValidation';
import type { FakeIntegration, FakePullRequest, FakeRepository } from './model';
import { paginate } from './pagination';
import { errorReply, jsonReply, noContent, resourceNotFound, type Reply } from './reply';
import type { AuthRouteName } from './routes';
import { matchesEveryKeyword, parseSearchQuery, sameLogin } from './searchQuery';
import type { FakeScalingoState } from './state';
import {
  integrationJson,
  keyJson,
  linkedIntegrationJson,
  organizationJson,
  pullRequestJson,
  repositoryJson,
  userJson,
} from './wireFormat';

export interface RouteContext {
  readonly state: FakeScalingoState;
  /** The `:id` of the path, for the routes under /v1/scm_integrations/:id. */
  readonly integrationId: string | undefined;
  /** Decoded query parameters (URLSearchParams semantics: `+` is a space). */
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** The server clock as an ISO date, for `created_at` of what the request creates. */
  readonly now: string;
  readonly refusedAccessTokenPrefixes: readonly string[];
  /** What search_repos does with an empty `query` (undocumented: the reference calls it the search). */
  readonly emptySearchQuery: 'accept' | 'refuse';
  /** See FakeScalingoOptions.searchReposPagination. */
  readonly searchReposPagination: SearchReposPagination;
}

/**
 * The published reference documents no pagination for search_repos. `meta`: pages like the routes
 * that do (page, per_page, meta.pagination). `none`: an API that does not page this route: the
 * first `per_page` results (default 30), `page` ignored, no `meta`.
 */
export type SearchReposPagination = 'meta' | 'none';

type RouteHandler = (context: RouteContext) => Reply;

/** scalingo.js pages organizations 20 at a time; GitHub's search pages 30 at a time. */
const ORGANIZATIONS_PER_PAGE = 20;
const REPOSITORIES_PER_PAGE = 30;

export const handlers: Readonly<Record<Exclude<AuthRouteName, 'exchange' | 'regions'>, RouteHandler>> = {
  self: ({ state }) => jsonReply(200, { user: userJson(state.user) }),

  keys: ({ state }) => jsonReply(200, { keys: state.keys.map((key) => keyJson(key, state.user)) }),

  list: ({ state }) =>
    jsonReply(200, { scm_integrations: state.integrations.map((integration) => integrationJson(integration, state.user)) }),

  show: withIntegration((integration, { state }) =>
    jsonReply(200, { scm_integration: integrationJson(integration, state.user) }),
  ),

  link: ({ state, body, now, refusedAccessTokenPrefixes }) => {
    const validation = validateLink(body, state, refusedAccessTokenPrefixes);
    if (!validation.ok) return validation.reply;
    const integration = state.link(validation.request, now);
    return jsonReply(201, { scm_integration: linkedIntegrationJson(integration, state.user) });
  },

  unlink: withIntegration((integration, { state }) => {
    state.removeIntegration(integration.id);
    return noContent();
  }),

  importKeys: withIntegration((integration, { state, now }) =>
    jsonReply(201, { keys: state.importKeys(integration, now).map((key) => keyJson(key, state.user)) }),
  ),

  searchRepos: withIntegration((integration, { query, searchReposPagination, emptySearchQuery }) => {
    if (emptySearchQuery === 'refuse' && !query['query']?.trim()) return jsonReply(422, { errors: { query: ["can't be blank"] } });
    const found = searchRepositories(integration, query['query']);
    if (searchReposPagination === 'none') {
      const { page: _ignored, ...firstPage } = query;
      const cut = paginate(found, firstPage, REPOSITORIES_PER_PAGE);
      if (!cut.ok) return cut.reply;
      return jsonReply(200, { repositories: cut.items.map((repository) => repositoryJson(repository, integration)) });
    }
    const page = paginate(found, query, REPOSITORIES_PER_PAGE);
    if (!page.ok) return page.reply;
    return jsonReply(200, {
      repositories: page.items.map((repository) => repositoryJson(repository, integration)),
      meta: page.meta,
    });
  }),

  orgs: withIntegration((integration, { query }) => {
    const page = paginate(integration.organizations, query, ORGANIZATIONS_PER_PAGE);
    if (!page.ok) return page.reply;
    return jsonReply(200, {
      organizations: page.items.map((organization) => organizationJson(organization, integration)),
      meta: page.meta,
    });
  }),

  searchPullRequests: withIntegration((integration, { query }) =>
    jsonReply(200, {
      pull_requests: searchPullRequests(integration, query['query']).map((pullRequest) =>
        pullRequestJson(pullRequest, integration),
      ),
    }),
  ),

  branches: withIntegration((integration, { query }) => {
    const repoName = query['repo_name'];
    if (!repoName) return errorReply(400, 'repo_name is required');
    const repository = integration.repositories.find((candidate) =>
      sameLogin(`${candidate.owner}/${candidate.name}`, repoName),
    );
    if (!repository) return resourceNotFound('repository');
    return jsonReply(200, { branches: repository.branches.map((name) => ({ name })) });
  }),
};

/** Routes under /v1/scm_integrations/:id answer 404 for an id the account does not have. */
function withIntegration(handler: (integration: FakeIntegration, context: RouteContext) => Reply): RouteHandler {
  return (context) => {
    const integration = context.integrationId === undefined ? undefined : context.state.integration(context.integrationId);
    return integration ? handler(integration, context) : resourceNotFound('scm_integration');
  };
}

/**
 * Qualifiers `fork:true|false` (forks are left out unless `fork:true`) and `user:<login>`.
 * Results keep the state's order: the code host's relevance ranking is not modelled.
 */
function searchRepositories(integration: FakeIntegration, query: string | undefined): FakeRepository[] {
  const { keywords, qualifiers } = parseSearchQuery(query, ['fork', 'user']);
  const includeForks = qualifiers.get('fork')?.toLowerCase() === 'true';
  const user = qualifiers.get('user');
  return integration.repositories
    .filter((repository) => includeForks || !repository.fork)
    .filter((repository) => user === undefined || sameLogin(repository.owner, user))
    .filter((repository) =>
      matchesEveryKeyword(keywords, [repository.name, `${repository.owner}/${repository.name}`, repository.description]),
    );
}

/** Qualifiers `is:open|closed` (absent: both) and `repo:<owner/name>`; keywords match the title. */
function searchPullRequests(integration: FakeIntegration, query: string | undefined): FakePullRequest[] {
  const { keywords, qualifiers } = parseSearchQuery(query, ['is', 'repo']);
  const state = qualifiers.get('is')?.toLowerCase();
  const repo = qualifiers.get('repo');
  return integration.pullRequests
    .filter((pullRequest) => state === undefined || pullRequest.state === state)
    .filter((pullRequest) => repo === undefined || sameLogin(pullRequest.repo, repo))
    .filter((pullRequest) => matchesEveryKeyword(keywords, [pullRequest.title]));
}
