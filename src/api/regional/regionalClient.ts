/**
 * One Scalingo region's API (apps, repository links, deployments, review apps). Built by
 * `ScalingoClient.regions()` from `GET auth /v1/regions`; every request goes through the auth
 * client's caller, so the bearer, the one request limiter (one budget per user), the retries and
 * the error family are the same as for the auth service.
 */
import type * as z from 'zod';
import { isScalingoError } from '../errors';
import type { HttpMethod } from '../transport';
import { regionalBodies, type Deployment, type LinkedPull, type Region, type RepoLink, type ReviewApp, type ScalingoApp } from './schemas';

export interface RegionCall {
  readonly method: HttpMethod;
  readonly path: string;
  /** The route pattern (`GET /v1/apps/:app`); the region is added for the log. */
  readonly route: string;
  readonly query?: Record<string, string | number>;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

/** How a region sends: the auth client's machinery pointed at this region's base URL. */
export interface RegionCaller {
  json<Schema extends z.ZodType>(call: RegionCall, schema: Schema): Promise<z.output<Schema>>;
  empty(call: RegionCall): Promise<void>;
}

/** The settings of a link, as the link and update routes take them. */
export interface RepoLinkSettings {
  readonly branch?: string;
  readonly autoDeploy?: boolean;
  readonly reviewApps?: boolean;
}

export interface NewRepoLink extends RepoLinkSettings {
  /** The repository's web URL (`https://github.com/owner/repo`). */
  readonly source: string;
  readonly integrationId: string;
}

/** The links route's largest page: 30 links come in one request. */
const LINKS_PER_PAGE = 100;
/** A safety stop for a server whose `next_page` never ends. */
const MAX_PAGES = 20;

export class RegionalClient {
  constructor(
    readonly region: Region,
    private readonly caller: RegionCaller,
  ) {}

  get name(): string {
    return this.region.name;
  }

  /** `{dashboard}/apps/{region}/{app}`: the dashboard's own links have this form. */
  dashboardUrl(appName: string): string | undefined {
    const base = this.region.dashboardUrl?.replace(/\/+$/u, '');
    return base && `${base}/apps/${encodeURIComponent(this.region.name)}/${encodeURIComponent(appName)}`;
  }

  async listApps(signal?: AbortSignal): Promise<ScalingoApp[]> {
    const body = await this.caller.json({ method: 'GET', path: '/v1/apps', route: 'GET /v1/apps', signal }, regionalBodies.apps);
    return body.apps;
  }

  async getApp(app: string, signal?: AbortSignal): Promise<ScalingoApp> {
    const body = await this.caller.json({ method: 'GET', path: appPath(app), route: 'GET /v1/apps/:app', signal }, regionalBodies.app);
    return body.app;
  }

  /** Every link of the account in this region (through one integration when given), following the pages. */
  async listRepoLinks(integrationId: string | undefined, signal?: AbortSignal): Promise<RepoLink[]> {
    const links: RepoLink[] = [];
    let page: number | undefined = 1;
    for (let fetched = 0; page !== undefined && fetched < MAX_PAGES; fetched++) {
      const current: number = page;
      const body: z.output<typeof regionalBodies.repoLinks> = await this.caller.json(
        {
          method: 'GET',
          path: '/v1/scm_repo_links',
          route: 'GET /v1/scm_repo_links',
          query: { ...(integrationId ? { auth_integration_uuid: integrationId } : {}), page: current, per_page: LINKS_PER_PAGE },
          signal,
        },
        regionalBodies.repoLinks,
      );
      // The filter is the server's job; a server that ignores it must not put foreign links here.
      links.push(...body.scm_repo_links.filter((link) => !integrationId || link.integrationId === undefined || link.integrationId === integrationId));
      page = body.nextPage !== undefined && body.nextPage > current ? body.nextPage : undefined;
    }
    return links;
  }

  /** The app's link, or undefined when it has none (a 404 here means "not linked"). */
  async getRepoLink(app: string, signal?: AbortSignal): Promise<RepoLink | undefined> {
    try {
      const body = await this.caller.json(
        { method: 'GET', path: linkPath(app), route: 'GET /v1/apps/:app/scm_repo_link', signal },
        regionalBodies.repoLink,
      );
      return body.scm_repo_link;
    } catch (error) {
      if (isScalingoError(error, 'notFound')) return undefined;
      throw error;
    }
  }

