/** Per-route fault injection: what a test makes the fake API do instead of answering normally. */
export type RouteName =
  | 'exchange'
  | 'self'
  | 'keys'
  | 'list'
  | 'show'
  | 'link'
  | 'unlink'
  | 'importKeys'
  | 'searchRepos'
  | 'orgs'
  | 'searchPullRequests'
  | 'branches';

export interface Fault {
  /** Answer with this status (and `body`) instead of the normal answer. */
  readonly status?: number;
  /** A string is sent as is; anything else as JSON. */
  readonly body?: string | object;
  readonly contentType?: string;
  /** Wait this long before answering (normally, or with the fault). */
  readonly delayMs?: number;
  /** Destroy the connection without answering. */
  readonly drop?: boolean;
  /** Send the normal JSON answer cut in half. */
  readonly truncate?: boolean;
  /** Only this many requests are affected; every one when absent. */
  readonly times?: number;
  /** Only requests this accepts are affected. */
  readonly match?: (request: { readonly query: Record<string, string>; readonly path: string }) => boolean;
}

/** Ready-made faults the API really produces. */
export const faults = {
  rateLimited: (): Fault => ({ status: 429, body: 'Retry later', contentType: 'text/plain' }),
  htmlBadGateway: (): Fault => ({
    status: 502,
    body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
    contentType: 'text/html',
  }),
  serverErrorWithoutBody: (): Fault => ({ status: 500, body: '' }),
};

export class FaultBook {
  private entries: { route: RouteName; fault: Fault; remaining: number }[] = [];

  inject(route: RouteName, fault: Fault): void {
    this.entries.push({ route, fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.entries = [];
  }

  /** The first fault for this request, consuming one of its `times`. */
  take(route: RouteName, request: { query: Record<string, string>; path: string }): Fault | undefined {
    const entry = this.entries.find((candidate) => candidate.route === route && candidate.remaining > 0 && (candidate.fault.match?.(request) ?? true));
    if (!entry) return undefined;
    entry.remaining--;
    return entry.fault;
  }
}
