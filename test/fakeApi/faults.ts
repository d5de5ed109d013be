/**
 * Fault injection: make a route answer what the real service (or a proxy in front of it) sends
 * on a bad day, so the client's error paths run for real over HTTP.
 */
import { STATUS_CODES } from 'node:http';
import type { Reply } from './reply';
import type { RouteName } from './routes';

export interface FaultRequest {
  readonly query: Readonly<Record<string, string>>;
  readonly path: string;
  /** The region whose server received it; undefined for the auth service. */
  readonly region: string | undefined;
}

export interface Fault {
  /** Answer this status instead of the route's; with no body, `{"error": "<reason phrase>"}`. */
  readonly status?: number;
  /** Answer this body instead of the route's; alone, it comes with a 200 (a malformed success). */
  readonly body?: string | object;
  readonly contentType?: string;
  /** Wait before answering; alone, the route's normal answer comes late. */
  readonly delayMs?: number;
  /** Destroy the socket without answering. */
  readonly drop?: boolean;
  /** Send the answer's first half only, as a 200-looking response whose JSON stops mid-way. */
  readonly truncate?: boolean;
  /** How many matching requests it affects; default: all of them until clearFaults(). */
  readonly times?: number;
  /** Only requests for which this returns true are affected (and counted). */
  readonly match?: (request: FaultRequest) => boolean;
}

interface ArmedFault {
  readonly route: RouteName;
  readonly fault: Fault;
  remaining: number;
}

/** The faults in force, first injected first served. */
export class FaultPlan {
  private armed: ArmedFault[] = [];

  inject(route: RouteName, fault: Fault): void {
    this.armed.push({ route, fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.armed = [];
  }

  /** The fault that applies to this request, if any, counting it against its `times`. */
  take(route: RouteName, request: FaultRequest): Fault | undefined {
    const found = this.armed.find(
      (candidate) => candidate.route === route && (candidate.fault.match?.(request) ?? true),
    );
    if (!found) return undefined;
    found.remaining -= 1;
    if (found.remaining <= 0) this.armed = this.armed.filter((candidate) => candidate !== found);
    return found.fault;
  }
}

/** The answer a fault replaces the route's with, or undefined when the route still answers. */
export function faultReply(fault: Fault): Reply | undefined {
  if (fault.status === undefined && fault.body === undefined) return undefined;
  const status = fault.status ?? 200;
  return {
    status,
    body: fault.body ?? { error: STATUS_CODES[status] ?? 'error' },
    ...(fault.contentType === undefined ? {} : { contentType: fault.contentType }),
  };
}

/** Ready-made faults, from the README's error table; `extra` adds `times`, `match`, `delayMs`… */
export const faults = {
  /** The API's rate limit: plain text, no JSON, no Retry-After. */
  rateLimited: (extra: Partial<Fault> = {}): Fault => ({
    status: 429,
    body: 'Retry later',
    contentType: 'text/plain; charset=utf-8',
    ...extra,
  }),
  /** What a proxy in front of the API sends when the service is down: an HTML page. */
  htmlBadGateway: (extra: Partial<Fault> = {}): Fault => ({
    status: 502,
    body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
    contentType: 'text/html',
    ...extra,
  }),
  serverError: (extra: Partial<Fault> = {}): Fault => ({ status: 500, body: { error: 'Internal Server Error' }, ...extra }),
  /** A 500 with nothing to read: the link failure users complain about. */
  serverErrorWithoutBody: (extra: Partial<Fault> = {}): Fault => ({ status: 500, body: '', ...extra }),
  serviceUnavailable: (extra: Partial<Fault> = {}): Fault => ({
    status: 503,
    body: { error: 'The SCM platform is unreachable' },
    ...extra,
  }),
  /** Accounts with two-factor authentication on some routes. */
  otpRequired: (extra: Partial<Fault> = {}): Fault => ({ status: 401, body: { error: 'OTP Required' }, ...extra }),
  paymentRequired: (extra: Partial<Fault> = {}): Fault => ({
    status: 402,
    body: { error: 'Your free trial has ended, please fill your billing information' },
    ...extra,
  }),
  slow: (delayMs: number, extra: Partial<Fault> = {}): Fault => ({ delayMs, ...extra }),
  dropConnection: (extra: Partial<Fault> = {}): Fault => ({ drop: true, ...extra }),
  truncatedBody: (extra: Partial<Fault> = {}): Fault => ({ truncate: true, ...extra }),
};
