/**
 * One HTTP exchange with the Scalingo API over undici: timeout, cancellation, a size cap, and
 * network failures turned into `ScalingoError`s. It knows nothing of routes or bodies' meaning.
 */
import type { Dispatcher } from 'undici';
import undiciRequest from 'undici/lib/api/api-request';
import { cancelledError, ScalingoError } from './errors';
import type { RequestLimiter } from './requestLimiter';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  readonly method: HttpMethod;
  /** The path with ids filled in, without query string. */
  readonly path: string;
  /** The route pattern for logs and errors (`GET /v1/scm_integrations/:id`): never ids or queries. */
  readonly route: string;
  readonly query?: Readonly<Record<string, string | number>>;
  readonly body?: unknown;
  readonly authorization: string;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly requestId: string | undefined;
  readonly durationMs: number;
}

export interface TransportOptions {
  /** `https://auth.scalingo.com`, or a loopback fake in tests and the demo. */
  readonly baseUrl: string;
  readonly userAgent: string;
  readonly timeoutMs: number;
  readonly dispatcher: Dispatcher;
  /** Bodies larger than this are refused rather than buffered: a misbehaving proxy must not eat memory. */
  readonly maxBodyBytes?: number;
  /** Every request (token exchanges included) waits its turn here. */
  readonly limiter?: RequestLimiter;
}

const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export class HttpTransport {
  private readonly origin: string;
  private readonly basePath: string;

  constructor(private readonly options: TransportOptions) {
    const base = new URL(options.baseUrl);
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/$/, '');
  }

  send(request: HttpRequest): Promise<HttpResponse> {
    const limiter = this.options.limiter;
    return limiter ? limiter.run(() => this.sendNow(request), request.signal) : this.sendNow(request);
  }

  private async sendNow(request: HttpRequest): Promise<HttpResponse> {
    if (request.signal?.aborted) throw cancelledError(request.route);
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: request.authorization,
      'user-agent': this.options.userAgent,
    };
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    const started = performance.now();
    try {
      const response = await undiciRequest.call(this.options.dispatcher, {
        origin: this.origin,
        path: this.basePath + request.path + queryString(request.query),
        method: request.method,
        headers,
        body,
        signal,
      });
      const text = await readText(response.body, this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, request.route);
      return {
        status: response.statusCode,
        contentType: headerValue(response.headers['content-type']),
        text,
        requestId: headerValue(response.headers['x-request-id']) || undefined,
        durationMs: performance.now() - started,
      };
    } catch (error) {
      if (error instanceof ScalingoError) throw error;
      const durationMs = performance.now() - started;
      if (request.signal?.aborted) throw cancelledError(request.route);
      if (timeout.aborted) {
        throw new ScalingoError(
          'timeout',
          `Scalingo did not answer within ${Math.round(this.options.timeoutMs / 1000)} s.`,
          { route: request.route, durationMs },
          {},
          { cause: error },
        );
      }
      throw new ScalingoError(
        'network',
        `Could not reach ${this.origin}: ${networkReason(error)}.`,
        { route: request.route, durationMs },
        {},
        { cause: error },
      );
    }
  }
}

/** `+`, `:`, spaces and non-ASCII all round-trip: URLSearchParams encodes a space as `+`, which the API reads as the separator it is. */
function queryString(query: HttpRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) params.append(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readText(body: Dispatcher.ResponseData['body'], maxBytes: number, route: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      throw new ScalingoError('invalidResponse', 'Scalingo sent a response too large to read.', {
        route,
        serverMessage: `more than ${maxBytes} bytes`,
      });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function headerValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** A short reason from Node/undici's error codes; the full error stays in `cause` for the log. */
function networkReason(error: unknown): string {
  const code = (error as { code?: string; cause?: { code?: string } })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was closed before an answer arrived';
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'the connection timed out';
    case 'CERT_HAS_EXPIRED':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return 'its TLS certificate is not trusted';
    default:
      return code ? code : 'network error';
  }
}
