/**
 * zod schemas for the regional APIs' answers (apps, repository links, deployments, review apps),
 * from ../shared/api/integration-link.md. As for the auth service: what the client needs is
 * required, everything else optional, unknown fields stripped, new status values passed through.
 */
import * as z from 'zod';

const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);
const optionalFlag = z
  .boolean()
  .nullish()
  .transform((value) => value ?? false);
/** Ids are strings on Scalingo; a number is accepted and kept as text rather than refused. */
const id = z.union([z.string().min(1), z.number()]).transform((value) => String(value));

export const regionSchema = z
  .object({
    name: z.string().min(1),
    display_name: optionalText,
    api: z.string().min(1),
    dashboard: optionalText,
    default: optionalFlag,
  })
  .transform((raw) => ({
    name: raw.name,
    displayName: raw.display_name ?? raw.name,
    apiUrl: raw.api,
    dashboardUrl: raw.dashboard,
    isDefault: raw.default,
  }));
export type Region = z.output<typeof regionSchema>;

export const appSchema = z
  .object({
    id,
    name: z.string().min(1),
    url: optionalText,
    region: optionalText,
    created_at: optionalText,
  })
  .transform((raw) => ({ id: raw.id, name: raw.name, url: raw.url, region: raw.region, createdAt: raw.created_at }));
export type ScalingoApp = z.output<typeof appSchema>;

export const repoLinkSchema = z
  .object({
    id,
    app_id: id,
    auth_integration_uuid: optionalText,
    url: optionalText,
    owner: z.string(),
    repo: z.string(),
    branch: optionalText,
    scm_type: optionalText,
    auto_deploy_enabled: optionalFlag,
    deploy_review_apps_enabled: optionalFlag,
    delete_on_close_enabled: optionalFlag,
    delete_stale_enabled: optionalFlag,
    automatic_creation_from_forks_allowed: optionalFlag,
    last_auto_deploy_at: optionalText,
    created_at: optionalText,
    linker: z.object({ username: optionalText }).nullish(),
  })
  .transform((raw) => ({
    id: raw.id,
    appId: raw.app_id,
    integrationId: raw.auth_integration_uuid,
    /** The code host's root URL (`https://github.com`); with owner and repo it names the repository. */
    hostUrl: raw.url,
    owner: raw.owner,
    repo: raw.repo,
    branch: raw.branch,
    scmType: raw.scm_type,
    autoDeploy: raw.auto_deploy_enabled,
    reviewApps: raw.deploy_review_apps_enabled,
    deleteOnClose: raw.delete_on_close_enabled,
    deleteStale: raw.delete_stale_enabled,
    forksAllowed: raw.automatic_creation_from_forks_allowed,
    lastAutoDeployAt: raw.last_auto_deploy_at,
    linkerUsername: raw.linker?.username ?? undefined,
  }));
export type RepoLink = z.output<typeof repoLinkSchema>;

export const deploymentSchema = z
  .object({
    id,
    app_id: id.nullish(),
    status: z.string().min(1),
    git_ref: optionalText,
    created_at: optionalText,
    duration: z.number().nullish(),
    pusher: z.object({ username: optionalText }).nullish(),
  })
  .transform((raw) => ({
    id: raw.id,
    status: raw.status,
    gitRef: raw.git_ref,
    createdAt: raw.created_at,
    pusherUsername: raw.pusher?.username ?? undefined,
  }));
export type Deployment = z.output<typeof deploymentSchema>;

export const reviewAppSchema = z
  .object({
    id,
    app_id: id,
    app_name: z.string().min(1),
    parent_app_name: optionalText,
    created_at: optionalText,
    pull_request: z
      .object({
        number: z.number(),
        title: optionalText,
        branch_name: optionalText,
        html_url: optionalText,
      })
      .nullish(),
    last_deployment: z
      .object({ id, status: z.string().min(1), git_ref: optionalText })
      .nullish(),
  })
  .transform((raw) => ({
    id: raw.id,
    appId: raw.app_id,
    appName: raw.app_name,
    parentAppName: raw.parent_app_name,
    createdAt: raw.created_at,
    pullRequestNumber: raw.pull_request?.number,
    pullRequestTitle: raw.pull_request?.title ?? undefined,
    branch: raw.pull_request?.branch_name ?? undefined,
    lastDeployment: raw.last_deployment
      ? { id: raw.last_deployment.id, status: raw.last_deployment.status, gitRef: raw.last_deployment.git_ref }
      : undefined,
  }));
export type ReviewApp = z.output<typeof reviewAppSchema>;

export const linkedPullSchema = z
  .object({
    number: z.number(),
    title: optionalText,
    html_url: optionalText,
    source_repo_name: optionalText,
    opened_from_a_forked_repo: optionalFlag,
  })
  .transform((raw) => ({
    number: raw.number,
    title: raw.title,
    htmlUrl: raw.html_url,
    sourceRepoName: raw.source_repo_name,
    fromFork: raw.opened_from_a_forked_repo,
  }));
export type LinkedPull = z.output<typeof linkedPullSchema>;

const paginationMeta = z
  .object({
    meta: z
      .object({ pagination: z.object({ next_page: z.number().nullish(), total_count: z.number().nullish() }).nullish() })
      .nullish(),
  })
  .transform((raw) => ({ nextPage: raw.meta?.pagination?.next_page ?? undefined }));

export const regionalBodies = {
  regions: z.object({ regions: z.array(regionSchema) }),
  apps: z.object({ apps: z.array(appSchema) }),
  app: z.object({ app: appSchema }),
  repoLinks: z.object({ scm_repo_links: z.array(repoLinkSchema) }).and(paginationMeta),
  repoLink: z.object({ scm_repo_link: repoLinkSchema }),
  deployment: z.object({ deployment: deploymentSchema }),
  reviewApps: z.object({ review_apps: z.array(reviewAppSchema) }),
  pull: z.object({ pull: linkedPullSchema }),
  pulls: z.object({ pulls: z.array(linkedPullSchema) }),
  branches: z.object({ branches: z.array(z.object({ name: z.string().min(1) })) }),
};
