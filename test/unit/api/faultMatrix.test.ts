/**
 * Every route the extension uses against every fault the API or the network produces, one row
 * each, printed as a table (case, expected, seen). A row passes when the client ends in the
 * expected state: the right error kind with a readable, token-free message, or success where a
 * retry is expected to recover.
 */
import * as assert from 'node:assert/strict';
import { ScalingoError, type ScalingoErrorKind } from '../../../src/api/errors';
import type { ScalingoClient } from '../../../src/api/client';
import { FakeScalingoApi, faults, type Fault, type RouteName } from '../../fakeApi/server';
import { clientFor, TEST_API_TOKEN } from './testClient';

const CANARY = 'canary-access-token-matrix';
const MAX_BODY_BYTES = 64 * 1024;

interface RouteCall {
  readonly route: RouteName;
  /** Routes whose success has no body cannot be truncated or mis-shaped. */
  readonly hasBody: boolean;
  /** POST and DELETE are never retried: a gateway error is final for them. */
  readonly mutates?: boolean;
  readonly call: (client: ScalingoClient, integrationId: string) => Promise<unknown>;
}

const ROUTES: readonly RouteCall[] = [
  { route: 'list', hasBody: true, call: (client) => client.listIntegrations() },
  { route: 'show', hasBody: true, call: (client, id) => client.getIntegration(id) },
  {
    route: 'link',
    hasBody: true,
    mutates: true,
    call: (client) => client.linkIntegration({ scmType: 'github-enterprise', url: `https://ghe-${Math.random()}.test`, accessToken: 'ghp_typed' }),
  },
  { route: 'unlink', hasBody: false, mutates: true, call: (client, id) => client.unlinkIntegration(id) },
  { route: 'importKeys', hasBody: true, mutates: true, call: (client, id) => client.importKeys(id) },
  { route: 'orgs', hasBody: true, call: (client, id) => client.listOrganizations(id) },
  { route: 'searchRepos', hasBody: true, call: (client, id) => client.searchRepositories(id, { keywords: 'app' }) },
  { route: 'searchPullRequests', hasBody: true, call: (client, id) => client.searchPullRequests(id, { repo: 'ada-lovelace/scalingo-app' }) },
  { route: 'self', hasBody: true, call: (client) => client.currentUser() },
];

type Expectation = ScalingoErrorKind | 'ok';

interface FaultCase {
  readonly name: string;
  readonly expected: Expectation | ((route: RouteCall) => Expectation);
  readonly needsBody?: boolean;
  readonly arrange: (api: FakeScalingoApi, route: RouteName) => void | Promise<void>;
}

const inject = (fault: Fault) => (api: FakeScalingoApi, route: RouteName) => api.inject(route, fault);

const FAULTS: readonly FaultCase[] = [
  { name: '400', expected: 'badRequest', arrange: inject({ status: 400, body: { error: 'malformed query' } }) },
  { name: '401 expired bearer (recovers)', expected: 'ok', arrange: (api) => api.expireAllBearers() },
  { name: '401 revoked API token', expected: 'invalidToken', arrange: (api) => (api.expireAllBearers(), api.revokeApiToken(TEST_API_TOKEN)) },
  { name: '401 OTP Required', expected: 'otpRequired', arrange: inject({ status: 401, body: { error: 'OTP Required' } }) },
  { name: '402', expected: 'paymentRequired', arrange: inject({ status: 402, body: { error: 'payment required' } }) },
  { name: '403', expected: 'forbidden', arrange: inject({ status: 403, body: { error: 'forbidden' } }) },
  { name: '404', expected: 'notFound', arrange: inject({ status: 404, body: { resource: 'scm_integration', error: 'not found' } }) },
  { name: '422', expected: 'validation', arrange: inject({ status: 422, body: { errors: { url: ['is invalid'] } } }) },
  { name: '429 "Retry later"', expected: 'rateLimited', arrange: inject(faults.rateLimited()) },
  { name: '500 with body', expected: 'server', arrange: inject({ status: 500, body: { error: 'internal error' } }) },
  { name: '500 without body', expected: 'server', arrange: inject(faults.serverErrorWithoutBody()) },
  { name: '502 HTML', expected: 'server', arrange: inject(faults.htmlBadGateway()) },
  { name: '503 HTML', expected: 'server', arrange: inject({ ...faults.htmlBadGateway(), status: 503 }) },
  {
    name: '503 once (GET retried, POST/DELETE not)',
    expected: (route) => (route.mutates ? 'server' : 'ok'),
    arrange: inject({ status: 503, body: '', times: 1 }),
  },
  { name: 'timeout', expected: 'timeout', arrange: inject({ delayMs: 600 }) },
  { name: 'dropped connection', expected: 'network', arrange: inject({ drop: true }) },
  { name: 'truncated JSON', expected: 'invalidResponse', needsBody: true, arrange: inject({ truncate: true }) },
  { name: 'schema: wrong type', expected: 'invalidResponse', needsBody: true, arrange: inject({ status: 200, body: { unexpected: [1, 2, 3] } }) },
  { name: 'HTML with 200', expected: 'invalidResponse', needsBody: true, arrange: inject({ status: 200, body: '<html>login</html>', contentType: 'text/html' }) },
  { name: 'very large body', expected: 'invalidResponse', needsBody: true, arrange: inject({ status: 200, body: 'x'.repeat(MAX_BODY_BYTES * 4) }) },
];

