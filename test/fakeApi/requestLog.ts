/**
 * Every request the fake received, in arrival order, so a test asserts what the client sent
 * (headers, encoding, how many exchanges, retries, cancellations) and not only what it displayed.
 */
import type { RouteName } from './routes';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  /** Decoded query parameters (URLSearchParams semantics: `+` and `%20` are spaces). */
  readonly query: Readonly<Record<string, string>>;
  readonly authorization: string | undefined;
  /** Parsed JSON, the raw text when it is not JSON, undefined when empty. */
  readonly body: unknown;
  /** The region whose server received it; undefined for the auth service. */
  readonly region: string | undefined;
  /** undefined when no route matched (the 404 and 405 answers). */
  readonly route: RouteName | undefined;
  /** 0 while pending, and for good when no answer was sent (dropped, or the client went away). */
  status: number;
  /** Server clock (ms) when the request arrived. */
  readonly at: number;
}

export class RequestLog {
  private readonly entries: RecordedRequest[] = [];

  get all(): readonly RecordedRequest[] {
    return this.entries;
  }

  record(request: RecordedRequest): void {
    this.entries.push(request);
  }

  to(route: RouteName): RecordedRequest[] {
    return this.entries.filter((request) => request.route === route);
  }

  /** Empties the same array, so a reference taken earlier (the bench holds one) stays live. */
  clear(): void {
    this.entries.length = 0;
  }
}
