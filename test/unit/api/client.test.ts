import * as assert from 'node:assert/strict';
import { ScalingoError } from '../../../src/api/errors';
import { FakeScalingoApi } from '../../fakeApi/server';
import { clientFor, TEST_API_TOKEN } from './testClient';

const CANARY = 'canary-access-token-7f3e9c';

async function rejectsWith(promise: Promise<unknown>, kind: ScalingoError['kind']): Promise<ScalingoError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ScalingoError, `expected a ScalingoError, got ${String(error)}`);
    assert.equal(error.kind, kind, `expected ${kind}, got ${error.kind}: ${error.message}`);
    return error;
  }
  assert.fail(`expected a ${kind} error, but the call succeeded`);
}

describe('ScalingoClient against the fake API', () => {
  let api: FakeScalingoApi;
  let client: ReturnType<typeof clientFor>;

  beforeEach(async () => {
    api = await FakeScalingoApi.start({ seed: 'default', accessTokenCanary: CANARY });
    client = clientFor(api);
  });

  afterEach(async () => {
    await client.close();
    await api.close();
  });

  describe('authentication', () => {
    it('exchanges the API token with Basic auth and an empty user, then sends the bearer', async () => {
      await client.listIntegrations();
      const [exchange, list] = api.requests;
      assert.equal(exchange?.route, 'exchange');
      assert.equal(exchange?.authorization, `Basic ${Buffer.from(`:${TEST_API_TOKEN}`).toString('base64')}`);
      assert.equal(list?.route, 'list');
      assert.match(list?.authorization ?? '', /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/u);
    });

    it('shares one exchange between concurrent calls and reuses the bearer after', async () => {
      await Promise.all([client.listIntegrations(), client.listIntegrations(), client.currentUser(), client.listIntegrations()]);
      await client.listIntegrations();
      assert.equal(api.requestsTo('exchange').length, 1);
      assert.equal(api.requestsTo('list').length, 4);
    });

    it('exchanges again before each call when the bearer has under five minutes left', async () => {
      await client.close();
      await api.close();
      api = await FakeScalingoApi.start({ seed: 'default', bearerLifetimeSeconds: 240 });
      client = clientFor(api);
      await client.listIntegrations();
      await client.listIntegrations();
      assert.equal(api.requestsTo('exchange').length, 2);
    });

    it('retries once with a fresh bearer after a 401, and succeeds', async () => {
      await client.listIntegrations();
      api.expireAllBearers();
      const integrations = await client.listIntegrations();
      assert.equal(integrations.length, 4);
      assert.equal(api.requestsTo('exchange').length, 2);
      assert.equal(api.requestsTo('list').length, 3);
    });

    it('retries a 401 only once', async () => {
      api.inject('list', { status: 401, body: { error: 'token expired' } });
      await rejectsWith(client.listIntegrations(), 'unauthorized');
      assert.equal(api.requestsTo('list').length, 2);
      assert.equal(api.requestsTo('exchange').length, 2);
    });

    it('reports a refused API token as invalidToken, without the token in the message', async () => {
      api.revokeApiToken(TEST_API_TOKEN);
      const error = await rejectsWith(client.listIntegrations(), 'invalidToken');
      assert.ok(!error.message.includes(TEST_API_TOKEN));
      assert.equal(api.requestsTo('list').length, 0);
    });

    it('recognises "OTP Required"', async () => {
      api.inject('list', { status: 401, body: { error: 'OTP Required' } });
      await rejectsWith(client.listIntegrations(), 'otpRequired');
    });
  });

  describe('routes', () => {
    it('lists integrations of every type and drops their access tokens at parse time', async () => {
      const integrations = await client.listIntegrations();
      assert.deepEqual(
        integrations.map((integration) => integration.scmType).sort(),
        ['github', 'github-enterprise', 'gitlab', 'gitlab-self-hosted'],
      );
      assert.ok(!JSON.stringify(integrations).includes(CANARY));
    });

    it('shows one integration', async () => {
      const [first] = await client.listIntegrations();
      const shown = await client.getIntegration(first!.id);
      assert.equal(shown.id, first!.id);
      assert.ok(!JSON.stringify(shown).includes(CANARY));
    });

    it('links a GitLab self-hosted instance, which then appears in the list', async () => {
      const linked = await client.linkIntegration({
        scmType: 'gitlab-self-hosted',
        url: 'https://gitlab.acme.test',
        accessToken: 'glpat-personal-123',
      });
      assert.equal(linked.scmType, 'gitlab-self-hosted');
      assert.equal(api.requestsTo('link')[0]?.status, 201);
      assert.deepEqual(api.requestsTo('link')[0]?.body, {
        scm_integration: { scm_type: 'gitlab-self-hosted', url: 'https://gitlab.acme.test', access_token: 'glpat-personal-123' },
      });
      assert.ok((await client.listIntegrations()).some((integration) => integration.id === linked.id));
    });

    it('returns the per-field messages of a 422 and never echoes the typed token', async () => {
      const error = await rejectsWith(
        client.linkIntegration({ scmType: 'github-enterprise', url: 'http://ghe.insecure.test', accessToken: 'ghp_secret_typed' }),
        'validation',
      );
      assert.ok(error.fieldErrors.url?.length, JSON.stringify(error.fieldErrors));
      assert.match(error.message, /url/u);
      api.inject('link', { status: 422, body: { errors: { access_token: ['ghp_secret_typed is not valid'] } } });
      const echoed = await rejectsWith(
        client.linkIntegration({ scmType: 'github-enterprise', url: 'https://ghe.acme.test', accessToken: 'ghp_secret_typed' }),
        'validation',
      );
      assert.ok(!JSON.stringify({ m: echoed.message, f: echoed.fieldErrors, d: echoed.details }).includes('ghp_secret_typed'));
    });

    it('never retries a POST', async () => {
      api.inject('link', { status: 503, body: { error: 'unavailable' } });
      await rejectsWith(
        client.linkIntegration({ scmType: 'github-enterprise', url: 'https://ghe.acme.test', accessToken: 'ghp_x' }),
        'server',
      );
      assert.equal(api.requestsTo('link').length, 1);
    });

    it('unlinks, after which the integration is not found', async () => {
      const [first] = await client.listIntegrations();
      await client.unlinkIntegration(first!.id);
      assert.equal(api.requestsTo('unlink')[0]?.status, 204);
      await rejectsWith(client.getIntegration(first!.id), 'notFound');
    });

    it('imports SSH keys once: the second import finds nothing new', async () => {
      const integrations = await client.listIntegrations();
      const withKeys = integrations.find((integration) => integration.scmType === 'github')!;
      const imported = await client.importKeys(withKeys.id);
      assert.ok(imported.length > 0);
      assert.ok(imported.every((key) => key.name && key.fingerprint));
      assert.deepEqual(await client.importKeys(withKeys.id), []);
    });

    it('follows the pages of organizations until the last one', async () => {
      const github = (await client.listIntegrations()).find((integration) => integration.scmType === 'github')!;
      const before = (await client.listOrganizations(github.id)).length;
      api.state.addOrganizations(github.id, 250);
      api.clearRequests();
      const organizations = await client.listOrganizations(github.id);
      assert.equal(organizations.length, before + 250);
      assert.equal(new Set(organizations.map((organization) => organization.id)).size, organizations.length);
      assert.equal(api.requestsTo('orgs').length, Math.ceil((before + 250) / 100));
    });

    it('searches repositories with qualifiers and pages', async () => {
      const github = (await client.listIntegrations()).find((integration) => integration.scmType === 'github')!;
      api.state.addRepositories(github.id, 'bulk-owner', 45);
      const first = await client.searchRepositories(github.id, { user: 'bulk-owner' }, { perPage: 20 });
      assert.equal(first.repositories.length, 20);
      assert.equal(first.nextPage, 2);
      assert.equal(first.totalCount, 45);
      const last = await client.searchRepositories(github.id, { user: 'bulk-owner' }, { page: 3, perPage: 20 });
      assert.equal(last.repositories.length, 5);
      assert.equal(last.nextPage, undefined);
      assert.equal(api.requestsTo('searchRepos')[0]?.query.query, 'user:bulk-owner');
    });

    it('sends keywords with spaces, +, : and non-ASCII exactly as typed', async () => {
      const github = (await client.listIntegrations()).find((integration) => integration.scmType === 'github')!;
      await client.searchRepositories(github.id, { keywords: 'c++ déjà vu a:b 日本', includeForks: true, user: 'octo' });
      assert.equal(api.requestsTo('searchRepos')[0]?.query.query, 'c++ déjà vu a:b 日本 fork:true user:octo');
    });

    it('searches pull requests by repository and state', async () => {
      const github = (await client.listIntegrations()).find((integration) => integration.scmType === 'github')!;
      const [repository] = (await client.searchRepositories(github.id, {})).repositories;
      const open = await client.searchPullRequests(github.id, { repo: repository!.fullName });
      assert.equal(api.requestsTo('searchPullRequests')[0]?.query.query, `is:open repo:${repository!.fullName}`);
      const all = await client.searchPullRequests(github.id, { repo: repository!.fullName, state: 'all' });
      assert.ok(all.length >= open.length);
      assert.ok(all.every((pullRequest) => typeof pullRequest.number === 'number' && pullRequest.title));
    });

    it('tells who is signed in', async () => {
      const user = await client.currentUser();
      assert.ok(user.username);
    });
  });

  describe('faults', () => {
    const statusCases: [number, ScalingoError['kind']][] = [
      [400, 'badRequest'],
      [402, 'paymentRequired'],
      [403, 'forbidden'],
      [404, 'notFound'],
      [500, 'server'],
    ];
    for (const [status, kind] of statusCases) {
      it(`maps HTTP ${status} to ${kind}`, async () => {
        api.inject('list', { status, body: { error: `status ${status}` } });
        const error = await rejectsWith(client.listIntegrations(), kind);
        assert.equal(error.status, status);
      });
    }

    it('reads a plain-text 429 as rate limited, after retrying the GET twice', async () => {
      api.inject('list', { status: 429, body: 'Retry later', contentType: 'text/plain' });
      await rejectsWith(client.listIntegrations(), 'rateLimited');
      assert.equal(api.requestsTo('list').length, 3);
    });

    it('recovers when a GET succeeds on retry', async () => {
      api.inject('list', { status: 503, body: '<html><body>Bad gateway</body></html>', contentType: 'text/html', times: 1 });
      assert.equal((await client.listIntegrations()).length, 4);
      assert.equal(api.requestsTo('list').length, 2);
    });

    it('explains an HTML page from a proxy on a 200', async () => {
      api.inject('list', { status: 200, body: '<!doctype html><title>Proxy login</title>', contentType: 'text/html' });
      const error = await rejectsWith(client.listIntegrations(), 'invalidResponse');
      assert.match(error.message, /web page/u);
    });

    it('rejects truncated JSON', async () => {
      api.inject('list', { truncate: true });
      const error = await rejectsWith(client.listIntegrations(), 'invalidResponse');
      assert.match(error.message, /not valid JSON/u);
    });

    it('rejects a body that does not match the schema, naming the field in the log details', async () => {
      api.inject('list', { status: 200, body: { scm_integrations: 'none' } });
      const error = await rejectsWith(client.listIntegrations(), 'invalidResponse');
      assert.match(error.details.serverMessage ?? '', /scm_integrations/u);
    });

    it('reads integrations one by one: a damaged item is reported with its bad fields, never its token', async () => {
      api.inject('list', {
        status: 200,
        body: {
          scm_integrations: [
            { id: 42, scm_type: 'github', url: null, access_token: 'secret-of-the-damaged-one' },
            { id: 'ok-1', scm_type: 'gitlab', url: 'https://gitlab.com' },
          ],
        },
        times: 2,
      });
      const entries = await client.listIntegrationEntries();
      assert.deepEqual(entries[0], { ok: false, unreadable: { index: 0, id: undefined, scmType: 'github', fields: ['id', 'url'] } });
      assert.equal(entries[1]?.ok && entries[1].integration.id, 'ok-1');
      assert.doesNotMatch(JSON.stringify(entries), /secret-of-the-damaged-one/u);
      assert.deepEqual((await client.listIntegrations()).map((integration) => integration.id), ['ok-1']);
    });

    it('accepts an unknown future scm_type and null read fields', async () => {
      api.inject('list', {
        status: 200,
        body: { scm_integrations: [{ id: 'x1', scm_type: 'bitbucket', url: 'https://bitbucket.org', username: null, owner: null, extra: 1 }] },
      });
      const [integration] = await client.listIntegrations();
      assert.equal(integration?.scmType, 'bitbucket');
      assert.equal(integration?.username, undefined);
    });

    it('reports a dropped connection as a network error after retrying', async () => {
      api.inject('list', { drop: true });
      await rejectsWith(client.listIntegrations(), 'network');
      assert.equal(api.requestsTo('list').length, 3);
    });

    it('reports connection refused as a network error', async () => {
      const url = api.url;
      await client.close();
      await api.close();
      api = await FakeScalingoApi.start();
      client = clientFor(api, { baseUrl: url });
      const error = await rejectsWith(client.listIntegrations(), 'network');
      assert.match(error.message, /connection refused/u);
    });

    it('times out a slow answer', async () => {
      await client.close();
      client = clientFor(api, { timeoutMs: 150 });
      api.inject('list', { delayMs: 2000 });
      await rejectsWith(client.listIntegrations(), 'timeout');
    });

    it('cancels when the caller aborts, without retrying', async () => {
      api.inject('list', { delayMs: 2000 });
      const controller = new AbortController();
      const pending = client.listIntegrations(controller.signal);
      setTimeout(() => controller.abort(), 50);
      await rejectsWith(pending, 'cancelled');
      assert.equal(api.requestsTo('list').length, 1);
    });

    it('never puts the API token in an error, even when the server echoes it', async () => {
      api.inject('list', { status: 400, body: { error: `bad token ${TEST_API_TOKEN}` } });
      const error = await rejectsWith(client.listIntegrations(), 'badRequest');
      assert.ok(!JSON.stringify({ message: error.message, details: error.details, stack: error.stack }).includes(TEST_API_TOKEN));
    });
  });
});
