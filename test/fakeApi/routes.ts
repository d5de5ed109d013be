/**
 * The Scalingo auth service's routes as the fake serves them: each turns a parsed request into a
 * status and a body, against the in-memory state. Auth is checked by the server before these run.
 */
import { anIntegration } from './builders';
import type { RouteName } from './faults';
import type { FakeState } from './state';

export interface RouteRequest {
  readonly params: Record<string, string>;
  readonly query: Record<string, string>;
  readonly body: unknown;
}

export interface RouteAnswer {
  readonly status: number;
  readonly body?: unknown;
}

export interface Route {
  readonly name: RouteName;
  readonly method: string;
  readonly pattern: RegExp;
  readonly handle: (request: RouteRequest, state: FakeState) => RouteAnswer;
}

const LINKABLE = new Set(['github-enterprise', 'gitlab-self-hosted']);
/** Tokens the fake "code host" refuses: a GitLab group token, or anything named bad. */
const REFUSED_TOKEN = /^(glpat-group|bad)/u;

const notFound: RouteAnswer = { status: 404, body: { resource: 'scm_integration', error: 'not found' } };

/** Strips the code host's token from the link answer, as the reference shows. */
function withoutToken<T extends { access_token: string }>(integration: T): Omit<T, 'access_token'> {
  const { access_token: _omitted, ...rest } = integration;
  return rest;
}

/** `query` is words and `qualifier:value` pairs separated by spaces (`+` in the raw URL). */
function parseSearch(query: string | undefined): { words: string[]; qualifiers: Record<string, string> } {
  const words: string[] = [];
  const qualifiers: Record<string, string> = {};
  for (const term of (query ?? '').split(' ').filter(Boolean)) {
    const match = /^(fork|user|is|repo):(.+)$/u.exec(term);
    if (match) qualifiers[match[1]!] = match[2]!;
    else words.push(term.toLowerCase());
  }
  return { words, qualifiers };
}

function page<T>(items: T[], query: Record<string, string>, defaultPerPage: number): { items: T[]; meta: object } {
  const perPage = Math.min(100, Math.max(1, Number(query.per_page) || defaultPerPage));
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const current = Math.max(1, Number(query.page) || 1);
  return {
    items: items.slice((current - 1) * perPage, current * perPage),
    meta: {
      pagination: {
        prev_page: current > 1 ? current - 1 : null,
        current_page: current,
        next_page: current < totalPages ? current + 1 : null,
        total_pages: totalPages,
        total_count: items.length,
      },
    },
  };
}

function withIntegration(handle: (integrationId: string, request: RouteRequest, state: FakeState) => RouteAnswer) {
  return (request: RouteRequest, state: FakeState): RouteAnswer =>
    state.integration(request.params.id!) ? handle(request.params.id!, request, state) : notFound;
}

const ID = '([^/]+)';