  async createRepoLink(app: string, link: NewRepoLink, signal?: AbortSignal): Promise<RepoLink> {
    const body = await this.caller.json(
      {
        method: 'POST',
        path: linkPath(app),
        route: 'POST /v1/apps/:app/scm_repo_link',
        body: { scm_repo_link: { source: link.source, auth_integration_uuid: link.integrationId, ...settingsBody(link) } },
        signal,
      },
      regionalBodies.repoLink,
    );
    return body.scm_repo_link;
  }

  async updateRepoLink(app: string, settings: RepoLinkSettings, signal?: AbortSignal): Promise<RepoLink> {
    const body = await this.caller.json(
      {
        method: 'PATCH',
        path: linkPath(app),
        route: 'PATCH /v1/apps/:app/scm_repo_link',
        body: { scm_repo_link: settingsBody(settings) },
        signal,
      },
      regionalBodies.repoLink,
    );
    return body.scm_repo_link;
  }

  async deleteRepoLink(app: string, signal?: AbortSignal): Promise<void> {
    await this.caller.empty({ method: 'DELETE', path: linkPath(app), route: 'DELETE /v1/apps/:app/scm_repo_link', signal });
  }

  async manualDeploy(app: string, branch: string, signal?: AbortSignal): Promise<Deployment> {
    const body = await this.caller.json(
      {
        method: 'POST',
        path: `${linkPath(app)}/manual_deploy`,
        route: 'POST /v1/apps/:app/scm_repo_link/manual_deploy',
        body: { branch },
        signal,
      },
      regionalBodies.deployment,
    );
    return body.deployment;
  }

  /** The answer's body is undocumented, so it is not read: list the review apps afterwards. */
  async manualReviewApp(app: string, pullRequestNumber: number, signal?: AbortSignal): Promise<void> {
    await this.caller.empty({
      method: 'POST',
      path: `${linkPath(app)}/manual_review_app`,
      route: 'POST /v1/apps/:app/scm_repo_link/manual_review_app',
      body: { pull_request_id: pullRequestNumber },
      signal,
    });
  }

  async listReviewApps(app: string, signal?: AbortSignal): Promise<ReviewApp[]> {
    const body = await this.caller.json(
      { method: 'GET', path: `${linkPath(app)}/review_apps`, route: 'GET /v1/apps/:app/scm_repo_link/review_apps', signal },
      regionalBodies.reviewApps,
    );
    return body.review_apps;
  }

  /** The open pull requests of the linked repository, each saying whether it comes from a fork. */
  async listLinkedPulls(app: string, signal?: AbortSignal): Promise<LinkedPull[]> {
    const body = await this.caller.json(
      { method: 'GET', path: `${linkPath(app)}/pulls`, route: 'GET /v1/apps/:app/scm_repo_link/pulls', signal },
      regionalBodies.pulls,
    );
    return body.pulls;
  }

  /** What Scalingo knows of one pull request of the linked repository, fork or not (the CLI's check). */
  async getLinkedPull(app: string, pullRequestNumber: number, signal?: AbortSignal): Promise<LinkedPull> {
    const body = await this.caller.json(
      {
        method: 'GET',
        path: `${linkPath(app)}/pulls/${encodeURIComponent(String(pullRequestNumber))}`,
        route: 'GET /v1/apps/:app/scm_repo_link/pulls/:number',
        signal,
      },
      regionalBodies.pull,
    );
    return body.pull;
  }

  async listLinkBranches(app: string, signal?: AbortSignal): Promise<string[]> {
    const body = await this.caller.json(
      { method: 'GET', path: `${linkPath(app)}/branches`, route: 'GET /v1/apps/:app/scm_repo_link/branches', signal },
      regionalBodies.branches,
    );
    return body.branches.map((branch) => branch.name);
  }

  async getDeployment(app: string, deploymentId: string, signal?: AbortSignal): Promise<Deployment> {
    const body = await this.caller.json(
      {
        method: 'GET',
        path: `${appPath(app)}/deployments/${encodeURIComponent(deploymentId)}`,
        route: 'GET /v1/apps/:app/deployments/:id',
        signal,
      },
      regionalBodies.deployment,
    );
    return body.deployment;
  }
}

function appPath(app: string): string {
  return `/v1/apps/${encodeURIComponent(app)}`;
}

function linkPath(app: string): string {
  return `${appPath(app)}/scm_repo_link`;
}

function settingsBody(settings: RepoLinkSettings): Record<string, unknown> {
  return {
    ...(settings.branch !== undefined ? { branch: settings.branch } : {}),
    ...(settings.autoDeploy !== undefined ? { auto_deploy_enabled: settings.autoDeploy } : {}),
    ...(settings.reviewApps !== undefined ? { deploy_review_apps_enabled: settings.reviewApps } : {}),
  };
}
