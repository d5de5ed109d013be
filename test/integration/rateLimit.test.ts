import * as assert from 'node:assert/strict';
import { SCALINGO_RATE_LIMIT, type RateLimit } from '../../src/api/requestLimiter';
import type { ScalingoExtensionApi } from '../../src/extension';
import { faults, type FakeScalingoApi, type RecordedRequest } from '../fakeApi/server';
import { childLabelled, children, eventually, extensionApi, labelOf, signIn, signOut, startFakeApi } from './helpers';

/** Scalingo's window: the fake counts arrivals over a real minute, as the API does. */
const FAKE_WINDOW_MS = 60_000;

function busiestWindow(requests: readonly RecordedRequest[], windowMs: number): number {
  let most = 0;
  for (const [index, request] of requests.entries()) {
    most = Math.max(most, requests.slice(index).filter((later) => later.at < request.at + windowMs).length);
  }
  return most;
}

/** `work`, or after `ms` an error that says what the fake saw, rather than mocha's bare timeout. */
async function within<T>(ms: number, work: Promise<T>, fake: () => FakeScalingoApi): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const { requests } = fake();
      const last = requests.slice(-5).map((request) => `${request.route} ${request.status} at +${request.at - requests[0]!.at} ms`);
      reject(new Error(`not done in ${ms} ms: ${requests.length} requests, the last: ${last.join('; ')}`));
    }, ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

type Session = ScalingoExtensionApi['session'] & { useLoopbackRateLimit?(limit: RateLimit | undefined): void };

describe("rate limit: the extension with Scalingo's budget against a fake that enforces it", () => {
  let api: FakeScalingoApi;

  before(async () => {
    api = await startFakeApi({ rateLimit: { perWindow: 60, windowMs: FAKE_WINDOW_MS } });
    ((await extensionApi()).session as Session).useLoopbackRateLimit?.(SCALINGO_RATE_LIMIT);
    await signIn();
  });

  after(async () => {
    ((await extensionApi()).session as Session).useLoopbackRateLimit?.(undefined);
    await signOut();
    await api.close();
  });

  // About a minute: the 61st request waits for the first to leave the budget's window.
  it('expands 80 repositories: at most 60 requests in any minute, no 429, every row loaded', async function () {
    this.timeout(150_000);
    const extension = await extensionApi();
    api.state.addRepositories(api.state.integrationOfType('github').id, 'babbage-labs', 80);
    const github = await childLabelled(extension, undefined, 'GitHub');
    const owner = await childLabelled(extension, github, 'babbage-labs');
    while ((await children(extension, owner)).some((node) => labelOf(node) === 'Load more…')) await extension.tree.loadMore(owner);
    const repositories = (await children(extension, owner)).filter((node) => node.getChildren).slice(0, 80);
    assert.equal(repositories.length, 80);

    const messages = new Set<string>();
    const watch = setInterval(() => messages.add(extension.view.message ?? ''), 200);
    const expanded = await within(120_000, Promise.all(repositories.map((repository) => children(extension, repository))), () => api).finally(() =>
      clearInterval(watch),
    );
    // The budget is spent within a second; the rest wait about a minute, and the view says so.
    assert.ok(
      [...messages].some((message) => /^Staying within Scalingo's 60 requests a minute; the next ones start in (5\d|6[01]) s$/u.test(message)),
      `the view said: ${JSON.stringify([...messages])}`,
    );
    const failed = expanded.filter((rows) => rows.some((row) => row.getTreeItem().contextValue === 'message.error'));
    assert.equal(failed.length, 0, `rows failed: ${failed.map((rows) => labelOf(rows[0]!)).join('; ')}`);
    const refused = api.requests.filter((request) => request.status === 429);
    assert.equal(refused.length, 0, `${refused.length} requests were refused with 429`);
    const busiest = busiestWindow(api.requests, FAKE_WINDOW_MS);
    assert.ok(busiest <= 60, `${busiest} requests in one window`);
    assert.equal(api.requestsTo('searchPullRequests').length, 80);
    const tookS = ((api.requests.at(-1)!.at - api.requests[0]!.at) / 1000).toFixed(1);
    const byRoute = new Map<string, number>();
    for (const { route = '?' } of api.requests) byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
    const routes = [...byRoute].map(([route, count]) => `${route} ${count}`).join(', ');
    console.log(`    rate limit: ${api.requests.length} requests in ${tookS} s (${routes}), busiest minute ${busiest}`);
  });

  it('says on the view that it waits for the limit, then loads', async function () {
    this.timeout(30_000);
    const extension = await extensionApi();
    // The fake's minute still holds the requests above, but the extension keeps within the budget,
    // so only the injected 429 is in play.
    const gitlab = await childLabelled(extension, undefined, 'GitLab');
    api.inject('orgs', { ...faults.rateLimited(), headers: { 'retry-after': '2' }, times: 1 });
    const loading = children(extension, gitlab);
    const deadline = Date.now() + 3000;
    while (!/limiting requests; retrying in 2 s/u.test(extension.view.message ?? '') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.match(extension.view.message ?? '', /Scalingo is limiting requests; retrying in 2 s/u);
    const rows = await within(20_000, loading, () => api);
    assert.ok(rows.length > 0 && !rows.some((row) => row.getTreeItem().contextValue === 'message.error'));
    const [refused, retried] = api.requestsTo('orgs').slice(-2);
    assert.ok(retried!.at - refused!.at >= 1900, `retried ${retried!.at - refused!.at} ms after the 429`);
  });

  it('keeps counting down through a refresh, then clears its words', async function () {
    this.timeout(30_000);
    const extension = await extensionApi();
    await children(extension);
    api.inject('list', { ...faults.rateLimited(), headers: { 'retry-after': '3' }, times: 1 });
    extension.tree.refreshAll();
    const first = children(extension);
    await eventually(() => /retrying in [23] s/u.test(extension.view.message ?? ''), { what: 'the wait was not said' });
    // A second refresh clears the view's message: the reload waits with the others, and says so.
    extension.tree.refreshAll();
    const second = children(extension);
    await eventually(() => /retrying in [12] s/u.test(extension.view.message ?? ''), { what: `the view says ${JSON.stringify(extension.view.message)}` });
    await Promise.all([first, second]);
    await eventually(() => !extension.view.message, { what: `the view still says ${JSON.stringify(extension.view.message)}`, timeoutMs: 5000 });
    assert.equal(api.requestsTo('list').at(-1)?.status, 200);
  });
});
