import * as assert from 'node:assert/strict';
import type { RateLimit } from '../../src/api/requestLimiter';
import type { ScalingoExtensionApi } from '../../src/extension';
import { faults, type FakeScalingoApi, type RecordedRequest } from '../fakeApi/server';
import { childLabelled, children, extensionApi, labelOf, signIn, signOut, startFakeApi } from './helpers';

/** The fake's "minute", shortened so that the test takes seconds (the budget, 60, is Scalingo's). */
const FAKE_WINDOW_MS = 4000;
/**
 * The extension's budget: Scalingo's (SCALINGO_RATE_LIMIT), its window longer than the fake's as
 * Scalingo's 61 s is longer than the server's 60 s, by 10 % here because a loaded test machine
 * bunches arrivals up by tens of milliseconds.
 */
const REAL_BUDGET: RateLimit = {
  maxInFlight: 6,
  perMinute: 60,
  windowMs: Math.ceil(FAKE_WINDOW_MS * 1.1),
  maxInFlightPerLane: 2,
  reservedForUnlaned: 2,
};

function busiestWindow(requests: readonly RecordedRequest[], windowMs: number): number {
  let most = 0;
  for (const [index, request] of requests.entries()) {
    most = Math.max(most, requests.slice(index).filter((later) => later.at < request.at + windowMs).length);
  }
  return most;
}

type Session = ScalingoExtensionApi['session'] & { useLoopbackRateLimit?(limit: RateLimit | undefined): void };

describe("rate limit: the extension with Scalingo's budget against a fake that enforces it", () => {
  let api: FakeScalingoApi;

  before(async () => {
    api = await startFakeApi({ rateLimit: { perWindow: 60, windowMs: FAKE_WINDOW_MS } });
    ((await extensionApi()).session as Session).useLoopbackRateLimit?.(REAL_BUDGET);
    await signIn();
  });

  after(async () => {
    ((await extensionApi()).session as Session).useLoopbackRateLimit?.(undefined);
    await signOut();
    await api.close();
  });

  it('expands 80 repositories: at most 60 requests in any window, no 429, every row loaded', async function () {
    this.timeout(60_000);
    const extension = await extensionApi();
    api.state.addRepositories(api.state.integrationOfType('github').id, 'babbage-labs', 80);
    const github = await childLabelled(extension, undefined, 'GitHub');
    const owner = await childLabelled(extension, github, 'babbage-labs');
    while ((await children(extension, owner)).some((node) => labelOf(node) === 'Load more…')) await extension.tree.loadMore(owner);
    const repositories = (await children(extension, owner)).filter((node) => node.getChildren).slice(0, 80);
    assert.equal(repositories.length, 80);

    const expanded = await Promise.all(repositories.map((repository) => children(extension, repository)));
    const failed = expanded.filter((rows) => rows.some((row) => row.getTreeItem().contextValue === 'message.error'));
    assert.equal(failed.length, 0, `rows failed: ${failed.map((rows) => labelOf(rows[0]!)).join('; ')}`);
    const refused = api.requests.filter((request) => request.status === 429);
    assert.equal(refused.length, 0, `${refused.length} requests were refused with 429`);
    const busiest = busiestWindow(api.requests, FAKE_WINDOW_MS);
    assert.ok(busiest <= 60, `${busiest} requests in one window`);
    assert.equal(api.requestsTo('searchPullRequests').length, 80);
    console.log(`    rate limit: ${api.requests.length} requests in all, busiest ${FAKE_WINDOW_MS} ms window ${busiest}`);
  });

  it('says on the view that it waits for the limit, then loads', async function () {
    this.timeout(30_000);
    const extension = await extensionApi();
    // Let the fake's window drain, so that only the injected 429 is in play.
    await new Promise((resolve) => setTimeout(resolve, FAKE_WINDOW_MS + 200));
    const gitlab = await childLabelled(extension, undefined, 'GitLab');
    api.inject('orgs', { ...faults.rateLimited(), headers: { 'retry-after': '2' }, times: 1 });
    const loading = children(extension, gitlab);
    const deadline = Date.now() + 3000;
    while (!/limiting requests; retrying in 2 s/u.test(extension.view.message ?? '') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.match(extension.view.message ?? '', /Scalingo is limiting requests; retrying in 2 s/u);
    const rows = await loading;
    assert.ok(rows.length > 0 && !rows.some((row) => row.getTreeItem().contextValue === 'message.error'));
    const [refused, retried] = api.requestsTo('orgs').slice(-2);
    assert.ok(retried!.at - refused!.at >= 1900, `retried ${retried!.at - refused!.at} ms after the 429`);
  });
});
