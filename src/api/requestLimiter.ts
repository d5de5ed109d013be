/**
 * Keeps the client inside Scalingo's limits before the server has to say so: a few requests at
 * once, and at most `perMinute` started in any sliding window. One limiter serves one user across
 * every Scalingo service (auth and the regional APIs), because the budget is per user.
 *
 * Requests run in lanes: each code host (integration) is a lane with its own small share of the
 * slots, so one host that hangs cannot hold them all; requests without a lane (the token exchange,
 * the integration list, who am I) always have slots kept for them.
 */
import { cancelledError } from './errors';

export interface RateLimit {
  /** Requests at once, all lanes together. */
  readonly maxInFlight: number;
  /** Scalingo allows 60 requests a minute per user. */
  readonly perMinute: number;
  /** The sliding window `perMinute` is counted over; a minute unless a test shortens it. */
  readonly windowMs?: number;
  /** Requests at once in one lane (one code host). */
  readonly maxInFlightPerLane?: number;
  /** Slots that lane requests never take: the exchange and the integration list always get through. */
  readonly reservedForUnlaned?: number;
}

/**
 * A window a second longer than Scalingo's minute: the server counts arrivals, which can bunch up
 * on the way (a slow first request, a fast last one), so starts a minute apart could land inside one.
 */
export const SCALINGO_RATE_LIMIT: RateLimit = {
  maxInFlight: 6,
  perMinute: 60,
  windowMs: 61_000,
  maxInFlightPerLane: 2,
  reservedForUnlaned: 2,
};

const DEFAULT_WINDOW_MS = 60_000;
/** A hold shorter than this is not worth a word to the person waiting. */
const TOLD_WAIT_MS = 1000;

interface Waiter {
  readonly lane: string | undefined;
  readonly wake: () => void;
}

export class RequestLimiter {
  private inFlight = 0;
  private laneInFlight = 0;
  private readonly perLane = new Map<string, number>();
  private readonly started: number[] = [];
  private readonly queue: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Set when the server said 429: nothing starts before this time. */
  private pausedUntil = 0;
  /** The end of the budget wait last told, so that one wait is told once. */
  private toldWaitUntil = 0;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
    /** Told when requests wait a second or more because this minute's budget is spent (not for a 429's pause). */
    private readonly onBudgetWait: (waitMs: number) => void = () => undefined,
  ) {}

  private get windowMs(): number {
    return this.limit.windowMs ?? DEFAULT_WINDOW_MS;
  }

  /** Runs `work` when there is room; `lane` names the code host it is for (none: Scalingo's own routes). */
  async run<T>(work: () => Promise<T>, signal?: AbortSignal, lane?: string): Promise<T> {
    await this.acquire(signal, lane);
    try {
      return await work();
    } finally {
      this.release(lane);
      this.drain();
    }
  }

  /**
   * The server refused for the rate limit: hold every request until `delayMs` from now. Returns
   * how long that is, or undefined when a pause already held them as long (concurrent callers of
   * one refused exchange all report it: the wait is told once).
   */
  pause(delayMs: number): number | undefined {
    const now = this.now();
    const extended = now + delayMs > this.pausedUntil;
    if (extended) this.pausedUntil = now + delayMs;
    this.drain();
    return extended ? this.pausedUntil - now : undefined;
  }

  /** Requests allowed in a window. */
  get perMinute(): number {
    return this.limit.perMinute;
  }

  /** The whole budget window: how long to wait after a 429 that names no delay. */
  get window(): number {
    return this.windowMs;
  }

  private acquire(signal: AbortSignal | undefined, lane: string | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelledError());
    if (!this.queue.some((waiter) => this.blocks(waiter, lane)) && this.hasRoom(lane)) {
      this.take(lane);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        lane,
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          this.take(lane);
          resolve();
        },
      };
      const onAbort = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(cancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.drain();
    });
  }

  /** An earlier waiter goes first unless its own lane is what holds it back. */
  private blocks(waiter: Waiter, lane: string | undefined): boolean {
    return waiter.lane === lane || this.hasRoom(waiter.lane);
  }

  private hasRoom(lane: string | undefined, now = this.now()): boolean {
    this.forgetOldStarts(now);
    if (now < this.pausedUntil) return false;
    if (this.inFlight >= this.limit.maxInFlight || this.started.length >= this.limit.perMinute) return false;
    if (lane === undefined) return true;
    const laneSlots = this.limit.maxInFlight - (this.limit.reservedForUnlaned ?? 0);
    return this.laneInFlight < laneSlots && (this.perLane.get(lane) ?? 0) < (this.limit.maxInFlightPerLane ?? this.limit.maxInFlight);
  }

  private take(lane: string | undefined): void {
    this.inFlight++;
    this.started.push(this.now());
    if (lane === undefined) return;
    this.laneInFlight++;
    this.perLane.set(lane, (this.perLane.get(lane) ?? 0) + 1);
  }

  private release(lane: string | undefined): void {
    this.inFlight--;
    if (lane === undefined) return;
    this.laneInFlight--;
    const left = (this.perLane.get(lane) ?? 1) - 1;
    if (left > 0) this.perLane.set(lane, left);
    else this.perLane.delete(lane);
  }

  /** Wakes, in order, every waiter that has room; when time is what holds them, wakes up then. */
  private drain(): void {
    // One reading of the clock for the room checks and the wake-up: with two, a tick between them
    // could find no room yet and no wake-up to set either, and the queue would wait for ever.
    const now = this.now();
    for (let index = 0; index < this.queue.length; ) {
      const waiter = this.queue[index]!;
      if (this.hasRoom(waiter.lane, now)) {
        this.queue.splice(index, 1);
        waiter.wake();
      } else {
        index++;
      }
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const windowFrees = this.started.length >= this.limit.perMinute ? this.started[0]! + this.windowMs : now;
    const wakeAt = Math.max(windowFrees, this.pausedUntil);
    if (wakeAt > now) {
      this.timer = setTimeout(() => this.drain(), Math.max(1, wakeAt - now));
      // An idle extension host must not be kept alive by a queue nobody waits on any more.
      this.timer.unref();
      if (windowFrees >= this.pausedUntil && wakeAt - now >= TOLD_WAIT_MS && wakeAt !== this.toldWaitUntil) {
        this.toldWaitUntil = wakeAt;
        try {
          this.onBudgetWait(wakeAt - now);
        } catch {
          // Telling is best effort; the queue must go on whatever a listener does.
        }
      }
    }
  }

  private forgetOldStarts(now: number): void {
    const horizon = now - this.windowMs;
    while (this.started.length > 0 && this.started[0]! <= horizon) this.started.shift();
  }
}
