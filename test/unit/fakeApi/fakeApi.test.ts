/**
 * The fake Scalingo API's own tests: what every other suite relies on when it talks to it. Plain
 * `fetch` on purpose, so these tests do not depend on the client they help to test.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { aPullRequest, aRepository, aUser, anIntegration, anOrganization, aKey } from '../../fakeApi/builders';
import { DEFAULT_SEED_IDS } from '../../fakeApi/defaultSeed';
import { DEFAULT_API_TOKEN, FakeScalingoApi, faults, type FakeScalingoOptions, type RecordedRequest } from '../../fakeApi/server';

const CANARY = 'canary-access-token-0b7c21';
const GITHUB = DEFAULT_SEED_IDS.github;

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body, undefined when it is not JSON; `any` because each test reads its own shape. */
  readonly json: any;
}

const basic = (apiToken: string) => `Basic ${Buffer.from(`:${apiToken}`).toString('base64')}`;

async function send(
  api: FakeScalingoApi,
  method: string,
  pathAndQuery: string,
  options: { authorization?: string; body?: unknown; rawBody?: string; signal?: AbortSignal } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.authorization) headers['authorization'] = options.authorization;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${api.url}${pathAndQuery}`, { method, headers, body, signal: options.signal ?? null });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

async function exchange(api: FakeScalingoApi, apiToken = DEFAULT_API_TOKEN): Promise<string> {
  const answer = await send(api, 'POST', '/v1/tokens/exchange', { authorization: basic(apiToken), body: {} });
  assert.equal(answer.status, 200, answer.text);
  return answer.json.token as string;
}

/** An authenticated request, the way every route but the exchange is called. */
async function call(api: FakeScalingoApi, method: string, pathAndQuery: string, body?: unknown): Promise<Answer> {
  return send(api, method, pathAndQuery, { authorization: `Bearer ${await exchange(api)}`, body });
}

function jwtPayload(jwt: string): { sub: string; iat: number; exp: number } {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
}

const searchRepos = (id: string, query: string, extra = '') =>
  `/v1/scm_integrations/${id}/search_repos?${new URLSearchParams({ query })}${extra}`;
const searchPullRequests = (id: string, query: string) =>
  `/v1/scm_integrations/${id}/search_pull_requests?${new URLSearchParams({ query })}`;
const fullNames = (answer: Answer): string[] => answer.json.repositories.map((repository: { fullName: string }) => repository.fullName);

describe('fake Scalingo API', () => {
  let api: FakeScalingoApi;
  const startWith = async (options: FakeScalingoOptions) => {
    await api.close();
    api = await FakeScalingoApi.start(options);
  };

  beforeEach(async () => {
    api = await FakeScalingoApi.start({ seed: 'default', accessTokenCanary: CANARY });
  });

  afterEach(() => api.close());

  describe('server', () => {
    it('listens on a random loopback port and closes, keep-alive connections included', async () => {
      assert.match(api.url, /^http:\/\/127\.0\.0\.1:\d+$/u);
      await call(api, 'GET', '/v1/scm_integrations');
      await api.close();
      await api.close(); // twice is harmless: afterEach closes again
      await assert.rejects(fetch(`${api.url}/v1/scm_integrations`));
    });

    it('tags every response with its own x-request-id, and sends JSON as utf-8', async () => {
      const answers = [
        await send(api, 'POST', '/v1/tokens/exchange', { authorization: basic(DEFAULT_API_TOKEN) }),
        await send(api, 'GET', '/v1/scm_integrations'),
        await send(api, 'GET', '/nowhere'),
        await call(api, 'DELETE', `/v1/scm_integrations/${GITHUB}`),
      ];
      const ids = answers.map((answer) => answer.headers.get('x-request-id'));
      assert.ok(ids.every((id) => id && /^[0-9a-f-]{36}$/u.test(id)), String(ids));
      assert.equal(new Set(ids).size, ids.length);
      assert.equal(answers[0]!.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(answers[3]!.status, 204);
    });

    it('answers 404 {"error"} for an unknown route and 405 for a known path with the wrong method', async () => {
      const unknown = await call(api, 'GET', '/v1/apps');
      assert.equal(unknown.status, 404);
      assert.deepEqual(unknown.json, { error: 'not found' });
      const wrongMethod = await call(api, 'PATCH', `/v1/scm_integrations/${GITHUB}`);
      assert.equal(wrongMethod.status, 405);
      assert.equal(wrongMethod.headers.get('allow'), 'GET, DELETE');
      assert.deepEqual(wrongMethod.json, { error: 'method not allowed' });
    });

    it('answers 404 naming the resource for an unknown integration id, on every route under it', async () => {
      for (const [method, suffix] of [['GET', ''], ['DELETE', ''], ['POST', '/import_keys'], ['GET', '/orgs'], ['GET', '/search_repos'], ['GET', '/search_pull_requests'], ['GET', '/branches?repo_name=a/b']] as const) {
        const answer = await call(api, method, `/v1/scm_integrations/no-such-id${suffix}`);
        assert.equal(answer.status, 404, `${method} ${suffix}`);
        assert.deepEqual(answer.json, { resource: 'scm_integration', error: 'not found' });
      }
    });

    it('answers 400 to a body that is not JSON', async () => {
      const answer = await send(api, 'POST', '/v1/scm_integrations', { authorization: `Bearer ${await exchange(api)}`, rawBody: '{"scm_integration":' });
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.json, { error: 'malformed JSON body' });
    });
  });

  describe('authentication', () => {
    it('exchanges an API token (Basic, empty user) for a JWT-shaped bearer carrying exp', async () => {
      await startWith({ bearerLifetimeSeconds: 600 });
      const bearer = await exchange(api);
      assert.match(bearer, /^[\w-]+\.[\w-]+\.[\w-]+$/u);
      const payload = jwtPayload(bearer);
      assert.equal(payload.exp - payload.iat, 600);
      assert.ok(Math.abs(payload.iat - Date.now() / 1000) < 5);
      assert.equal(payload.sub, api.state.user.id);
      assert.equal(api.exchangeCount, 1);
    });

    it('refuses an unknown token, a missing or garbled Basic header with 401 {"error"}', async () => {
      for (const authorization of [basic('tk-us-unknown'), undefined, 'Basic !!!', `Basic ${Buffer.from('no-colon').toString('base64')}`, basic(''), 'Bearer x']) {
        const answer = await send(api, 'POST', '/v1/tokens/exchange', { ...(authorization ? { authorization } : {}), body: {} });
        assert.equal(answer.status, 401, String(authorization));
        assert.deepEqual(answer.json, { error: 'invalid credentials' });
      }
      assert.equal(api.exchangeCount, 0);
    });

    it('requires a bearer it issued on every other route', async () => {
      const other = await FakeScalingoApi.start();
      try {
        const foreign = await exchange(other);
        for (const authorization of [undefined, 'Bearer', 'Bearer not.a.jwt', `Bearer ${foreign}`, basic(DEFAULT_API_TOKEN)]) {
          const answer = await send(api, 'GET', '/v1/scm_integrations', authorization ? { authorization } : {});
          assert.equal(answer.status, 401, String(authorization));
          assert.equal(typeof answer.json.error, 'string');
        }
      } finally {
        await other.close();
      }
    });

    it('refuses a bearer once its exp has passed, and a new exchange works', async () => {
      let now = Date.parse('2026-01-01T00:00:00Z');
      await startWith({ bearerLifetimeSeconds: 3600, clock: () => now });
      const bearer = await exchange(api);
      assert.equal(jwtPayload(bearer).exp, now / 1000 + 3600);
      now += 3599_000;
      assert.equal((await send(api, 'GET', '/v1/users/self', { authorization: `Bearer ${bearer}` })).status, 200);
      now += 1_000;
      const expired = await send(api, 'GET', '/v1/users/self', { authorization: `Bearer ${bearer}` });
      assert.equal(expired.status, 401);
      assert.deepEqual(expired.json, { error: 'token expired' });
      assert.equal((await call(api, 'GET', '/v1/users/self')).status, 200);
    });

    it('expireAllBearers makes a cached bearer 401 while the API token still exchanges', async () => {
      const bearer = await exchange(api);
      api.expireAllBearers();
      assert.equal((await send(api, 'GET', '/v1/keys', { authorization: `Bearer ${bearer}` })).status, 401);
      assert.equal((await call(api, 'GET', '/v1/keys')).status, 200);
      assert.equal(api.exchangeCount, 2);
    });

    it('revokeApiToken refuses the exchange and the bearers already issued; restoreApiToken undoes it', async () => {
      await startWith({ apiTokens: ['tk-us-first', 'tk-us-second'] });
      assert.equal(api.apiToken, 'tk-us-first');
      const bearer = await exchange(api, 'tk-us-first');
      const otherBearer = await exchange(api, 'tk-us-second');
      api.revokeApiToken('tk-us-first');
      const refused = await send(api, 'GET', '/v1/keys', { authorization: `Bearer ${bearer}` });
      assert.deepEqual([refused.status, refused.json], [401, { error: 'token revoked' }]);
      assert.equal((await send(api, 'POST', '/v1/tokens/exchange', { authorization: basic('tk-us-first') })).status, 401);
      assert.equal((await send(api, 'GET', '/v1/keys', { authorization: `Bearer ${otherBearer}` })).status, 200);
      api.restoreApiToken('tk-us-first');
      assert.equal((await send(api, 'GET', '/v1/keys', { authorization: `Bearer ${bearer}` })).status, 200);
    });
  });

  describe('account and integrations', () => {
    it('tells who is signed in and lists the account keys', async () => {
      const self = await call(api, 'GET', '/v1/users/self');
      assert.deepEqual(self.json, { user: { id: 'us-fake-user', username: 'ada-lovelace', email: 'ada@example.com' } });
      assert.deepEqual((await call(api, 'GET', '/v1/keys')).json, { keys: [] });
    });

    it('lists and shows integrations in the README shape, access_token included as the real API does', async () => {
      const list = await call(api, 'GET', '/v1/scm_integrations');
      assert.equal(list.status, 200);
      const integrations = list.json.scm_integrations as Record<string, unknown>[];
      assert.deepEqual(
        integrations.map((integration) => integration['scm_type']),
        ['github', 'gitlab', 'github-enterprise', 'gitlab-self-hosted', 'gitlab-self-hosted', 'github-enterprise'],
      );
      assert.deepEqual(
        integrations.map((integration) => integration['id']),
        [DEFAULT_SEED_IDS.github, DEFAULT_SEED_IDS.gitlab, DEFAULT_SEED_IDS.githubEnterprise, DEFAULT_SEED_IDS.gitlabSelfHosted, DEFAULT_SEED_IDS.damagedUrl, undefined],
      );
      // The seed's damaged ones, as a real list may carry them: `url: null`, and no `id` at all.
      const [withoutUrl, withoutId] = integrations.slice(4);
      assert.equal(withoutUrl!['url'], null);
      assert.ok(!('id' in withoutId!));
      for (const integration of integrations.slice(0, 4)) {
        assert.deepEqual(Object.keys(integration).sort(), [
          'access_token', 'avatar_url', 'created_at', 'email', 'id', 'owner', 'profile_url', 'scm_type', 'uid', 'url', 'username',
        ]);
        assert.equal(integration['access_token'], CANARY);
        assert.deepEqual(integration['owner'], { id: 'us-fake-user', email: 'ada@example.com', username: 'ada-lovelace' });
      }
      const shown = await call(api, 'GET', `/v1/scm_integrations/${DEFAULT_SEED_IDS.githubEnterprise}`);
      assert.deepEqual(shown.json, { scm_integration: integrations[2] });
      assert.equal(shown.json.scm_integration.profile_url, 'https://ghe.example.com/alan-turing');
    });

    it('gives seeded integrations a realistic random access_token without a canary', async () => {
      await startWith({ seed: 'default' });
      const tokens = (await call(api, 'GET', '/v1/scm_integrations')).json.scm_integrations.map(
        (integration: { access_token: string }) => integration.access_token,
      );
      assert.match(tokens[0], /^[0-9a-f]{40}$/u);
      assert.match(tokens[1], /^glpat-[0-9a-f]{20}$/u);
      assert.equal(new Set(tokens).size, 6);
    });

    it('links a github-enterprise server: 201 without access_token, then listed and in the state', async () => {
      const answer = await call(api, 'POST', '/v1/scm_integrations', {
        scm_integration: { scm_type: 'github-enterprise', url: 'https://git.acme.test/', access_token: 'ghp_personal' },
      });
      assert.equal(answer.status, 201, answer.text);
      const linked = answer.json.scm_integration;
      assert.equal(linked.access_token, undefined);
      assert.match(linked.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
      assert.equal(linked.url, 'https://git.acme.test');
      assert.equal(linked.username, 'ada-lovelace');
      assert.equal(linked.profile_url, 'https://git.acme.test/ada-lovelace');
      const listed = (await call(api, 'GET', '/v1/scm_integrations')).json.scm_integrations;
      assert.equal(listed.length, 7);
      assert.equal(listed[6].id, linked.id);
      assert.equal(listed[6].access_token, 'ghp_personal');
      assert.equal(api.state.integration(linked.id)?.scm_type, 'github-enterprise');
      assert.ok(fullNames(await call(api, 'GET', searchRepos(linked.id, ''))).length > 0, 'a new link has nothing to expand');
    });

    const refusals: [string, Record<string, unknown>, object][] = [
      ['github (OAuth only)', { scm_type: 'github', url: 'https://github.com', access_token: 't' }, { scm_type: ['can only be linked through OAuth from the Scalingo dashboard'] }],
      ['an unknown scm_type', { scm_type: 'bitbucket', url: 'https://b.test', access_token: 't' }, { scm_type: ['is not included in the list'] }],
      ['an http URL', { scm_type: 'gitlab-self-hosted', url: 'http://gitlab.acme.test', access_token: 't' }, { url: ['is invalid'] }],
      ['a URL that is not one', { scm_type: 'gitlab-self-hosted', url: 'gitlab.acme.test', access_token: 't' }, { url: ['is invalid'] }],
      ['an empty token', { scm_type: 'gitlab-self-hosted', url: 'https://gitlab.acme.test', access_token: ' ' }, { access_token: ["can't be blank"] }],
      ['every field at once', {}, { scm_type: ['is not included in the list'], url: ['is invalid'], access_token: ["can't be blank"] }],
      ['a server already linked', { scm_type: 'github-enterprise', url: 'https://GHE.example.com/', access_token: 't' }, { scm_type: ['is already linked'] }],
      ['a GitLab group token', { scm_type: 'gitlab-self-hosted', url: 'https://gitlab.acme.test', access_token: 'glpat-group-abc' }, { access_token: ['is invalid or has not the required scopes'] }],
      ['a token the host refuses', { scm_type: 'github-enterprise', url: 'https://git.acme.test', access_token: 'bad-token' }, { access_token: ['is invalid or has not the required scopes'] }],
    ];
    for (const [name, fields, errors] of refusals) {
      it(`refuses to link ${name} with 422 {"errors"} and changes nothing`, async () => {
        const answer = await call(api, 'POST', '/v1/scm_integrations', { scm_integration: fields });
        assert.equal(answer.status, 422);
        assert.deepEqual(answer.json, { errors });
        assert.equal(api.state.integrations.length, 6);
      });
    }

    it('answers 400 to a link without the scm_integration object, and lets a test choose refused tokens', async () => {
      assert.equal((await call(api, 'POST', '/v1/scm_integrations', { scm_type: 'github-enterprise' })).status, 400);
      await startWith({ refusedAccessTokenPrefixes: ['expired-'] });
      const link = (access_token: string) =>
        call(api, 'POST', '/v1/scm_integrations', { scm_integration: { scm_type: 'gitlab-self-hosted', url: `https://${access_token}.test`, access_token } });
      assert.equal((await link('expired-1')).status, 422);
      assert.equal((await link('bad-1')).status, 201);
    });

    it('unlinks: 204 with an empty body, then 404 and gone from the list', async () => {
      const answer = await call(api, 'DELETE', `/v1/scm_integrations/${GITHUB}`);
      assert.equal(answer.status, 204);
      assert.equal(answer.text, '');
      assert.equal((await call(api, 'GET', `/v1/scm_integrations/${GITHUB}`)).status, 404);
      assert.equal((await call(api, 'DELETE', `/v1/scm_integrations/${GITHUB}`)).status, 404);
      assert.equal((await call(api, 'GET', '/v1/scm_integrations')).json.scm_integrations.length, 5);
      assert.equal(api.state.integration(GITHUB), undefined);
    });

    it('imports the keys not imported yet, once, and lists them on the account', async () => {
      const first = await call(api, 'POST', `/v1/scm_integrations/${GITHUB}/import_keys`);
      assert.equal(first.status, 201);
      assert.deepEqual(first.json.keys.map((key: { name: string }) => key.name), ['github-laptop', 'github-workstation']);
      assert.deepEqual(Object.keys(first.json.keys[0]).sort(), ['content', 'created_at', 'fingerprint', 'id', 'name', 'owner']);
      assert.match(first.json.keys[0].fingerprint, /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/u);
      const second = await call(api, 'POST', `/v1/scm_integrations/${GITHUB}/import_keys`);
      assert.deepEqual([second.status, second.json], [201, { keys: [] }]);
      assert.deepEqual((await call(api, 'GET', '/v1/keys')).json, { keys: first.json.keys });
    });

    it('lists the branches of a repository', async () => {
      const answer = await call(api, 'GET', `/v1/scm_integrations/${GITHUB}/branches?repo_name=ada-lovelace/scalingo-app`);
      assert.deepEqual(answer.json, { branches: [{ name: 'main' }, { name: 'add-logo' }, { name: 'add-feature' }] });
      const unknown = await call(api, 'GET', `/v1/scm_integrations/${GITHUB}/branches?repo_name=ada-lovelace/nothing`);
      assert.deepEqual([unknown.status, unknown.json], [404, { resource: 'repository', error: 'not found' }]);
      assert.equal((await call(api, 'GET', `/v1/scm_integrations/${GITHUB}/branches`)).status, 400);
    });
  });

  describe('search', () => {
    it('leaves forks out unless fork:true, and narrows to an owner with user:', async () => {
      assert.deepEqual(fullNames(await call(api, 'GET', searchRepos(GITHUB, 'user:ada-lovelace'))), [
        'ada-lovelace/scalingo-app',
        'ada-lovelace/notes',
      ]);
      assert.ok(fullNames(await call(api, 'GET', searchRepos(GITHUB, 'fork:true user:ADA-LOVELACE'))).includes('ada-lovelace/forked-lib'));
      assert.ok(!fullNames(await call(api, 'GET', searchRepos(GITHUB, 'fork:false'))).includes('ada-lovelace/forked-lib'));
      assert.equal(fullNames(await call(api, 'GET', searchRepos(GITHUB, ''))).length, 6);
    });

    it('does either with an empty query, which the reference leaves open: answers everything, or refuses it', async () => {
      assert.equal((await call(api, 'GET', searchRepos(GITHUB, ''))).status, 200);
      await startWith({ seed: 'default', emptySearchQuery: 'refuse' });
      const refused = await call(api, 'GET', searchRepos(GITHUB, ' '));
      assert.equal(refused.status, 422);
      assert.deepEqual(refused.json, { errors: { query: ["can't be blank"] } });
      assert.equal((await call(api, 'GET', searchRepos(GITHUB, 'user:ada-lovelace'))).status, 200);
    });

    it('matches every keyword, case-insensitively, in name, full name or description', async () => {
      assert.deepEqual(fullNames(await call(api, 'GET', searchRepos(GITHUB, 'NODE.JS scalingo'))), ['ada-lovelace/scalingo-app']);
      assert.deepEqual(fullNames(await call(api, 'GET', searchRepos(GITHUB, 'babbage-labs/'))), ['babbage-labs/difference']);
      assert.deepEqual(fullNames(await call(api, 'GET', searchRepos(GITHUB, 'mill nothing-like-this'))), []);
    });

    it('answers in the README shape: numeric id, name, fullName, url, nullable description, no fork flag', async () => {
      api.state.integration(GITHUB)!.repositories.push(aRepository({ owner: 'ada-lovelace', name: 'bare', description: null }));
      const [repository] = (await call(api, 'GET', searchRepos(GITHUB, 'bare'))).json.repositories;
      assert.deepEqual(repository, {
        id: repository.id,
        name: 'bare',
        fullName: 'ada-lovelace/bare',
        url: 'https://github.com/ada-lovelace/bare',
        description: null,
      });
      assert.equal(typeof repository.id, 'number');
    });

    it('reads + in the raw query as a space, and %2B as a plus', async () => {
      api.state.integration(GITHUB)!.repositories.push(aRepository({ owner: 'ada-lovelace', name: 'c++-tools', description: 'C++ helpers' }));
      const raw = await call(api, 'GET', `/v1/scm_integrations/${GITHUB}/search_repos?query=scalingo+fork:true+user:ada-lovelace`);
      assert.deepEqual(fullNames(raw), ['ada-lovelace/scalingo-app']);
      assert.equal(api.requestsTo('searchRepos').at(-1)?.query['query'], 'scalingo fork:true user:ada-lovelace');
      const plus = await call(api, 'GET', `/v1/scm_integrations/${GITHUB}/search_repos?query=${encodeURIComponent('c++')}`);
      assert.deepEqual(fullNames(plus), ['ada-lovelace/c++-tools']);
    });

    it('round-trips non-ASCII keywords through URL encoding, whatever their case or normal form', async () => {
      api.state.integration(GITHUB)!.repositories.push(aRepository({ owner: 'ada-lovelace', name: 'menu', description: 'Café crème et thé 日本' }));
      for (const typed of ['CAFÉ 日本', 'cafe\u0301', 'thé']) {
        assert.deepEqual(fullNames(await call(api, 'GET', searchRepos(GITHUB, typed))), ['ada-lovelace/menu'], typed);
        assert.equal(api.requestsTo('searchRepos').at(-1)?.query['query'], typed);
      }
    });

    it('filters pull requests with is: and repo:, and keywords on the title', async () => {
      const titles = async (query: string) =>
        (await call(api, 'GET', searchPullRequests(GITHUB, query))).json.pull_requests.map((pull: { title: string }) => pull.title);
      assert.deepEqual(await titles(''), ['Add feature', 'Add logo', 'Initial setup', 'Faster mill', 'New front page', 'Lighter mill']);
      assert.deepEqual(await titles('is:open repo:ada-lovelace/scalingo-app'), ['Add feature', 'Add logo']);
      assert.deepEqual(await titles('is:closed'), ['Initial setup']);
      assert.deepEqual(await titles('repo:analytical-engines/engine-core'), ['Faster mill', 'Lighter mill']);
      assert.deepEqual(await titles('add LOGO'), ['Add logo']);
    });

    it('answers pull requests with the documented and the undocumented fields, GitLab URLs for GitLab', async () => {
      const [pull] = (await call(api, 'GET', searchPullRequests(GITHUB, 'repo:ada-lovelace/scalingo-app'))).json.pull_requests;
      assert.deepEqual(pull, {
        id: pull.id,
        title: 'Add feature',
        number: 8,
        html_url: 'https://github.com/ada-lovelace/scalingo-app/pull/8',
        source_repo_name: 'ada-lovelace/scalingo-app',
        source_repo_html_url: 'https://github.com/ada-lovelace/scalingo-app',
      });
      const [mergeRequest] = (await call(api, 'GET', searchPullRequests(DEFAULT_SEED_IDS.gitlab, 'is:open'))).json.pull_requests;
      assert.equal(mergeRequest.html_url, 'https://gitlab.com/grace-hopper/compiler/-/merge_requests/5');
    });
  });

  describe('pagination', () => {
    it('pages organizations 20 at a time by default, with meta.pagination', async () => {
      api.state.addOrganizations(GITHUB, 43);
      const first = await call(api, 'GET', `/v1/scm_integrations/${GITHUB}/orgs`);
      assert.equal(first.json.organizations.length, 20);
      assert.deepEqual(first.json.meta, {
        pagination: { prev_page: null, current_page: 1, next_page: 2, total_pages: 3, total_count: 46 },
      });
      const last = await call(api, 'GET', `/v1/scm_integrations/${GITHUB}/orgs?page=3`);
      assert.equal(last.json.organizations.length, 6);
      assert.deepEqual(last.json.meta.pagination, { prev_page: 2, current_page: 3, next_page: null, total_pages: 3, total_count: 46 });
      const past = await call(api, 'GET', `/v1/scm_integrations/${GITHUB}/orgs?page=9`);
      assert.deepEqual(past.json.organizations, []);
    });

    it('answers organizations in the README shape, with an API URL', async () => {
      const [organization] = (await call(api, 'GET', `/v1/scm_integrations/${GITHUB}/orgs`)).json.organizations;
      assert.deepEqual(organization, {
        id: organization.id,
        login: 'analytical-engines',
        avatarUrl: `https://avatars.githubusercontent.com/u/${organization.id}?v=4`,
        url: 'https://api.github.com/orgs/analytical-engines',
        description: 'Machines that weave algebraic patterns',
      });
    });

    it('seeds the awkward shapes of real accounts: a display name that is not the path, nested groups, no URL', async () => {
      const organizations = async (id: string) => (await call(api, 'GET', `/v1/scm_integrations/${id}/orgs`)).json.organizations;
      const another = (await organizations(GITHUB)).find((organization: { login: string }) => organization.login === 'Another Organization');
      assert.equal(another.url, 'https://api.github.com/orgs/another-org');
      assert.deepEqual(fullNames(await call(api, 'GET', searchRepos(GITHUB, 'user:another-org'))), ['another-org/website']);
      const groups = await organizations(DEFAULT_SEED_IDS.gitlab);
      assert.ok(groups.some((group: { login: string }) => group.login === 'platform/backend'));
      assert.deepEqual(fullNames(await call(api, 'GET', searchRepos(DEFAULT_SEED_IDS.gitlab, 'user:platform/backend'))), ['platform/backend/orders-api']);
      const damaged = (await organizations(DEFAULT_SEED_IDS.githubEnterprise)).find((organization: { login: string }) => organization.login === 'Research Lab');
      assert.equal(damaged.url, null);
    });

    it('pages repositories 30 at a time by default, at most 100, and refuses a bad page', async () => {
      api.state.addRepositories(GITHUB, 'bulk', 250);
      const page = (extra: string) => call(api, 'GET', searchRepos(GITHUB, 'user:bulk', extra));
      const first = await page('');
      assert.equal(first.json.repositories.length, 30);
      assert.deepEqual(first.json.meta.pagination, { prev_page: null, current_page: 1, next_page: 2, total_pages: 9, total_count: 250 });
      const big = await page('&per_page=500&page=3');
      assert.equal(big.json.repositories.length, 50);
      assert.equal(big.json.meta.pagination.total_pages, 3);
      assert.equal(big.json.repositories[0].name, 'repo-0201');
      for (const bad of ['&page=0', '&page=two', '&per_page=-1']) assert.equal((await page(bad)).status, 400, bad);
    });

    it('can answer search_repos as an API that does not page it: the first per_page results, no meta', async () => {
      api.state.addRepositories(GITHUB, 'bulk', 250);
      api.behaviour.searchReposPagination = 'none';
      const first = await call(api, 'GET', searchRepos(GITHUB, 'user:bulk', '&per_page=50&page=2'));
      assert.equal(first.json.repositories.length, 50);
      assert.equal(first.json.repositories[0].name, 'repo-0001', 'page was not ignored');
      assert.equal(first.json.meta, undefined);
      assert.equal((await call(api, 'GET', searchRepos(GITHUB, 'user:bulk', ''))).json.repositories.length, 30);
    });

    it('returns every matching pull request at once', async () => {
      api.state.integration(GITHUB)!.pullRequests.push(
        ...Array.from({ length: 150 }, (_, index) => aPullRequest({ repo: 'ada-lovelace/notes', number: 100 + index, title: `Note ${index}` })),
      );
      const answer = await call(api, 'GET', searchPullRequests(GITHUB, 'repo:ada-lovelace/notes'));
      assert.equal(answer.json.pull_requests.length, 150);
    });
  });

  describe('faults', () => {
    it('replaces the answer with a status and a JSON body', async () => {
      api.inject('list', { status: 503, body: { error: 'upstream unavailable' } });
      const answer = await call(api, 'GET', '/v1/scm_integrations');
      assert.deepEqual([answer.status, answer.json], [503, { error: 'upstream unavailable' }]);
      assert.equal(answer.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.ok(answer.headers.get('x-request-id'));
    });

    it('gives a status without a body the {"error"} shape, and a body without a status a 200', async () => {
      api.inject('list', { status: 403, times: 1 });
      assert.deepEqual((await call(api, 'GET', '/v1/scm_integrations')).json, { error: 'Forbidden' });
      api.inject('list', { body: { scm_integrations: 'not a list' }, times: 1 });
      const malformed = await call(api, 'GET', '/v1/scm_integrations');
      assert.deepEqual([malformed.status, malformed.json], [200, { scm_integrations: 'not a list' }]);
    });

    it('has presets for what the API and its proxies really send', async () => {
      const cases = [
        [faults.rateLimited(), 429, 'text/plain; charset=utf-8', /^Retry later$/u],
        [faults.htmlBadGateway(), 502, 'text/html', /<h1>502 Bad Gateway<\/h1>/u],
        [faults.serverError(), 500, 'application/json; charset=utf-8', /^\{"error":"Internal Server Error"\}$/u],
        [faults.serverErrorWithoutBody(), 500, 'text/plain; charset=utf-8', /^$/u],
        [faults.serviceUnavailable(), 503, 'application/json; charset=utf-8', /unreachable/u],
        [faults.otpRequired(), 401, 'application/json; charset=utf-8', /^\{"error":"OTP Required"\}$/u],
        [faults.paymentRequired(), 402, 'application/json; charset=utf-8', /free trial/u],
      ] as const;
      for (const [fault, status, contentType, body] of cases) {
        api.clearFaults();
        api.inject('orgs', fault);
        const answer = await call(api, 'GET', `/v1/scm_integrations/${GITHUB}/orgs`);
        assert.equal(answer.status, status);
        assert.equal(answer.headers.get('content-type'), contentType);
        assert.match(answer.text, body);
      }
    });

    it('affects only `times` requests, only those `match` accepts, until clearFaults', async () => {
      api.inject('searchRepos', { ...faults.rateLimited(), times: 2, match: (request) => request.query['query'] === 'slow' });
      const status = async (query: string) => (await call(api, 'GET', searchRepos(GITHUB, query))).status;
      assert.deepEqual([await status('other'), await status('slow'), await status('slow'), await status('slow')], [200, 429, 429, 200]);
      api.inject('list', faults.serverError());
      api.clearFaults();
      assert.equal((await call(api, 'GET', '/v1/scm_integrations')).status, 200);
    });

    it('applies to the exchange too', async () => {
      api.inject('exchange', faults.serviceUnavailable({ times: 1 }));
      assert.equal((await send(api, 'POST', '/v1/tokens/exchange', { authorization: basic(DEFAULT_API_TOKEN) })).status, 503);
      assert.equal(api.exchangeCount, 0);
    });

    it('delays the normal answer when given only delayMs', async () => {
      const bearer = await exchange(api);
      api.inject('self', faults.slow(150));
      const started = Date.now();
      const answer = await send(api, 'GET', '/v1/users/self', { authorization: `Bearer ${bearer}` });
      assert.ok(Date.now() - started >= 140, `answered after ${Date.now() - started} ms`);
      assert.equal(answer.json.user.username, 'ada-lovelace');
    });

    it('survives a client that gives up during a delay, and records that nothing was answered', async () => {
      const bearer = await exchange(api);
      api.inject('list', { delayMs: 300, times: 1 });
      const controller = new AbortController();
      // Gives up once the server holds the request, not after a fixed time: on a loaded machine
      // 30 ms could pass before the request even arrives, and then nothing is recorded.
      const arrived = setInterval(() => {
        if (api.requestsTo('list').length > 0) {
          clearInterval(arrived);
          controller.abort();
        }
      }, 5);
      await assert.rejects(send(api, 'GET', '/v1/scm_integrations', { authorization: `Bearer ${bearer}`, signal: controller.signal }));
      await new Promise((resolve) => setTimeout(resolve, 350));
      assert.equal(api.requestsTo('list')[0]?.status, 0);
      assert.equal((await send(api, 'GET', '/v1/scm_integrations', { authorization: `Bearer ${bearer}` })).status, 200);
    });

    it('closes promptly even with a delayed request pending', async () => {
      const bearer = await exchange(api);
      api.inject('list', { delayMs: 10_000 });
      const pending = send(api, 'GET', '/v1/scm_integrations', { authorization: `Bearer ${bearer}` }).catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 30));
      const started = Date.now();
      await api.close();
      assert.ok(Date.now() - started < 1000);
      assert.ok((await pending) instanceof Error);
    });

    it('drops the connection without an answer', async () => {
      const bearer = await exchange(api);
      api.inject('list', faults.dropConnection({ times: 1 }));
      await assert.rejects(send(api, 'GET', '/v1/scm_integrations', { authorization: `Bearer ${bearer}` }));
      assert.equal(api.requestsTo('list')[0]?.status, 0);
      assert.equal((await send(api, 'GET', '/v1/scm_integrations', { authorization: `Bearer ${bearer}` })).status, 200);
    });

    it('truncates the normal JSON answer to its first half', async () => {
      const bearer = await exchange(api);
      const whole = await send(api, 'GET', '/v1/scm_integrations', { authorization: `Bearer ${bearer}` });
      api.inject('list', faults.truncatedBody());
      const cut = await send(api, 'GET', '/v1/scm_integrations', { authorization: `Bearer ${bearer}` });
      assert.equal(cut.status, 200);
      assert.equal(cut.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(cut.json, undefined);
      const bytes = Buffer.from(whole.text);
      assert.equal(cut.text, bytes.subarray(0, Math.floor(bytes.length / 2)).toString('utf8'));
    });
  });

  describe('request log', () => {
    it('records each request with its route, decoded query, authorization, parsed body, status and time', async () => {
      let now = 1_700_000_000_000;
      const seen: RecordedRequest[] = [];
      await startWith({ clock: () => now, onRequest: (request) => seen.push(request) });
      const bearer = await exchange(api);
      now += 5;
      const body = { scm_integration: { scm_type: 'github-enterprise', url: 'https://x.test', access_token: 'bad' } };
      await send(api, 'POST', '/v1/scm_integrations', { authorization: `Bearer ${bearer}`, body });
      await send(api, 'GET', `/v1/scm_integrations/${GITHUB}/search_repos?query=a+b%2Bc&page=2`, { authorization: `Bearer ${bearer}` });
      await send(api, 'GET', '/v2/unknown');
      assert.deepEqual(
        api.requests.map(({ method, route, status, at }) => ({ method, route, status, at })),
        [
          { method: 'POST', route: 'exchange', status: 200, at: 1_700_000_000_000 },
          { method: 'POST', route: 'link', status: 422, at: 1_700_000_000_005 },
          { method: 'GET', route: 'searchRepos', status: 200, at: 1_700_000_000_005 },
          { method: 'GET', route: undefined, status: 404, at: 1_700_000_000_005 },
        ],
      );
      const [exchanged, linked, searched] = api.requests;
      assert.equal(exchanged?.authorization, basic(DEFAULT_API_TOKEN));
      assert.deepEqual(exchanged?.body, {});
      assert.deepEqual(linked?.body, body);
      assert.equal(searched?.authorization, `Bearer ${bearer}`);
      assert.equal(searched?.path, `/v1/scm_integrations/${GITHUB}/search_repos`);
      assert.deepEqual(searched?.query, { query: 'a b+c', page: '2' });
      assert.deepEqual(seen, api.requests);
      assert.deepEqual(api.requestsTo('link'), [linked]);
      api.clearRequests();
      assert.deepEqual(api.requests, []);
      assert.equal(api.exchangeCount, 1);
    });
  });

  describe('seeds and state', () => {
    it('starts empty, or from the rich demo data', async () => {
      await startWith({ seed: 'empty' });
      assert.deepEqual((await call(api, 'GET', '/v1/scm_integrations')).json, { scm_integrations: [] });
      await startWith({ seed: 'demo' });
      const integrations = api.state.integrations;
      assert.deepEqual(integrations.map((integration) => integration.scm_type), ['github', 'gitlab', 'github-enterprise', 'gitlab-self-hosted']);
      assert.ok(api.state.integrationOfType('github').organizations.length >= 4);
      assert.deepEqual(api.state.integrationOfType('gitlab-self-hosted').organizations, [], 'the hint needs an integration without organizations');
      const repositories = integrations.flatMap((integration) => integration.repositories);
      assert.ok(repositories.length >= 50, `${repositories.length} repositories`);
      assert.ok(repositories.every((repository) => repository.description !== ''));
      const pulls = integrations.flatMap((integration) => integration.pullRequests);
      assert.ok(pulls.some((pull) => pull.state === 'open') && pulls.some((pull) => pull.state === 'closed'));
      assert.ok(repositories.some((repository) => repository.fork));
      const second = await FakeScalingoApi.start({ seed: 'demo' });
      try {
        assert.deepEqual(
          second.state.integrations.map((integration) => integration.pullRequests),
          integrations.map((integration) => integration.pullRequests),
          'the demo data changes between runs',
        );
      } finally {
        await second.close();
      }
    });

    it('starts from a seed a test builds, without sharing its objects between servers', async () => {
      const seed = {
        user: aUser({ username: 'hedy-lamarr' }),
        integrations: [
          anIntegration({
            scm_type: 'gitlab-self-hosted',
            url: 'https://git.hedy.test',
            username: 'hedy',
            organizations: [anOrganization({ login: 'frequency-hopping' })],
            repositories: [aRepository({ owner: 'frequency-hopping', name: 'torpedo' })],
            pullRequests: [aPullRequest({ repo: 'frequency-hopping/torpedo', number: 1, title: 'Hop' })],
            keys: [aKey({ name: 'piano roll' })],
          }),
        ],
      };
      await startWith({ seed });
      const other = await FakeScalingoApi.start({ seed });
      try {
        const [integration] = api.state.integrations;
        assert.equal((await call(api, 'GET', '/v1/users/self')).json.user.username, 'hedy-lamarr');
        assert.equal((await call(api, 'GET', `/v1/scm_integrations/${integration!.id}/orgs`)).json.organizations[0].url, 'https://git.hedy.test/api/v4/groups/' + integration!.organizations[0]!.id);
        assert.equal((await call(api, 'POST', `/v1/scm_integrations/${integration!.id}/import_keys`)).json.keys[0].name, 'gitlab-self-hosted-piano roll');
        api.state.removeIntegration(integration!.id);
        assert.equal(other.state.integrations.length, 1);
        assert.equal(seed.integrations.length, 1);
      } finally {
        await other.close();
      }
    });

    it('lets a scale test add thousands of repositories and hundreds of organizations', async () => {
      const github = api.state.integrationOfType('github');
      const added = api.state.addRepositories(github.id, 'ada-lovelace', 5000);
      assert.equal(added[0]?.name, 'repo-0004');
      api.state.addOrganizations(github.id, 200);
      const repositories = await call(api, 'GET', searchRepos(github.id, 'user:ada-lovelace fork:true', '&per_page=100'));
      assert.equal(repositories.json.meta.pagination.total_count, 5003);
      const organizations = await call(api, 'GET', `/v1/scm_integrations/${github.id}/orgs?per_page=100`);
      assert.equal(organizations.json.meta.pagination.total_count, 203);
      assert.equal(new Set(github.repositories.map((repository) => repository.id)).size, github.repositories.length);
      assert.throws(() => api.state.integrationOfType('bitbucket'), /no bitbucket integration/u);
      assert.throws(() => api.state.addOrganizations('nope', 1), /no integration nope/u);
      assert.throws(() => api.state.addIntegration(anIntegration({ id: GITHUB })), /already has integration/u);
    });
  });

  describe('command line', () => {
    it('prints its URL and API token, serves its seed and stops cleanly on SIGTERM', async () => {
      const child = spawn(process.execPath, [join(__dirname, '..', '..', 'fakeApi', 'main.js'), '--seed', 'default', '--port', '0'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        const lines = createInterface({ input: child.stdout });
        const printed: string[] = [];
        const outputEnded = new Promise<void>((resolve) => lines.once('close', resolve));
        await new Promise<void>((resolve) =>
          lines.on('line', (line) => {
            printed.push(line);
            if (printed.length === 2) resolve();
          }),
        );
        const url = /^fake Scalingo API \(default data\) on (http\S+)$/u.exec(printed[0]!)?.[1];
        const token = /^API token: (\S+)$/u.exec(printed[1]!)?.[1];
        assert.ok(url && token, printed.join('\n'));
        const exchanged = await fetch(`${url}/v1/tokens/exchange`, { method: 'POST', headers: { authorization: basic(token) } });
        assert.equal(exchanged.status, 200);
        await exchanged.text();
        child.kill('SIGTERM');
        assert.equal(await exited, 0);
        await outputEnded;
        assert.ok(printed.includes('POST /v1/tokens/exchange → 200'), printed.join('\n'));
        assert.equal(printed.at(-1), 'stopped');
      } finally {
        child.kill('SIGKILL');
      }
    });
  });
});
