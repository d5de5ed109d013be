/**
 * A fake Scalingo auth service on a real loopback HTTP server: the routes, authentication and
 * error shapes of /work/shared/api/README.md, with state, a request log and fault injection that
 * tests control. Unit tests, integration tests (inside the extension host), the demo and the
 * benchmarks all talk to it through real sockets, so the client code under test is the shipped one.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { exchange, refuseUnlessBearer } from './authentication';
import { BearerIssuer } from './bearer';
import { FaultPlan, faultReply, type Fault } from './faults';
import { handlers, type SearchReposPagination } from './handlers';
import { DEFAULT_REFUSED_ACCESS_TOKEN_PREFIXES } from './linkValidation';
import { errorReply, jsonReply, writeReply, type Reply } from './reply';
import { RequestLog, type RecordedRequest } from './requestLog';
import { FakeRateLimit, type FakeRateLimitOptions } from './rateLimit';
import { matchRoute, type RouteMatch, type RouteName } from './routes';
import { resolveSeed, type SeedOption } from './seed';
import { FakeScalingoState } from './state';
import { regionalHandlers } from './regional/handlers';
import { matchRegionalRoute, type RegionalRouteMatch } from './regional/routes';

// The types of this class's signatures, so a test imports everything it needs from this file.
export { faults } from './faults';
export type { Fault, FaultRequest } from './faults';
export type { RecordedRequest } from './requestLog';
export type { RouteName } from './routes';
export type { SearchReposPagination } from './handlers';
export type { FakeSeed, SeedOption } from './seed';
export type { FakeRateLimitOptions } from './rateLimit';

/** Which service a request reached: the auth service, or one region's API. */
type Service = { readonly kind: 'auth' } | { readonly kind: 'region'; readonly name: string };

export interface FakeScalingoOptions {
  /** API tokens the exchange accepts; default `['tk-us-test-token']`. */
  readonly apiTokens?: readonly string[];
  /** Lifetime of issued bearers; default 3600, like the real service. */
  readonly bearerLifetimeSeconds?: number;
  /** Default 'default' (small and deterministic); see seed.ts. */
  readonly seed?: SeedOption;
  /** When set, every seeded integration's `access_token` is this value (leak detection). */
  readonly accessTokenCanary?: string;
  /** Access tokens the fake code host refuses on link; default `['glpat-group', 'bad']`. */
  readonly refusedAccessTokenPrefixes?: readonly string[];
  /**
   * search_repos with an empty `query`: the reference documents `query` as the search and says
   * nothing of an empty one, so the fake can do both: 'accept' (default: every repository, as the
   * fake always did) or 'refuse' (422 `query can't be blank`).
   */
  readonly emptySearchQuery?: 'accept' | 'refuse';
  /** Whether search_repos pages with meta.pagination (default) or not at all; tests can change it on `behaviour`. */
  readonly searchReposPagination?: SearchReposPagination;
  /** Default 0: a free port. */
  readonly port?: number;
  /** Serve https with this PEM key and certificate (certificate and proxy tests); `url` says https. */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** Milliseconds since the epoch; a test moves it forward to expire bearers without waiting. */
  readonly clock?: () => number;
  /** Enforce Scalingo's per-user rate limit (answering 429 itself); default: no limit. */
  readonly rateLimit?: FakeRateLimitOptions;
  /** Called once per request when its outcome is known (the CLI prints a line per request). */
  readonly onRequest?: (request: RecordedRequest) => void;
  /** How long each deployment status lasts (queued, building, pushing, starting); default 1000 ms. */
  readonly deploymentStepMs?: number;
}

export const DEFAULT_API_TOKEN = 'tk-us-test-token';

export class FakeScalingoApi {
  /** Read and change it to arrange a scenario or check what a request did. */
  readonly state: FakeScalingoState;
  /** The first accepted API token, for tests and the demo to sign in with. */
  readonly apiToken: string;
  /** How the server answers where the API's behaviour is undocumented; a test may switch it. */
  readonly behaviour: { searchReposPagination: SearchReposPagination };

  private readonly bearers: BearerIssuer;
  private readonly faultPlan = new FaultPlan();
  private readonly log = new RequestLog();
  private rateLimit: FakeRateLimit | undefined;
  /** Aborted by close(): pending delays end instead of keeping the process alive. */
  private readonly lifetime = new AbortController();
  private closing: Promise<void> | undefined;
  private readonly clock = (): number => (this.options.clock ?? Date.now)();

