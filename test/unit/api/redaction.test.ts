import * as assert from 'node:assert/strict';
import { ScalingoError } from '../../../src/api/errors';
import { scrubSecrets } from '../../../src/api/redaction';
import { FakeScalingoApi } from '../../fakeApi/server';
import { clientFor, TEST_API_TOKEN } from './testClient';

const ACCESS_TOKEN_CANARY = 'canary-code-host-token-5e5e';

/** Everything a failure can carry to a person or a log. */
function textsOf(error: unknown, logged: readonly string[]): string {
  assert.ok(error instanceof ScalingoError, String(error));
  return [error.message, error.stack ?? '', error.describeForLog(), JSON.stringify(error.details), JSON.stringify(error.fieldErrors), ...logged].join('\n');
}

describe('secrets in what servers send back', () => {
  let api: FakeScalingoApi;
  let logged: string[];
  let client: ReturnType<typeof clientFor>;

  beforeEach(async () => {
    api = await FakeScalingoApi.start({ accessTokenCanary: ACCESS_TOKEN_CANARY });
    logged = [];
    client = clientFor(api, {
      retryPolicy: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 },
      log: { debug: (line) => logged.push(line), warn: (line) => logged.push(line) },
    });
  });

  afterEach(async () => {
    await client.close();
    await api.close();
  });

  it('keeps the bearer out when a proxy page echoes the request headers', async () => {
    api.inject('list', { status: 502, echoRequestHeaders: true });
    const error = await client.listIntegrations().catch((failure: unknown) => failure);
    const bearer = api.requestsTo('list')[0]!.authorization!.replace(/^Bearer /u, '');
    const texts = textsOf(error, logged);
    assert.ok(!texts.includes(bearer.slice(0, 24)), 'the bearer JWT leaked, or the start of it');
    assert.ok(texts.includes('authorization: Bearer •••'), 'the echoed page was not kept for the log at all');
  });

  it('keeps the Basic header value out when the exchange answer echoes it', async () => {
    api.inject('exchange', { status: 502, echoRequestHeaders: true });
    const error = await client.listIntegrations().catch((failure: unknown) => failure);
    const basic = Buffer.from(`:${TEST_API_TOKEN}`).toString('base64');
    const texts = textsOf(error, logged);
    assert.ok(!texts.includes(basic), 'the Basic header value leaked');
    assert.ok(!texts.includes(TEST_API_TOKEN), 'the API token leaked');
  });

  it("keeps a code host's access_token out when an error body echoes it", async () => {
    const [integration] = await client.listIntegrations();
    api.inject('orgs', { status: 500, body: { error: `GitLab refused access_token=${ACCESS_TOKEN_CANARY} (401)` } });
    const error = await client.listOrganizations(integration!.id).catch((failure: unknown) => failure);
    const texts = textsOf(error, logged);
    assert.ok(!texts.includes(ACCESS_TOKEN_CANARY), 'the access token leaked');
    assert.ok(texts.includes('GitLab refused access_token=•••'), 'the server message was lost');
  });

  it('masks secret shapes it never saw, keeping the words around them', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    assert.equal(scrubSecrets(`Authorization: Bearer ${jwt}`), 'Authorization: Bearer •••');
    assert.equal(scrubSecrets(`token ${jwt} expired`), 'token ••• expired');
    assert.equal(scrubSecrets('{"access_token": "abc123", "url": "x"}'), '{"access_token": "•••", "url": "x"}');
    assert.equal(scrubSecrets('bad tk-us-abcdef and glpat-xyz_12 and ghp_0123456789abcdef'), 'bad ••• and ••• and •••');
    assert.equal(scrubSecrets('Authorization: Basic OnRrLXVzLXRlc3Q='), 'Authorization: Basic •••');
  });
});
