import * as assert from 'node:assert/strict';
import { BearerTokenSource, expiryOf, REFRESH_MARGIN_MS } from '../../../src/api/bearerToken';
import { createDispatcher } from '../../../src/api/dispatcher';
import { HttpTransport } from '../../../src/api/transport';
import { FakeScalingoApi } from '../../fakeApi/server';
import { TEST_API_TOKEN } from './testClient';

describe('BearerTokenSource', () => {
  let api: FakeScalingoApi;
  let dispatcher: ReturnType<typeof createDispatcher>;
  let clock: number;
  let source: BearerTokenSource;

  beforeEach(async () => {
    api = await FakeScalingoApi.start({ bearerLifetimeSeconds: 3600 });
    dispatcher = createDispatcher();
    clock = Date.now();
    const transport = new HttpTransport({ baseUrl: api.url, userAgent: 'tests', timeoutMs: 5000, dispatcher });
    source = new BearerTokenSource(transport, TEST_API_TOKEN, () => clock);
  });

  afterEach(async () => {
    await dispatcher.close();
    await api.close();
  });

  it('reads exp from the JWT payload', async () => {
    const bearer = await source.get();
    const expiry = expiryOf(bearer);
    assert.ok(expiry !== undefined && Math.abs(expiry - (Date.now() + 3600_000)) < 5000);
  });

  it('keeps the bearer until five minutes before exp, then exchanges again', async () => {
    const first = await source.get();
    clock = expiryOf(first)! - REFRESH_MARGIN_MS - 1000;
    assert.equal(await source.get(), first);
    clock = expiryOf(first)! - REFRESH_MARGIN_MS + 1000;
    await source.get();
    assert.equal(api.requestsTo('exchange').length, 2);
  });

  it('lets one caller stop waiting without cancelling the exchange for the others', async () => {
    api.inject('exchange', { delayMs: 150 });
    const controller = new AbortController();
    const impatient = source.get(controller.signal);
    const patient = source.get();
    controller.abort();
    await assert.rejects(impatient, { kind: 'cancelled' });
    assert.ok(await patient);
    assert.equal(api.requestsTo('exchange').length, 1);
  });
});

describe('BearerTokenSource, refused or abandoned', () => {
  let api: FakeScalingoApi;
  let dispatcher: ReturnType<typeof createDispatcher>;
  let transport: HttpTransport;

  beforeEach(async () => {
    api = await FakeScalingoApi.start();
    dispatcher = createDispatcher();
    transport = new HttpTransport({ baseUrl: api.url, userAgent: 'tests', timeoutMs: 5000, dispatcher });
  });

  afterEach(async () => {
    await dispatcher.close();
    await api.close();
  });

  it('starts no exchange for a signal already aborted, and leaves no unhandled rejection', async () => {
    api.revokeApiToken(TEST_API_TOKEN);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const source = new BearerTokenSource(transport, TEST_API_TOKEN);
      await assert.rejects(source.get(AbortSignal.abort()), { kind: 'cancelled' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(api.requestsTo('exchange').length, 0);
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('after a 401 on the exchange, says so once and never sends the token again', async () => {
    api.revokeApiToken(TEST_API_TOKEN);
    let told = 0;
    const source = new BearerTokenSource(transport, TEST_API_TOKEN, Date.now, () => told++);
    await assert.rejects(source.get(), { kind: 'invalidToken' });
    await assert.rejects(source.get(), { kind: 'invalidToken' });
    assert.equal(api.requestsTo('exchange').length, 1);
    assert.equal(told, 1);
  });

  it('does not take "OTP Required" on the exchange for a refused token', async () => {
    api.inject('exchange', { status: 401, body: { error: 'OTP Required' }, times: 1 });
    let told = 0;
    const source = new BearerTokenSource(transport, TEST_API_TOKEN, Date.now, () => told++);
    await assert.rejects(source.get(), { kind: 'otpRequired' });
    assert.equal(told, 0);
    assert.ok(await source.get(), 'the token was given up after an OTP answer');
  });
});
