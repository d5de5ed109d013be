/**
 * The Scalingo SCM Integrations API: every route the extension uses, each answer validated.
 * Plain Node: this module never imports `vscode`, so tests, the demo and benchmarks use it as is.
 */
import type { Dispatcher } from 'undici';
import type * as z from 'zod';
import { abortable, BearerTokenSource } from './bearerToken';
import { ScalingoError } from './errors';
import { pullRequestSearchQuery, repositorySearchQuery, type PullRequestQuery, type RepositoryQuery } from './queries';
import { RequestLimiter, SCALINGO_RATE_LIMIT, type RateLimit } from './requestLimiter';
import { scrubSecrets } from './redaction';
import { errorFromResponse, parseBody } from './responses';
import { DEFAULT_RETRY_POLICY, isRetryable, retryDelayMs, sleep, type RetryPolicy } from './retryPolicy';
import {
  bodies,
  organizationSchema,
  readEach,
  readIntegrationEntries,
  repositorySchema,
  type Integration,
  type UnreadableItem,
  type IntegrationEntry,
  type Organization,
  type PullRequest,
  type Repository,
  type SshKey,
  type User,
} from './schemas';
import type { LinkableScmType } from './scmTypes';
import { HttpTransport, type HttpMethod, type HttpResponse } from './transport';
import { RegionalClient, type RegionCall, type RegionCaller } from './regional/regionalClient';
import { judgeRegions } from './regional/regionList';
import { regionalBodies, type Region } from './regional/schemas';

export interface ApiLog {
  debug(message: string): void;
  warn(message: string): void;
}

export interface ScalingoClientOptions {
  readonly baseUrl: string;
  readonly apiToken: string;
  readonly userAgent: string;
  readonly dispatcher: Dispatcher;
  readonly timeoutMs?: number;
  readonly retryPolicy?: RetryPolicy;
  /** Defaults to Scalingo's published limits. */
  readonly rateLimit?: RateLimit;
  /** Larger answers are refused; defaults to the transport's cap. */
  readonly maxBodyBytes?: number;
  readonly log?: ApiLog;
  /** Called once when the token exchange refuses the API token (revoked or invalid). */
  readonly onApiTokenRefused?: () => void;
  /**
   * Called when requests wait: Scalingo answered 429 (`refused`) and they go again after
   * `retryInMs`, or this minute's budget is spent and they start in `retryInMs` (told by the
   * limiter this client makes; a `limiter` passed in tells whoever made it).
   */
  readonly onRateLimited?: (event: RateLimitWait) => void;
  /** The user's one limiter, when other clients (the regional APIs) share the budget; else a new one. */
  readonly limiter?: RequestLimiter;
}

export interface RateLimitWait {
  readonly retryInMs: number;
  /** true: Scalingo refused with a 429; false: the client holds requests to stay within the budget. */
  readonly refused: boolean;
}

export interface LinkRequest {
  readonly scmType: LinkableScmType;
  readonly url: string;
  readonly accessToken: string;
}

export interface RepositoryPage {
  readonly repositories: Repository[];
  /** Items of this page the schema refused; the others are in `repositories`. */
  readonly unreadable: UnreadableItem[];
  /** The page to ask for next, when the server says there is one. */
  readonly nextPage: number | undefined;
  readonly totalCount: number | undefined;
  /**
   * Whether the answer carried `meta.pagination`. The reference documents none for search_repos:
   * without it, a page as long as the one asked for may be all the server will ever send.
   */
  readonly paginated: boolean;
}

export interface PageRequest {
  readonly page?: number;
  readonly perPage?: number;
}

interface Call {
  readonly method: HttpMethod;
  readonly path: string;
  readonly route: string;
  readonly query?: Record<string, string | number>;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** A regional API's transport; the auth service's when absent. */
  readonly transport?: HttpTransport;
  /** The integration the call is about: its requests share that code host's slots. */
  readonly lane?: string;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** The largest page the API serves; fewer round trips when we want everything. */
const ORGANIZATIONS_PER_PAGE = 100;
/** A safety stop for a server whose `next_page` never ends. */
const MAX_PAGES = 50;

const silentLog: ApiLog = { debug: () => undefined, warn: () => undefined };

export class ScalingoClient {
  private readonly transport: HttpTransport;
  private readonly bearer: BearerTokenSource;
  private readonly log: ApiLog;
  private readonly retryPolicy: RetryPolicy;
  /** One budget per user: the auth service and every region wait their turn here (shared with
   *  every other client of this user, see ScalingoClientOptions.limiter). */
  readonly limiter: RequestLimiter;
  private regionClients: Promise<RegionalClient[]> | undefined;

