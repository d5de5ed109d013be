import { ScalingoClient, type ScalingoClientOptions } from '../../../src/api/client';
import { createDispatcher } from '../../../src/api/dispatcher';
import { SCALINGO_RATE_LIMIT } from '../../../src/api/requestLimiter';
import type { FakeScalingoApi } from '../../fakeApi/server';

export const TEST_API_TOKEN = 'tk-us-test-token';

/**
 * A client pointed at the fake API, with retries fast enough for tests (a 429 waits a 50 ms
 * "minute"); closes its pool on `close`.
 */
export function clientFor(
  api: FakeScalingoApi,
  overrides: Partial<ScalingoClientOptions> = {},
): ScalingoClient & { close(): Promise<void> } {
  const dispatcher = createDispatcher();
  const client = new ScalingoClient({
    baseUrl: api.url,
    apiToken: TEST_API_TOKEN,
    userAgent: 'scalingo-scm-tests/1.0',
    dispatcher,
    retryPolicy: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20 },
    rateLimit: { ...SCALINGO_RATE_LIMIT, windowMs: 50 },
    ...overrides,
  });
  return Object.assign(client, { close: () => dispatcher.close() });
}