const rows: { route: string; fault: string; expected: string; seen: string; pass: boolean }[] = [];

describe('fault matrix (route × fault)', () => {
  let api: FakeScalingoApi;
  let client: ReturnType<typeof clientFor>;
  let integrationId: string;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  before(() => process.on('unhandledRejection', onUnhandled));
  after(() => {
    process.off('unhandledRejection', onUnhandled);
    const width = (key: 'route' | 'fault' | 'expected' | 'seen') => Math.max(key.length, ...rows.map((row) => row[key].length));
    const line = (row: Record<'route' | 'fault' | 'expected' | 'seen', string>, mark: string) =>
      `    ${row.route.padEnd(width('route'))}  ${row.fault.padEnd(width('fault'))}  ${row.expected.padEnd(width('expected'))}  ${row.seen.padEnd(width('seen'))}  ${mark}`;
    console.log(`\n    Fault matrix: ${rows.filter((row) => row.pass).length} of ${rows.length} rows as expected`);
    console.log(line({ route: 'route', fault: 'fault', expected: 'expected', seen: 'seen' }, ''));
    for (const row of rows) console.log(line(row, row.pass ? 'ok' : 'FAIL'));
    assert.deepEqual(unhandled, [], 'unhandled promise rejections');
  });

  beforeEach(async () => {
    api = await FakeScalingoApi.start({ seed: 'default', accessTokenCanary: CANARY });
    client = clientFor(api, { timeoutMs: 300, maxBodyBytes: MAX_BODY_BYTES });
    integrationId = api.state.integrationOfType('github').id;
    await client.currentUser(); // a cached bearer, so "expired" means expired
  });

  afterEach(async () => {
    await client.close();
    await api.close();
  });

  for (const route of ROUTES) {
    for (const fault of FAULTS) {
      if (fault.needsBody && !route.hasBody) continue;
      const expected = typeof fault.expected === 'function' ? fault.expected(route) : fault.expected;
      it(`${route.route}: ${fault.name} → ${expected}`, async () => {
        await fault.arrange(api, route.route);
        let seen: string;
        let error: ScalingoError | undefined;
        try {
          await route.call(client, integrationId);
          seen = 'ok';
        } catch (caught) {
          assert.ok(caught instanceof ScalingoError, `not a ScalingoError: ${String(caught)}`);
          error = caught;
          seen = caught.kind;
        }
        rows.push({ route: route.route, fault: fault.name, expected, seen, pass: seen === expected });
        assert.equal(seen, expected);
        if (error) {
          assert.ok(error.message.length > 10, 'the message says nothing');
          const everything = JSON.stringify({ message: error.message, details: error.details, fields: error.fieldErrors, stack: error.stack });
          assert.ok(!everything.includes(TEST_API_TOKEN) && !everything.includes(CANARY), 'a token reached the error');
        }
      });
    }
  }
});