  constructor(private readonly options: ScalingoClientOptions) {
    this.limiter =
      options.limiter ??
      new RequestLimiter(options.rateLimit ?? SCALINGO_RATE_LIMIT, Date.now, (waitMs) => {
        this.log.debug(`this minute's ${this.limiter.perMinute} requests are spent: the next starts in ${Math.ceil(waitMs / 1000)} s`);
        options.onRateLimited?.({ retryInMs: waitMs, refused: false });
      });
    this.transport = this.transportTo(options.baseUrl);
    this.bearer = new BearerTokenSource(this.transport, options.apiToken, Date.now, options.onApiTokenRefused);
    this.log = options.log ?? silentLog;
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  }

  /** Who the API token belongs to; also proves the token works (it needs an exchange). */
  async currentUser(signal?: AbortSignal): Promise<User> {
    const body = await this.call({ method: 'GET', path: '/v1/users/self', route: 'GET /v1/users/self', signal }, bodies.user);
    return body.user;
  }

  /** The integrations that can be used; a damaged item is left out (and logged). */
  async listIntegrations(signal?: AbortSignal): Promise<Integration[]> {
    return (await this.listIntegrationEntries(signal)).flatMap((entry) => (entry.ok ? [entry.integration] : []));
  }

  /** Every item of the list in its order, each readable or not: the tree shows a damaged one as a row. */
  async listIntegrationEntries(signal?: AbortSignal): Promise<IntegrationEntry[]> {
    const body = await this.call(
      { method: 'GET', path: '/v1/scm_integrations', route: 'GET /v1/scm_integrations', signal },
      bodies.integrationList,
    );
    const entries = readIntegrationEntries(body.scm_integrations);
    for (const entry of entries) {
      if (!entry.ok) {
        const { index, id, scmType, fields } = entry.unreadable;
        this.log.warn(`GET /v1/scm_integrations: item ${index} (id ${id ?? 'none'}, ${scmType ?? 'no type'}) unreadable: ${fields.join(', ')}`);
      }
    }
    return entries;
  }

  async getIntegration(id: string, signal?: AbortSignal): Promise<Integration> {
    const body = await this.call(
      { method: 'GET', path: integrationPath(id), route: 'GET /v1/scm_integrations/:id', lane: id, signal },
      bodies.integration,
    );
    return body.scm_integration;
  }

  async linkIntegration(request: LinkRequest, signal?: AbortSignal): Promise<Integration> {
    const body = await this.call(
      {
        method: 'POST',
        path: '/v1/scm_integrations',
        route: 'POST /v1/scm_integrations',
        body: { scm_integration: { scm_type: request.scmType, url: request.url, access_token: request.accessToken } },
        signal,
      },
      bodies.integration,
      [request.accessToken],
    );
    return body.scm_integration;
  }

  async unlinkIntegration(id: string, signal?: AbortSignal): Promise<void> {
    await this.callWithoutBody({
      method: 'DELETE',
      path: integrationPath(id),
      lane: id,
      route: 'DELETE /v1/scm_integrations/:id',
      signal,
    });
  }

  /** Imports the code host's SSH keys into the Scalingo account; returns only the newly imported ones. */
  async importKeys(id: string, signal?: AbortSignal): Promise<SshKey[]> {
    const body = await this.call(
      {
        method: 'POST',
        path: `${integrationPath(id)}/import_keys`,
        lane: id,
        route: 'POST /v1/scm_integrations/:id/import_keys',
        signal,
      },
      bodies.keys,
    );
    return body.keys;
  }

  /** Every organization (GitHub) or group (GitLab) that can be used; a damaged one is left out (and logged). */
  async listOrganizations(id: string, signal?: AbortSignal): Promise<Organization[]> {
    return (await this.listOrganizationsAndUnreadable(id, signal)).organizations;
  }

  /** Every organization or group, following the server's pages when it pages, and the items that could not be read. */
  async listOrganizationsAndUnreadable(
    id: string,
    signal?: AbortSignal,
  ): Promise<{ organizations: Organization[]; unreadable: UnreadableItem[] }> {
    const organizations: Organization[] = [];
    const unreadable: UnreadableItem[] = [];
    let offset = 0;
    let page: number | undefined = 1;
    for (let fetched = 0; page !== undefined && fetched < MAX_PAGES; fetched++) {
      const current: number = page;
      const body: z.output<typeof bodies.organizations> = await this.call(
        {
          method: 'GET',
          path: `${integrationPath(id)}/orgs`,
          lane: id,
          route: 'GET /v1/scm_integrations/:id/orgs',
          query: { page: current, per_page: ORGANIZATIONS_PER_PAGE },
          signal,
        },
        bodies.organizations,
      );
      const read = readEach(organizationSchema, body.organizations, 'login');
      // Positions in the whole list, not in this page: they name the item and key its row.
      unreadable.push(...read.unreadable.map((item) => ({ ...item, index: offset + item.index })));
      offset += body.organizations.length;
      organizations.push(...read.items);
      this.logUnreadable('GET /v1/scm_integrations/:id/orgs', read.unreadable);
      page = body.nextPage !== undefined && body.nextPage > current ? body.nextPage : undefined;
    }
    return { organizations, unreadable };
  }