  /** Each seeded region's own server and its base URL, announced by `GET /v1/regions`. */
  private readonly regionServers: { readonly name: string; readonly server: Server; readonly url: string }[] = [];

  private constructor(
    private readonly server: Server,
    /** `http://127.0.0.1:<port>` (https with the `tls` option), without a trailing slash. */
    readonly url: string,
    private readonly options: FakeScalingoOptions,
  ) {
    const apiTokens = options.apiTokens ?? [DEFAULT_API_TOKEN];
    this.apiToken = apiTokens[0] ?? DEFAULT_API_TOKEN;
    this.behaviour = { searchReposPagination: options.searchReposPagination ?? 'meta' };
    this.state = new FakeScalingoState(resolveSeed(options.seed ?? 'default', options.accessTokenCanary), this.clock, options.deploymentStepMs ?? 1000);
    this.rateLimit = options.rateLimit && new FakeRateLimit(options.rateLimit);
    this.bearers = new BearerIssuer(apiTokens, options.bearerLifetimeSeconds ?? 3600, this.state.user.id, this.clock);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => void this.handle(request, response, { kind: 'auth' }));
  }

  static async start(options: FakeScalingoOptions = {}): Promise<FakeScalingoApi> {
    const { server, url } = await listen(options, options.port ?? 0);
    const api = new FakeScalingoApi(server, url, options);
    for (const region of api.state.regional.regions) {
      const regional = await listen(options, 0);
      regional.server.on('request', (request: IncomingMessage, response: ServerResponse) =>
        void api.handle(request, response, { kind: 'region', name: region.name }),
      );
      api.regionServers.push({ name: region.name, ...regional });
    }
    return api;
  }

  /** The base URL of a region's API, as `GET /v1/regions` announces it. */
  regionUrl(name: string): string {
    const found = this.regionServers.find((region) => region.name === name);
    if (!found) throw new Error(`The fake API has no region ${name}.`);
    return found.url;
  }

  get requests(): readonly RecordedRequest[] {
    return this.log.all;
  }

  requestsTo(route: RouteName): RecordedRequest[] {
    return this.log.to(route);
  }

  clearRequests(): void {
    this.log.clear();
  }

  /** Bearers issued since start (clearRequests does not reset it). */
  get exchangeCount(): number {
    return this.bearers.exchangeCount;
  }

  /** The exchange now refuses this API token, and the bearers issued for it stop working. */
  revokeApiToken(token: string): void {
    this.bearers.revokeApiToken(token);
  }

  /** Accepts a revoked token again, so one test's revocation does not outlive it. */
  restoreApiToken(token: string): void {
    this.bearers.restoreApiToken(token);
  }

  /** Every bearer issued so far now gets a 401, as after its `exp`; a new exchange works. */
  expireAllBearers(): void {
    this.bearers.expireAll();
  }

  /** Starts (or, with undefined, stops) enforcing the rate limit, from a fresh window. */
  enforceRateLimit(options: FakeRateLimitOptions | undefined): void {
    this.rateLimit = options && new FakeRateLimit(options);
  }

  inject(route: RouteName, fault: Fault): void {
    this.faultPlan.inject(route, fault);
  }

  clearFaults(): void {
    this.faultPlan.clear();
  }

  private regionsJson() {
    return this.state.regional.regions.map((region) => ({
      name: region.name,
      display_name: region.display_name,
      api: this.regionUrl(region.name),
      dashboard: region.dashboard,
      database_api: `${this.regionUrl(region.name)}/db`,
      ssh: `ssh.${region.name}.scalingo.test:22`,
      default: region.default,
    }));
  }

  /** Stops listening and closes every connection, keep-alive ones included, so mocha can exit. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve, reject) => {
      this.lifetime.abort();
      const servers = [this.server, ...this.regionServers.map((region) => region.server)];
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((closed, failed) => {
              server.close((error) => (error ? failed(error) : closed()));
              server.closeAllConnections();
            }),
        ),
      ).then(() => resolve(), reject);
    });
    return this.closing;
  }

  private async handle(request: IncomingMessage, response: ServerResponse, service: Service): Promise<void> {
    response.setHeader('x-request-id', randomUUID());
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const match: RouteMatch | RegionalRouteMatch =
      service.kind === 'auth' ? matchRoute(method, url.pathname) : matchRegionalRoute(method, url.pathname);
    let rawBody: string;
    try {
      rawBody = await readBody(request);
    } catch {
      return; // The client went away while sending its body: nothing to answer.
    }
    const body = parseJson(rawBody);
    const entry: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: request.headers.authorization,
      body: body.ok ? body.value : rawBody,
      region: service.kind === 'region' ? service.name : undefined,
      route: match.kind === 'route' ? match.route : undefined,
      status: 0,
      at: this.clock(),
    };
    this.log.record(entry);
    try {
      const limited = this.rateLimit?.admit(this.clock());
      if (limited) {
        writeReply(response, limited);
        entry.status = limited.status;
        return;
      }
      const fault = entry.route === undefined ? undefined : this.faultPlan.take(entry.route, entry);
      if (fault?.delayMs !== undefined && !(await this.waitUnlessAbandoned(fault.delayMs, response))) return;
      if (fault?.drop) {
        request.socket.destroy();
        return;
      }
      const reply = (fault?.echoRequestHeaders ? echoHeadersReply(fault.status ?? 502, request, /json/u.test(fault.contentType ?? '')) : undefined) ??
        (fault && faultReply(fault)) ??
        this.routeReply(match, entry, body.ok, service);
      if (response.destroyed) return;
      writeReply(response, reply, { truncate: fault?.truncate ?? false });
      entry.status = reply.status;
    } catch (error) {
      // A bug of the fake: say so in the answer rather than leave the client hanging.
      if (!response.headersSent && !response.destroyed) {
        const reply = errorReply(500, `fake API bug: ${error instanceof Error ? error.message : String(error)}`);
        writeReply(response, reply);
        entry.status = reply.status;
      }
    } finally {
      this.options.onRequest?.(entry);
    }
  }

  /** false when the client went away or the server closed during the wait: nobody to answer. */
  private async waitUnlessAbandoned(delayMs: number, response: ServerResponse): Promise<boolean> {
    const clientGone = new AbortController();
    const onClose = (): void => clientGone.abort();
    response.once('close', onClose);
    try {
      await sleep(delayMs, undefined, { signal: AbortSignal.any([this.lifetime.signal, clientGone.signal]) });
      return true;
    } catch {
      return false;
    } finally {
      response.off('close', onClose);
    }
  }

  /** Unknown path, wrong method, malformed body, missing bearer, then the route itself. */
  private routeReply(match: RouteMatch | RegionalRouteMatch, entry: RecordedRequest, bodyIsJson: boolean, service: Service): Reply {
    if (match.kind === 'notFound') return errorReply(404, 'not found');
    if (match.kind === 'methodNotAllowed') {
      return errorReply(405, 'method not allowed', { allow: match.allowed.join(', ') });
    }
    if (!bodyIsJson) return errorReply(400, 'malformed JSON body');
    if (match.route === 'exchange') return exchange(entry.authorization, this.bearers);
    const refusal = refuseUnlessBearer(entry.authorization, this.bearers);
    if (refusal) return refusal;
    const now = new Date(this.clock()).toISOString();
    if ('params' in match) {
      const region = service.kind === 'region' ? this.state.regional.region(service.name) : undefined;
      if (!region) return errorReply(404, 'not found');
      return regionalHandlers[match.route]({ state: this.state, region, params: match.params, query: entry.query, body: entry.body, now });
    }
    if (match.route === 'regions') return jsonReply(200, { regions: this.regionsJson() });
    return handlers[match.route]({
      state: this.state,
      integrationId: match.integrationId,
      query: entry.query,
      body: entry.body,
      now: new Date(this.clock()).toISOString(),
      refusedAccessTokenPrefixes: this.options.refusedAccessTokenPrefixes ?? DEFAULT_REFUSED_ACCESS_TOKEN_PREFIXES,
      emptySearchQuery: this.options.emptySearchQuery ?? 'accept',
      searchReposPagination: this.behaviour.searchReposPagination,
    });
  }
}

/** A proxy's error page that prints what it received, request headers and all (or the same as a JSON error). */
function echoHeadersReply(status: number, request: IncomingMessage, json: boolean): Reply {
  const lines = Object.entries(request.headers).map(([name, value]) => `${name}: ${String(value)}`);
  if (json) return { status, body: { error: `rejected ${request.method} ${request.url} with ${lines.join('; ')}` } };
  return {
    status,
    body: `<html><body><h1>${status} Bad Gateway</h1><pre>${request.method} ${request.url}\n${lines.join('\n')}</pre></body></html>`,
    contentType: 'text/html',
  };
}

/** Listens on a free loopback port (or `port`), https when the options carry a certificate. */
async function listen(options: FakeScalingoOptions, port: number): Promise<{ server: Server; url: string }> {
  const server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }) : createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  return { server, url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${bound}` };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** An empty body counts as JSON (undefined): GET and DELETE carry none. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
