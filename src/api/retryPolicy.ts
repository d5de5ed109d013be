/**
 * When a failed GET is worth repeating, and how long to wait first. Only idempotent reads are
 * retried: a POST or DELETE that timed out may have happened, and repeating it blindly could link
 * twice or report a false "not found".
 */
import { cancelledError, type ScalingoError } from './errors';

export interface RetryPolicy {
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, baseDelayMs: 400, maxDelayMs: 4000 };

/** 429 is handled apart: it waits for the limit's window, not a short backoff. */
const RETRIED_STATUSES = new Set([502, 503, 504]);

export function isRetryable(error: ScalingoError): boolean {
  if (error.kind === 'network') return true;
  return error.details.status !== undefined && RETRIED_STATUSES.has(error.details.status);
}

/** Exponential backoff with full jitter, so many clients do not come back in step. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