  /** One page of repositories; the caller asks for the next one when the user wants more. */
  async searchRepositories(
    id: string,
    query: RepositoryQuery,
    pageRequest: PageRequest = {},
    signal?: AbortSignal,
  ): Promise<RepositoryPage> {
    const body = await this.call(
      {
        method: 'GET',
        path: `${integrationPath(id)}/search_repos`,
        lane: id,
        route: 'GET /v1/scm_integrations/:id/search_repos',
        query: withPage({ query: repositorySearchQuery(query) }, pageRequest),
        signal,
      },
      bodies.repositories,
    );
    const read = readEach(repositorySchema, body.repositories, 'fullName');
    this.logUnreadable('GET /v1/scm_integrations/:id/search_repos', read.unreadable);
    return { repositories: read.items, unreadable: read.unreadable, nextPage: body.nextPage, totalCount: body.totalCount, paginated: body.paginated };
  }

  async searchPullRequests(id: string, query: PullRequestQuery, signal?: AbortSignal): Promise<PullRequest[]> {
    const body = await this.call(
      {
        method: 'GET',
        path: `${integrationPath(id)}/search_pull_requests`,
        lane: id,
        route: 'GET /v1/scm_integrations/:id/search_pull_requests',
        query: { query: pullRequestSearchQuery(query) },
        signal,
      },
      bodies.pullRequests,
    );
    return body.pull_requests;
  }

  private logUnreadable(route: string, unreadable: readonly UnreadableItem[]): void {
    for (const { index, name, fields } of unreadable) this.log.warn(`${route}: item ${index} (${name ?? 'no name'}) unreadable: ${fields.join(', ')}`);
  }

  /** The branches of a repository the integration can read (undocumented route the dashboard uses). */
  async listBranches(id: string, repositoryFullName: string, signal?: AbortSignal): Promise<string[]> {
    const body = await this.call(
      {
        method: 'GET',
        path: `${integrationPath(id)}/branches`,
        route: 'GET /v1/scm_integrations/:id/branches',
        query: { repo_name: repositoryFullName },
        signal,
      },
      regionalBodies.branches,
    );
    return body.branches.map((branch) => branch.name);
  }

  /**
   * A client per Scalingo region, from `GET /v1/regions`, asked once for this client's lifetime
   * (a session): the list changes rarely. Regions whose address the bearer must not go to are left
   * out, with a warning in the log. A failed load is not kept, so the next call asks again.
   */
  regions(signal?: AbortSignal): Promise<RegionalClient[]> {
    this.regionClients ??= this.loadRegions().catch((error: unknown) => {
      this.regionClients = undefined;
      throw error;
    });
    return abortable(this.regionClients, signal);
  }

  private async loadRegions(): Promise<RegionalClient[]> {
    const body = await this.call({ method: 'GET', path: '/v1/regions', route: 'GET /v1/regions' }, regionalBodies.regions);
    return judgeRegions(body.regions, this.options.baseUrl).flatMap(({ region, refusal }) => {
      if (refusal) {
        this.log.warn(`region ${region.name} left out: ${refusal}`);
        return [];
      }
      return [new RegionalClient(region, this.callerFor(region))];
    });
  }

  private callerFor(region: Region): RegionCaller {
    const transport = this.transportTo(region.apiUrl);
    // Each region is a lane of its own: one region that hangs keeps the others' slots free.
    const regional = (call: RegionCall): Call => ({ lane: `region:${region.name}`, ...call, route: `${call.route} (${region.name})`, transport });
    return {
      json: (call, schema) => this.call(regional(call), schema),
      empty: (call) => this.callWithoutBody(regional(call)),
    };
  }

  private transportTo(baseUrl: string): HttpTransport {
    return new HttpTransport({
      baseUrl,
      userAgent: this.options.userAgent,
      timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      dispatcher: this.options.dispatcher,
      limiter: this.limiter,
      maxBodyBytes: this.options.maxBodyBytes,
    });
  }

  private async call<Schema extends z.ZodType>(call: Call, schema: Schema, secrets: string[] = []): Promise<z.output<Schema>> {
    return this.reportingFailures(call, secrets, async () => parseBody(await this.send(call), schema, call.route));
  }

  private async callWithoutBody(call: Call): Promise<void> {
    await this.reportingFailures(call, [], () => this.send(call));
  }

