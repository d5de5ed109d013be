import * as assert from 'node:assert/strict';
import { RequestLimiter } from '../../../src/api/requestLimiter';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('RequestLimiter', () => {
  it('runs at most maxInFlight at once, the rest in order as slots free', async () => {
    const limiter = new RequestLimiter({ maxInFlight: 2, perMinute: 100 });
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, index) =>
      limiter.run(async () => {
        started.push(index);
        await gate.promise;
      }),
    );
    await tick();
    assert.deepEqual(started, [0, 1]);
    gates[1]!.resolve();
    await tick();
    assert.deepEqual(started, [0, 1, 2]);
    gates[0]!.resolve();
    gates[2]!.resolve();
    gates[3]!.resolve();
    await Promise.all(runs);
    assert.deepEqual(started, [0, 1, 2, 3]);
  });

  it('holds requests past the per-minute budget until the oldest is a minute old', async () => {
    let clock = 1_000_000;
    const limiter = new RequestLimiter({ maxInFlight: 10, perMinute: 3 }, () => clock);
    const started: number[] = [];
    const runs = [0, 1, 2, 3].map((index) => limiter.run(async () => void started.push(index)));
    await tick();
    assert.deepEqual(started, [0, 1, 2]);
    clock += 60_001;
    // The limiter's own timer would fire after a real minute; a finishing request also re-checks.
    await limiter.run(async () => undefined);
    await Promise.all(runs);
    assert.deepEqual(started, [0, 1, 2, 3]);
  });

  it('lets a queued request be cancelled without taking a slot', async () => {
    const limiter = new RequestLimiter({ maxInFlight: 1, perMinute: 100 });
    const gate = deferred();
    const first = limiter.run(() => gate.promise);
    const controller = new AbortController();
    const queued = limiter.run(async () => assert.fail('a cancelled request ran'), controller.signal);
    controller.abort();
    await assert.rejects(queued, { kind: 'cancelled' });
    gate.resolve();
    await first;
    assert.equal(await limiter.run(async () => 'ran'), 'ran');
  });
});
