/**
 * What a handler answers, as a value: handlers stay pure and the server alone writes to the socket,
 * which is where faults can still delay, cut or replace the answer.
 */
import type { ServerResponse } from 'node:http';

export interface Reply {
  readonly status: number;
  /** An object is sent as JSON, a string as is; absent = empty body. */
  readonly body?: string | object;
  /** Defaults to JSON for an object body and plain text for a string. */
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function jsonReply(status: number, body: object): Reply {
  return { status, body };
}

/** The `{"error": "..."}` shape every Scalingo API uses outside validation and not-found. */
export function errorReply(status: number, message: string, headers?: Record<string, string>): Reply {
  return { status, body: { error: message }, ...(headers ? { headers } : {}) };
}

/** An unknown id: the API names the resource it looked for. */
export function resourceNotFound(resource: string): Reply {
  return { status: 404, body: { resource, error: 'not found' } };
}

export function validationFailed(errors: Record<string, string[]>): Reply {
  return { status: 422, body: { errors } };
}

export function noContent(): Reply {
  return { status: 204 };
}

/**
 * Writes `reply`. `truncate` sends the first half of the body and then ends the response cleanly
 * (chunked, no Content-Length), so the client receives a 200 whose JSON stops mid-way: the case
 * of a proxy cutting a body, which must fail as a bad answer and not hang.
 */
export function writeReply(response: ServerResponse, reply: Reply, options: { truncate?: boolean } = {}): void {
  const { bytes, contentType } = encodeBody(reply);
  for (const [name, value] of Object.entries(reply.headers ?? {})) response.setHeader(name, value);
  if (contentType !== undefined) response.setHeader('content-type', contentType);
  if (options.truncate) {
    response.writeHead(reply.status);
    response.end(bytes.subarray(0, Math.floor(bytes.length / 2)));
    return;
  }
  response.setHeader('content-length', bytes.length);
  response.writeHead(reply.status);
  response.end(bytes);
}

function encodeBody(reply: Reply): { bytes: Buffer; contentType: string | undefined } {
  if (reply.body === undefined) return { bytes: Buffer.alloc(0), contentType: reply.contentType };
  if (typeof reply.body === 'string') {
    return { bytes: Buffer.from(reply.body), contentType: reply.contentType ?? 'text/plain; charset=utf-8' };
  }
  return { bytes: Buffer.from(JSON.stringify(reply.body)), contentType: reply.contentType ?? JSON_CONTENT_TYPE };
}