  private async send(call: Call): Promise<HttpResponse> {
    const response = await this.sendWithRetries(call);
    if (response.status < 200 || response.status >= 300) throw errorFromResponse(response, call.route);
    return response;
  }

  /** Every failure leaves through here: tokens scrubbed, one log line, then rethrown. */
  private async reportingFailures<T>(call: Call, secrets: string[], work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const basic = Buffer.from(`:${this.options.apiToken}`).toString('base64');
      const redacted = redact(error, [this.options.apiToken, basic, this.bearer.current ?? '', ...secrets]);
      if (redacted instanceof ScalingoError && redacted.kind !== 'cancelled') {
        this.log.warn(`${call.route} failed: ${redacted.describeForLog()}`);
      }
      throw redacted;
    }
  }

  /**
   * A 429 is sent again, whatever the method (the server refused it before doing anything), once
   * the limit's window has passed or after `Retry-After`; every request waits that long too, and
   * the retry counts in the budget like any request. GETs are also retried on gateway errors and
   * network failures; nothing else is. A 429 on the token exchange is waited out the same way:
   * the call itself was not sent yet.
   */
  private async sendWithRetries(call: Call): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await this.sendAuthorized(call);
        if (response.status === 429 && attempt < this.retryPolicy.maxRetries) {
          this.holdForRateLimit(call.route, response.retryAfterMs);
          continue;
        }
        if (call.method === 'GET' && attempt < this.retryPolicy.maxRetries) {
          const failure = response.status >= 400 ? errorFromResponse(response, call.route) : undefined;
          if (failure && isRetryable(failure)) {
            await this.waitBeforeRetry(call, attempt, failure);
            continue;
          }
        }
        return response;
      } catch (error) {
        if (error instanceof ScalingoError && error.kind === 'rateLimited' && attempt < this.retryPolicy.maxRetries) {
          this.holdForRateLimit(error.details.route ?? call.route, error.details.retryAfterMs);
          continue;
        }
        const retryable = error instanceof ScalingoError && isRetryable(error);
        if (call.method !== 'GET' || attempt >= this.retryPolicy.maxRetries || !retryable) throw error;
        await this.waitBeforeRetry(call, attempt, error);
      }
    }
  }

  private holdForRateLimit(route: string, retryAfterMs: number | undefined): void {
    const retryInMs = this.limiter.pause(retryAfterMs ?? this.limiter.window);
    if (retryInMs === undefined) return;
    this.log.warn(`${route}: HTTP 429 (rate limited), sent again in ${Math.ceil(retryInMs / 1000)} s`);
    this.options.onRateLimited?.({ retryInMs, refused: true });
  }

  private async waitBeforeRetry(call: Call, attempt: number, failure: ScalingoError): Promise<void> {
    const delay = retryDelayMs(this.retryPolicy, attempt);
    this.log.debug(`${call.route}: ${failure.kind} (${failure.details.status ?? 'no status'}), retry ${attempt + 1} in ${delay} ms`);
    await sleep(delay, call.signal);
  }

  /** Sends with a bearer; a 401 gets exactly one more try with a freshly exchanged bearer. */
  private async sendAuthorized(call: Call): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      const bearer = await this.bearer.get(call.signal);
      const response = await (call.transport ?? this.transport).send({ ...call, authorization: `Bearer ${bearer}` });
      this.log.debug(
        `${call.route} → ${response.status} in ${Math.round(response.durationMs)} ms` +
          (response.requestId ? ` (request-id ${response.requestId})` : ''),
      );
      if (response.status !== 401 || attempt > 0) return response;
      this.bearer.invalidate(bearer);
    }
  }
}

function integrationPath(id: string): string {
  return `/v1/scm_integrations/${encodeURIComponent(id)}`;
}

function withPage(query: Record<string, string | number>, page: PageRequest): Record<string, string | number> {
  return {
    ...query,
    ...(page.page !== undefined ? { page: page.page } : {}),
    ...(page.perPage !== undefined ? { per_page: page.perPage } : {}),
  };
}

/**
 * Servers echo input in errors, and proxy pages echo request headers: the API token, its Basic
 * header, the bearer and any token the user just typed must not ride along into a message, a log
 * line or a stack (see scrubSecrets for the shapes removed even when unknown).
 */
function redact(error: unknown, secrets: readonly string[]): unknown {
  if (!(error instanceof ScalingoError)) return error;
  const scrub = (text: string | undefined) => (text === undefined ? undefined : scrubSecrets(text, secrets));
  const fieldErrors = Object.fromEntries(
    Object.entries(error.fieldErrors).map(([field, messages]) => [field, messages.map((message) => scrub(message) ?? '')]),
  );
  return new ScalingoError(
    error.kind,
    scrub(error.message) ?? '',
    { ...error.details, serverMessage: scrub(error.details.serverMessage) },
    fieldErrors,
  );
}
