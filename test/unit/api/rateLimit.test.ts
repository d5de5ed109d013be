import * as assert from 'node:assert/strict';
import type { ScalingoError } from '../../../src/api/errors';
import { RequestLimiter, SCALINGO_RATE_LIMIT } from '../../../src/api/requestLimiter';
import { FakeScalingoApi, faults, type RecordedRequest } from '../../fakeApi/server';
import { clientFor } from './testClient';

/** The most requests that arrived inside any window of `windowMs`. */
function busiestWindow(requests: readonly RecordedRequest[], windowMs: number): number {
  let most = 0;
  for (const [index, request] of requests.entries()) {
    const inWindow = requests.slice(index).filter((later) => later.at < request.at + windowMs).length;
    most = Math.max(most, inWindow);
  }
  return most;
}

describe('rate limit, end to end', () => {
  let api: FakeScalingoApi;

  afterEach(() => api?.close());

  describe('the fake enforces it', () => {
    it('answers 429 "Retry later" past the budget, without Retry-After by default', async () => {
      api = await FakeScalingoApi.start({ rateLimit: { perWindow: 2, windowMs: 10_000 } });
      const answers = [];
      for (let index = 0; index < 3; index++) answers.push(await fetch(`${api.url}/v1/scm_integrations`));
      assert.deepEqual(answers.map((answer) => answer.status), [401, 401, 429]);
      assert.equal(await answers[2]!.text(), 'Retry later');
      assert.equal(answers[2]!.headers.get('retry-after'), null);
    });

    it('can send Retry-After, the seconds until the window has room', async () => {
      api = await FakeScalingoApi.start({ rateLimit: { perWindow: 1, windowMs: 3_000, retryAfter: true } });
      await fetch(`${api.url}/v1/scm_integrations`);
      const refused = await fetch(`${api.url}/v1/scm_integrations`);
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), '3');
    });
  });

  describe('the client', () => {
    it('waits for Retry-After, holding every request meanwhile, and says how long', async () => {
      api = await FakeScalingoApi.start();
      const waits: number[] = [];
      const client = clientFor(api, { onRateLimited: ({ retryInMs }) => waits.push(retryInMs) });
      try {
        await client.currentUser();
        api.clearRequests();
        api.inject('list', { ...faults.rateLimited(), headers: { 'retry-after': '1' }, times: 1 });
        const listed = client.listIntegrations();
        await new Promise((resolve) => setTimeout(resolve, 100));
        await client.currentUser();
        assert.equal((await listed).length, 4);
        const [refused, ...after] = api.requests;
        assert.equal(refused?.status, 429);
        assert.deepEqual(after.map((request) => request.route).sort(), ['list', 'self']);
        for (const request of after) assert.ok(request.at - refused!.at >= 950, `${request.route} was sent ${request.at - refused!.at} ms after the 429`);
        assert.equal(waits.length, 1);
        assert.ok(waits[0]! > 900 && waits[0]! <= 1000, `said ${waits[0]} ms`);
      } finally {
        await client.close();
      }
    });

    it("without Retry-After, waits for the limit's window, not half a second", async () => {
      api = await FakeScalingoApi.start();
      const client = clientFor(api, { rateLimit: { ...SCALINGO_RATE_LIMIT, windowMs: 1500 } });
      try {
        await client.currentUser();
        api.clearRequests();
        api.inject('list', faults.rateLimited({ times: 1 }));
        await client.listIntegrations();
        const [refused, retried] = api.requests;
        assert.ok(retried!.at - refused!.at >= 1450, `retried after ${retried!.at - refused!.at} ms`);
      } finally {
        await client.close();
      }
    });

    it('waits out a 429 on the token exchange itself, then exchanges once more and goes on', async () => {
      api = await FakeScalingoApi.start();
      const waits: number[] = [];
      const client = clientFor(api, { onRateLimited: ({ retryInMs }) => waits.push(retryInMs) });
      try {
        api.inject('exchange', { ...faults.rateLimited(), headers: { 'retry-after': '1' }, times: 1 });
        const user = await client.currentUser();
        assert.equal(user.username, 'ada-lovelace');
        assert.deepEqual(
          api.requests.map((request) => `${request.route} ${request.status}`),
          ['exchange 429', 'exchange 200', 'self 200'],
        );
        const [refused, exchanged] = api.requests;
        assert.ok(exchanged!.at - refused!.at >= 950, `exchanged again ${exchanged!.at - refused!.at} ms after the 429`);
        assert.equal(waits.length, 1);
        assert.ok(waits[0]! > 900 && waits[0]! <= 1000, `said ${waits[0]} ms`);
      } finally {
        await client.close();
      }
    });

    it('tells a refused exchange once, however many callers were waiting for it', async () => {
      api = await FakeScalingoApi.start();
      const waits: number[] = [];
      const client = clientFor(api, { onRateLimited: ({ retryInMs }) => waits.push(retryInMs) });
      try {
        api.inject('exchange', { ...faults.rateLimited(), headers: { 'retry-after': '1' }, times: 1 });
        await Promise.all([client.currentUser(), client.listIntegrations(), client.listIntegrations()]);
        assert.equal(waits.length, 1, `told ${JSON.stringify(waits)}`);
        assert.deepEqual(api.requestsTo('exchange').map((request) => request.status), [429, 200]);
      } finally {
        await client.close();
      }
    });

    it('gives up on an exchange that stays rate limited after its retries, saying so', async () => {
      api = await FakeScalingoApi.start();
      const client = clientFor(api);
      try {
        api.inject('exchange', faults.rateLimited());
        await assert.rejects(client.currentUser(), (error: ScalingoError) => error.kind === 'rateLimited');
        assert.equal(api.requestsTo('exchange').length, 3);
        assert.equal(api.requestsTo('self').length, 0);
      } finally {
        await client.close();
      }
    });

    it('counts retries in the budget', async () => {
      api = await FakeScalingoApi.start();
      const client = clientFor(api, { rateLimit: { ...SCALINGO_RATE_LIMIT, perMinute: 3, windowMs: 1000 } });
      try {
        api.inject('list', { ...faults.rateLimited(), headers: { 'retry-after': '0' }, times: 1 });
        // exchange, the refused list, its retry: the budget of 3 is spent, the next waits a window.
        await client.listIntegrations();
        await client.currentUser();
        const [exchange, , , self] = api.requests;
        assert.equal(self?.route, 'self');
        // Measured at the server, where the first arrival can lag its start by tens of ms on a loaded machine.
        assert.ok(self.at - exchange!.at >= 850, `the 4th request left ${self.at - exchange!.at} ms after the 1st`);
      } finally {
        await client.close();
      }
    });

    it('with the real budget, sends 80 requests against a fake that enforces it: none refused, at most 60 a window', async function () {
      this.timeout(20_000);
      // A 1.5 s "minute" for the fake. The client's window is longer, as Scalingo's is (61 s for 60 s),
      // by 10 % here: on a loaded test machine arrivals bunch up by tens of milliseconds.
      api = await FakeScalingoApi.start({ rateLimit: { perWindow: 60, windowMs: 1500 } });
      const client = clientFor(api, { rateLimit: { ...SCALINGO_RATE_LIMIT, windowMs: 1650 } });
      try {
        const [integration] = await client.listIntegrations();
        const results = await Promise.all(
          Array.from({ length: 80 }, () => client.searchPullRequests(integration!.id, { repo: 'ada-lovelace/scalingo-app' })),
        );
        assert.equal(results.length, 80);
        assert.deepEqual(api.requests.filter((request) => request.status === 429), []);
        assert.ok(busiestWindow(api.requests, 1500) <= 60, `${busiestWindow(api.requests, 1500)} requests in one window`);
        assert.equal(api.requests.length, 82);
      } finally {
        await client.close();
      }
    });
  });

  describe('the wait for the window', () => {
    it('never stalls when the clock ticks between checking for room and setting the next wake-up', async () => {
      // The limiter's clock reads 0 until its timer is due, then 99 for one reading (room? not
      // yet: the one start, at 0, is still inside the 100-ms window) and 100 after it (the wake-up
      // time has come): a timer due "now" must still be set, or the queue waits for ever.
      const base = Date.now();
      let lateReadings = 0;
      const now = () => (Date.now() - base < 50 ? 0 : lateReadings++ === 0 ? 99 : 100);
      const limiter = new RequestLimiter({ ...SCALINGO_RATE_LIMIT, perMinute: 1, windowMs: 100 }, now);
      await limiter.run(async () => undefined);
      const second = limiter.run(async () => 'ran');
      const late = new Promise((resolve) => setTimeout(() => resolve('stalled'), 1000).unref());
      assert.equal(await Promise.race([second, late]), 'ran');
    });
  });

  describe('telling a wait for the budget', () => {
    it('tells once, with the wait, when this minute is spent; a 429 pause and a short hold are not its to tell', async () => {
      const told: number[] = [];
      const limiter = new RequestLimiter({ ...SCALINGO_RATE_LIMIT, perMinute: 2, windowMs: 1500 }, Date.now, (waitMs) => told.push(waitMs));
      const quick = async () => undefined;
      await Promise.all([limiter.run(quick), limiter.run(quick), limiter.run(quick), limiter.run(quick)]);
      assert.equal(told.length, 1, `told ${JSON.stringify(told)}`);
      assert.ok(told[0]! > 1400 && told[0]! <= 1500, `told ${told[0]} ms`);

      const short: number[] = [];
      const brief = new RequestLimiter({ ...SCALINGO_RATE_LIMIT, perMinute: 1, windowMs: 400 }, Date.now, (waitMs) => short.push(waitMs));
      await Promise.all([brief.run(quick), brief.run(quick)]);
      brief.pause(1500);
      await brief.run(quick);
      assert.deepEqual(short, []);
    });
  });

  describe('lanes', () => {
    const hang = () => new Promise<never>(() => undefined);

    it('keeps one code host that hangs from holding the slots of the others and of the exchange', async () => {
      const limiter = new RequestLimiter(SCALINGO_RATE_LIMIT);
      for (let index = 0; index < 5; index++) void limiter.run(hang, undefined, 'dead-host');
      const ran: string[] = [];
      await limiter.run(async () => void ran.push('healthy host'), undefined, 'healthy-host');
      await limiter.run(async () => void ran.push('exchange'));
      assert.deepEqual(ran, ['healthy host', 'exchange']);
    });

    it('keeps slots for requests without a lane when several hosts hang', async () => {
      const limiter = new RequestLimiter(SCALINGO_RATE_LIMIT);
      for (const host of ['a', 'b', 'c', 'd']) for (let index = 0; index < 3; index++) void limiter.run(hang, undefined, host);
      const ran: string[] = [];
      await Promise.all([limiter.run(async () => void ran.push('exchange')), limiter.run(async () => void ran.push('list'))]);
      assert.deepEqual(ran.sort(), ['exchange', 'list']);
    });
  });
});
