/**
 * Keeps the client inside Scalingo's limits before the server has to say so: at most
 * `maxInFlight` requests at once and `perMinute` started in any sliding minute. Expanding twenty
 * nodes at once then queues politely instead of causing a storm of 429s.
 */
import { cancelledError } from './errors';

export interface RateLimit {
  readonly maxInFlight: number;
  /** Scalingo allows 60 requests a minute per user. */
  readonly perMinute: number;
}

export const SCALINGO_RATE_LIMIT: RateLimit = { maxInFlight: 4, perMinute: 60 };

const WINDOW_MS = 60_000;

interface Waiter {
  readonly wake: () => void;
}

export class RequestLimiter {
  private inFlight = 0;
  private readonly started: number[] = [];
  private readonly queue: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await work();
    } finally {
      this.inFlight--;
      this.drain();
    }
  }

  private acquire(signal: AbortSignal | undefined): Promise<void> {
    if (this.queue.length === 0 && this.hasRoom()) {
      this.take();
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          this.take();
          resolve();
        },
      };
      const onAbort = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(cancelledError());
      };
      if (signal?.aborted) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.drain();
    });
  }

  private hasRoom(): boolean {
    this.forgetOldStarts();
    return this.inFlight < this.limit.maxInFlight && this.started.length < this.limit.perMinute;
  }

  private take(): void {
    this.inFlight++;
    this.started.push(this.now());
  }

  /** Wakes waiters while there is room; when only the minute is full, wakes up when it frees. */
  private drain(): void {
    while (this.queue.length > 0 && this.hasRoom()) this.queue.shift()!.wake();
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length > 0 && this.inFlight < this.limit.maxInFlight && this.started.length > 0) {
      const wait = Math.max(1, this.started[0]! + WINDOW_MS - this.now());
      this.timer = setTimeout(() => this.drain(), wait);
      // An idle extension host must not be kept alive by a queue nobody waits on any more.
      this.timer.unref();
    }
  }

  private forgetOldStarts(): void {
    const horizon = this.now() - WINDOW_MS;
    while (this.started.length > 0 && this.started[0]! <= horizon) this.started.shift();
  }
}
