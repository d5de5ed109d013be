// The three clients the throughput bench compares, each making the same calls on the same server:
//   ours      the extension's API module (undici deep imports, every body validated by zod);
//   undici    raw undici: Agent.request + JSON.parse, nothing else — the practical limit;
//   scalingo  scalingo.js, Scalingo's official client (axios inside).
// Each call returns the items it got, so the bench can check all three saw the same data.
import { createRequire } from 'node:module';
import { Agent } from 'undici';
import { stagedModule } from './stage.mjs';

export const API_TOKEN = 'tk-us-test-token';
const PER_PAGE = 100;

export async function ours(baseUrl) {
  const { ScalingoClient } = stagedModule('src/api/client.js');
  const { createDispatcher } = stagedModule('src/api/dispatcher.js');
  const dispatcher = createDispatcher();
  const client = new ScalingoClient({
    baseUrl,
    apiToken: API_TOKEN,
    userAgent: 'scalingo-scm-bench',
    dispatcher,
    // Scalingo's 60 a minute would make this a bench of the limiter; a loopback fake has no budget.
    rateLimit: { maxInFlight: 4, perMinute: Number.POSITIVE_INFINITY },
  });
  await client.currentUser(); // the token exchange happens here, not in the first timed call
  return {
    name: 'ours',
    listIntegrations: () => client.listIntegrations(),
    listOrganizations: (id) => client.listOrganizations(id),
    searchRepositories: async (id, owner) => (await client.searchRepositories(id, { user: owner }, { perPage: PER_PAGE })).repositories,
    close: () => dispatcher.close(),
  };
}

export async function rawUndici(baseUrl) {
  const { origin } = new URL(baseUrl);
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const send = async (method, path, authorization) => {
    const { statusCode, body } = await agent.request({ origin, path, method, headers: { accept: 'application/json', authorization } });
    const json = JSON.parse(await body.text());
    if (statusCode !== 200) throw new Error(`undici: ${method} ${path} → ${statusCode}`);
    return json;
  };
  const { token } = await send('POST', '/v1/tokens/exchange', `Basic ${Buffer.from(`:${API_TOKEN}`).toString('base64')}`);
  const get = (path) => send('GET', path, `Bearer ${token}`);
  return {
    name: 'undici',
    listIntegrations: async () => (await get('/v1/scm_integrations')).scm_integrations,
    listOrganizations: async (id) => {
      const organizations = [];
      for (let page = 1; page; ) {
        const body = await get(`/v1/scm_integrations/${id}/orgs?page=${page}&per_page=${PER_PAGE}`);
        organizations.push(...body.organizations);
        page = body.meta?.pagination?.next_page;
      }
      return organizations;
    },
    searchRepositories: async (id, owner) =>
      (await get(`/v1/scm_integrations/${id}/search_repos?${new URLSearchParams({ query: `user:${owner}`, per_page: PER_PAGE })}`)).repositories,
    close: () => agent.close(),
  };
}

/**
 * scalingo.js takes the auth API's URL as `authApiUrl` (clientFromToken exchanges the token there).
 * Its searchRepositories(id, query) sends no page size, so the server's default (30) would answer:
 * for the same 100 results we go through its own configured axios instance, authApiClient().
 */
export async function scalingoJs(baseUrl) {
  const scalingo = createRequire(import.meta.url)('scalingo');
  const client = await scalingo.clientFromToken(API_TOKEN, { authApiUrl: baseUrl, apiUrl: baseUrl });
  return {
    name: 'scalingo.js',
    listIntegrations: () => client.SCMIntegrations.all(),
    listOrganizations: async (id) => {
      const organizations = [];
      for (let page = 1; page; ) {
        const body = await client.SCMIntegrations.organizations(id, page, PER_PAGE);
        organizations.push(...body.organizations);
        page = body.meta?.pagination?.next_page;
      }
      return organizations;
    },
    searchRepositories: async (id, owner) =>
      (await client.authApiClient().get(`/scm_integrations/${id}/search_repos`, { params: { query: `user:${owner}`, per_page: PER_PAGE } })).data
        .repositories,
    close: async () => undefined,
  };
}

export function scalingoJsVersion() {
  return createRequire(import.meta.url)('scalingo/package.json').version;
}