export const ROUTES: readonly Route[] = [
  {
    name: 'self',
    method: 'GET',
    pattern: /^\/v1\/users\/self$/u,
    handle: () => ({ status: 200, body: { user: { id: 'us-fake-user', username: 'ada-lovelace', email: 'ada@example.com' } } }),
  },
  { name: 'keys', method: 'GET', pattern: /^\/v1\/keys$/u, handle: (_request, state) => ({ status: 200, body: { keys: state.accountKeys } }) },
  {
    name: 'list',
    method: 'GET',
    pattern: /^\/v1\/scm_integrations$/u,
    handle: (_request, state) => ({ status: 200, body: { scm_integrations: state.integrations } }),
  },
  {
    name: 'link',
    method: 'POST',
    pattern: /^\/v1\/scm_integrations$/u,
    handle: (request, state) => {
      const input = (request.body as { scm_integration?: Record<string, unknown> } | undefined)?.scm_integration ?? {};
      const scmType = String(input.scm_type ?? '');
      const url = String(input.url ?? '');
      const token = String(input.access_token ?? '');
      const errors: Record<string, string[]> = {};
      if (!LINKABLE.has(scmType)) errors.scm_type = ['is not included in the list'];
      let parsed: URL | undefined;
      try {
        parsed = new URL(url);
      } catch {
        parsed = undefined;
      }
      if (!parsed || parsed.protocol !== 'https:') errors.url = ['is invalid'];
      if (!token) errors.access_token = ["can't be blank"];
      else if (REFUSED_TOKEN.test(token)) errors.access_token = ['is invalid or has not the required scopes'];
      const normalized = url.replace(/\/+$/u, '');
      if (state.integrations.some((integration) => integration.scm_type === scmType && integration.url === normalized)) {
        errors.scm_type = ['is already linked'];
      }
      if (Object.keys(errors).length > 0) return { status: 422, body: { errors } };
      const integration = state.addIntegration(anIntegration({ scm_type: scmType, url: normalized, access_token: token }));
      return { status: 201, body: { scm_integration: withoutToken(integration) } };
    },
  },
  {
    name: 'show',
    method: 'GET',
    pattern: new RegExp(`^/v1/scm_integrations/${ID}$`, 'u'),
    handle: withIntegration((id, _request, state) => ({ status: 200, body: { scm_integration: state.integration(id) } })),
  },
  {
    name: 'unlink',
    method: 'DELETE',
    pattern: new RegExp(`^/v1/scm_integrations/${ID}$`, 'u'),
    handle: withIntegration((id, _request, state) => {
      state.removeIntegration(id);
      return { status: 204 };
    }),
  },
  {
    name: 'importKeys',
    method: 'POST',
    pattern: new RegExp(`^/v1/scm_integrations/${ID}/import_keys$`, 'u'),
    handle: withIntegration((id, _request, state) => ({ status: 201, body: { keys: state.importKeys(id) } })),
  },
  {
    name: 'orgs',
    method: 'GET',
    pattern: new RegExp(`^/v1/scm_integrations/${ID}/orgs$`, 'u'),
    handle: withIntegration((id, request, state) => {
      const { items, meta } = page(state.organizationsOf(id), request.query, 20);
      return { status: 200, body: { organizations: items, meta } };
    }),
  },
  {
    name: 'searchRepos',
    method: 'GET',
    pattern: new RegExp(`^/v1/scm_integrations/${ID}/search_repos$`, 'u'),
    handle: withIntegration((id, request, state) => {
      const { words, qualifiers } = parseSearch(request.query.query);
      const matches = state.repositoriesOf(id).filter((repository) => {
        if (repository.fork && qualifiers.fork !== 'true') return false;
        if (qualifiers.user && repository.fullName.split('/')[0]!.toLowerCase() !== qualifiers.user.toLowerCase()) return false;
        const text = `${repository.fullName} ${repository.description ?? ''}`.toLowerCase();
        return words.every((word) => text.includes(word));
      });
      const { items, meta } = page(matches, request.query, 30);
      return { status: 200, body: { repositories: items.map(({ fork: _fork, ...repository }) => repository), meta } };
    }),
  },
  {
    name: 'searchPullRequests',
    method: 'GET',
    pattern: new RegExp(`^/v1/scm_integrations/${ID}/search_pull_requests$`, 'u'),
    handle: withIntegration((id, request, state) => {
      const { words, qualifiers } = parseSearch(request.query.query);
      const repositories = qualifiers.repo
        ? [qualifiers.repo]
        : state.repositoriesOf(id).map((repository) => repository.fullName);
      const matches = repositories
        .flatMap((fullName) => state.pullRequestsOf(id, fullName))
        .filter((pullRequest) => (qualifiers.is ? pullRequest.state === qualifiers.is : true))
        .filter((pullRequest) => words.every((word) => pullRequest.title.toLowerCase().includes(word)));
      return { status: 200, body: { pull_requests: matches.map(({ state: _state, ...pullRequest }) => pullRequest) } };
    }),
  },
  {
    name: 'branches',
    method: 'GET',
    pattern: new RegExp(`^/v1/scm_integrations/${ID}/branches$`, 'u'),
    handle: withIntegration(() => ({ status: 200, body: { branches: [{ name: 'main' }, { name: 'develop' }] } })),
  },
];
