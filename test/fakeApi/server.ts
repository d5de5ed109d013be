/**
 * A fake Scalingo auth API: a real HTTP server on 127.0.0.1 with the routes, authentication and
 * error shapes of ../shared/api/README.md, in-memory state, a request log and fault injection.
 * Used by the unit suite, the integration suite (inside the extension host), the demo and the bench.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { BearerIssuer } from './bearer';
import { FaultBook, type Fault, type RouteName } from './faults';
import { ROUTES } from './routes';
import { seedDefault, seedDemo } from './seed';
import { FakeState } from './state';

export { faults } from './faults';
export type { Fault, RouteName } from './faults';

export interface FakeScalingoOptions {
  /** API tokens the exchange accepts; default `['tk-us-test-token']`. */
  readonly apiTokens?: readonly string[];
  /** Lifetime of issued bearers; default 3600 s. */
  readonly bearerLifetimeSeconds?: number;
  readonly seed?: 'empty' | 'default' | 'demo';
  /** Every seeded integration's `access_token`, so tests can check it never leaks. */
  readonly accessTokenCanary?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Serve https with this key and certificate (PEM) instead of http. */
  readonly tls?: { readonly key: string; readonly cert: string };
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly authorization: string | undefined;
  readonly body: unknown;
  readonly route: RouteName | undefined;
  status: number;
  readonly at: number;
}

export class FakeScalingoApi {
  readonly state = new FakeState();
  readonly requests: RecordedRequest[] = [];
  private readonly faults = new FaultBook();
  private readonly bearers: BearerIssuer;
  private readonly apiTokens: Set<string>;
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private address = '';

  private constructor(options: FakeScalingoOptions) {
    this.bearers = new BearerIssuer(options.bearerLifetimeSeconds ?? 3600);
    this.apiTokens = new Set(options.apiTokens ?? ['tk-us-test-token']);
  }

  static async start(options: FakeScalingoOptions = {}): Promise<FakeScalingoApi> {
    const api = new FakeScalingoApi(options);
    if (options.seed === 'default') seedDefault(api.state, options.accessTokenCanary);
    if (options.seed === 'demo') seedDemo(api.state, options.accessTokenCanary);
    await api.listen(options.port ?? 0, options.tls);
    return api;
  }

  get url(): string {
    return this.address;
  }

  requestsTo(route: RouteName): RecordedRequest[] {
    return this.requests.filter((request) => request.route === route);
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  inject(route: RouteName, fault: Fault): void {
    this.faults.inject(route, fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  revokeApiToken(token: string): void {
    this.apiTokens.delete(token);
  }

  /** Accepts a revoked token again, so one test's revocation does not outlive it. */
  restoreApiToken(token: string): void {
    this.apiTokens.add(token);
  }

  /** Every bearer issued so far now answers 401, as after its hour. */
  expireAllBearers(): void {
    this.bearers.expireAll();
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private listen(port: number, tls: FakeScalingoOptions['tls']): Promise<void> {
    const handler = (request: IncomingMessage, response: ServerResponse) => void this.handle(request, response);
    const server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler) : createServer(handler);
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server = server;
    return new Promise((resolve) => {
      server.listen(port, '127.0.0.1', () => {
        this.address = `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
        resolve();
      });
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams);
    const text = await readBody(request);
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const method = request.method ?? 'GET';
    const isExchange = method === 'POST' && url.pathname === '/v1/tokens/exchange';
    const match = isExchange ? undefined : findRoute(method, url.pathname);
    const route: RouteName | undefined = isExchange ? 'exchange' : match?.route.name;
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query,
      authorization: request.headers.authorization,
      body,
      route,
      status: 0,
      at: Date.now(),
    };
    this.requests.push(record);
    const send = (status: number, payload?: unknown, contentType = 'application/json; charset=utf-8') => {
      record.status = status;
      if (response.destroyed) return;
      const raw = payload === undefined ? '' : typeof payload === 'string' ? payload : JSON.stringify(payload);
      response.writeHead(status, { 'content-type': contentType, 'x-request-id': randomUUID() });
      response.end(raw);
    };

    const fault = route ? this.faults.take(route, { query, path: url.pathname }) : undefined;
    if (fault?.delayMs) await delay(fault.delayMs);
    if (fault?.drop) {
      record.status = -1;
      request.socket.destroy();
      return;
    }
    if (fault?.status !== undefined) {
      const faultBody = fault.body ?? '';
      send(fault.status, faultBody, fault.contentType ?? (typeof faultBody === 'string' ? 'text/plain' : undefined));
      return;
    }

    const answer = this.answer(request, isExchange, match, query, body);
    if (fault?.truncate && answer.body !== undefined) {
      const json = JSON.stringify(answer.body);
      send(answer.status, json.slice(0, Math.floor(json.length / 2)));
      return;
    }
    send(answer.status, answer.body);
  }

  private answer(
    request: IncomingMessage,
    isExchange: boolean,
    match: ReturnType<typeof findRoute>,
    query: Record<string, string>,
    body: unknown,
  ): { status: number; body?: unknown } {
    const authorization = request.headers.authorization ?? '';
    if (isExchange) {
      const apiToken = basicPassword(authorization);
      if (apiToken === undefined || !this.apiTokens.has(apiToken)) return { status: 401, body: { error: 'invalid credentials' } };
      return { status: 200, body: { token: this.bearers.issue(apiToken) } };
    }
    if (!match) return { status: 404, body: { error: 'not found' } };
    const bearer = /^Bearer (.+)$/u.exec(authorization)?.[1];
    const owner = bearer ? this.bearers.verify(bearer) : undefined;
    if (!owner || !this.apiTokens.has(owner)) return { status: 401, body: { error: 'You are not authorized to access this resource' } };
    return match.route.handle({ params: match.params, query, body }, this.state);
  }
}

function findRoute(method: string, path: string): { route: (typeof ROUTES)[number]; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match && route.method === method) {
      const params: Record<string, string> = match[1] ? { id: decodeURIComponent(match[1]) } : {};
      return { route, params };
    }
  }
  return undefined;
}

function basicPassword(authorization: string): string | undefined {
  const encoded = /^Basic (.+)$/u.exec(authorization)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  return decoded.startsWith(':') ? decoded.slice(1) : undefined;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(''));
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
