// `node bench/fakeServer.mjs <scenario>`: the fake Scalingo API in a process of its own, so that on
// this 2-core machine the server's work does not share a core (or an event loop) with the client
// being measured. Prints one JSON line: its URL, a control URL, and what the scenario holds.
// The control server answers GET with the requests received so far, by route: the extension host
// reads it before and after each action to count that action's requests.
// Uses only the fake's documented surface (start, state.addOrganizations, state.addRepositories,
// the request log) and reads the resulting sizes back over HTTP, as any client would.
import { createServer } from 'node:http';
import { stagedModule } from './stage.mjs';

const { FakeScalingoApi } = stagedModule('test/fakeApi/server.js');
const { aRepoLink, anApp } = stagedModule('test/fakeApi/regional/builders.js');
const API_TOKEN = 'tk-us-test-token';

/** How long each deployment status lasts per scenario; 'follow' makes a deployment last a minute. */
const DEPLOYMENT_STEP_MS = { follow: 15_000 };

/** What each scenario adds to the default seed: exact sizes, whatever the seed already holds. */
const SCENARIOS = {
  default: async () => ({}),
  // Two regions, 50 apps, 30 of them linked through the GitHub integration (to generated repositories
  // beside ada-lovelace/scalingo-app, which keeps its two apps and its review app).
  apps: async (api) => {
    const github = api.state.integrations.find((candidate) => candidate.scm_type === 'github');
    const regions = api.state.regional.regions;
    const apps = () => regions.flatMap((region) => region.apps).length;
    const githubLinks = () => regions.flatMap((region) => region.links).filter((link) => link.auth_integration_uuid === github.id).length;
    const repositories = api.state.addRepositories(github.id, github.username, 30);
    for (let index = 0; apps() < 50; index++) {
      const region = regions[index % regions.length];
      const app = anApp({ name: `bench-app-${String(index + 1).padStart(2, '0')}` });
      region.apps.push(app);
      const repository = repositories[index];
      if (githubLinks() < 30 && repository) region.links.push(aRepoLink(app, github, `${repository.owner}/${repository.name}`));
    }
    return { regions: regions.length, apps: apps(), links: githubLinks() };
  },
  follow: async () => ({}),
  // One integration with 500 organizations, and 100 repositories under an owner of their own.
  throughput: async (api, wire) => {
    const integration = api.state.integrations.find((candidate) => candidate.scm_type === 'gitlab-self-hosted');
    api.state.addOrganizations(integration.id, 500 - (await wire.organizations(integration.id)));
    api.state.addRepositories(integration.id, 'bench-owner', 100);
    return { integrationId: integration.id, owner: 'bench-owner', organizations: await wire.organizations(integration.id), repositories: await wire.repositories(integration.id, 'bench-owner') };
  },
  // An account with 200 organizations, and the GitHub user's namespace with 2,000 repositories
  // (forks left out, as the tree lists them by default).
  scale: async (api, wire) => {
    const integration = api.state.integrations.find((candidate) => candidate.scm_type === 'github');
    const owner = integration.username;
    api.state.addOrganizations(integration.id, 200 - (await wire.organizations(integration.id)));
    api.state.addRepositories(integration.id, owner, 2000 - (await wire.repositories(integration.id, owner)));
    return { integrationId: integration.id, owner, organizations: await wire.organizations(integration.id), repositories: await wire.repositories(integration.id, owner) };
  },
};

/** Sizes as the API reports them (meta.pagination.total_count); the request log is cleared after. */
function overTheWire(api) {
  let bearer;
  const get = async (path) => {
    bearer ??= (await (await fetch(`${api.url}/v1/tokens/exchange`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`:${API_TOKEN}`).toString('base64')}` } })).json()).token;
    return (await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } })).json();
  };
  return {
    organizations: async (id) => (await get(`/v1/scm_integrations/${id}/orgs?per_page=1`)).meta.pagination.total_count,
    repositories: async (id, owner, forks = false) =>
      (await get(`/v1/scm_integrations/${id}/search_repos?${new URLSearchParams({ query: `user:${owner}${forks ? ' fork:true' : ''}`, per_page: '1' })}`)).meta.pagination.total_count,
  };
}

const scenario = process.argv[2] ?? 'default';
if (!SCENARIOS[scenario]) throw new Error(`unknown scenario ${scenario}`);
const api = await FakeScalingoApi.start({ seed: 'default', deploymentStepMs: DEPLOYMENT_STEP_MS[scenario] });
const facts = await SCENARIOS[scenario](api, overTheWire(api));
api.clearRequests();

const control = createServer((_request, response) => {
  const byRoute = {};
  for (const { route } of api.requests) byRoute[route ?? 'unknown'] = (byRoute[route ?? 'unknown'] ?? 0) + 1;
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ total: api.requests.length, byRoute }));
});
await new Promise((resolve) => control.listen(0, '127.0.0.1', resolve));

console.log(JSON.stringify({ url: api.url, control: `http://127.0.0.1:${control.address().port}`, ...facts }));
// The parent owns this process: when it closes our stdin, we go.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
