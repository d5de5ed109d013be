/**
 * Scalingo's rate limit, enforced by the fake itself: at most `perWindow` requests per user in
 * any sliding window, the rest answered `429 Retry later` (plain text, as documented). Whether the
 * real service sends `Retry-After` is not documented, so the fake can do both.
 */
import type { Reply } from './reply';

export interface FakeRateLimitOptions {
  /** Requests accepted in any window; Scalingo's is 60. */
  readonly perWindow: number;
  /** Scalingo's window is a minute; tests shorten it so that they do not take minutes. */
  readonly windowMs: number;
  /** Send `Retry-After` (whole seconds until the window has room); default: no header, as documented. */
  readonly retryAfter?: boolean;
}

export class FakeRateLimit {
  /** Arrival times of every request, refused ones included: a client that hammers is not let off. */
  private readonly arrivals: number[] = [];

  constructor(private readonly options: FakeRateLimitOptions) {}

  /** undefined when the request may go on; the 429 to send otherwise. */
  admit(now: number): Reply | undefined {
    const horizon = now - this.options.windowMs;
    while (this.arrivals.length > 0 && this.arrivals[0]! <= horizon) this.arrivals.shift();
    const accepted = this.arrivals.length < this.options.perWindow;
    const oldest = this.arrivals[0] ?? now;
    this.arrivals.push(now);
    if (accepted) return undefined;
    const seconds = Math.max(1, Math.ceil((oldest + this.options.windowMs - now) / 1000));
    return {
      status: 429,
      body: 'Retry later',
      contentType: 'text/plain; charset=utf-8',
      ...(this.options.retryAfter ? { headers: { 'retry-after': String(seconds) } } : {}),
    };
  }
}
