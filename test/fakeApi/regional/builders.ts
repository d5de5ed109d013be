/** Typed builders for the regional records, deterministic as ../builders.ts. */
import { createHash } from 'node:crypto';
import type { FakeApp, FakeDeployment, FakeRegion, FakeRepoLink, FakeReviewApp } from './model';

const FIXED_DATE = '2024-05-02T14:03:11.000Z';
/** Long enough ago that a seeded deployment is over whatever the step length. */
const LONG_AGO_MS = Date.parse('2024-05-02T14:03:11.000Z');

export function aRegion(overrides: Partial<FakeRegion> & { name: string }): FakeRegion {
  return {
    display_name: overrides.name,
    dashboard: 'https://dashboard.scalingo.com',
    default: false,
    apps: [],
    links: [],
    deployments: [],
    reviewApps: [],
    ...overrides,
  };
}

export function anApp(overrides: Partial<FakeApp> & { name: string }): FakeApp {
  return { id: `ap-${stableUuid(`app:${overrides.name}`)}`, created_at: FIXED_DATE, failingBranches: [], ...overrides };
}

/** A link of `app` to `owner/repo` on the integration (`url` is the code host's root). */
export function aRepoLink(
  app: FakeApp,
  integration: { id: string; scm_type: string; url: string; username: string },
  fullName: string,
  overrides: Partial<FakeRepoLink> = {},
): FakeRepoLink {
  const slash = fullName.lastIndexOf('/');
  return {
    id: stableUuid(`link:${app.id}`),
    app_id: app.id,
    auth_integration_uuid: integration.id,
    scm_type: integration.scm_type,
    url: integration.url,
    owner: fullName.slice(0, slash),
    repo: fullName.slice(slash + 1),
    branch: 'main',
    auto_deploy_enabled: true,
    deploy_review_apps_enabled: false,
    delete_on_close_enabled: true,
    delete_stale_enabled: false,
    automatic_creation_from_forks_allowed: false,
    last_auto_deploy_at: null,
    created_at: FIXED_DATE,
    linker_username: integration.username,
    ...overrides,
  };
}

/** A finished deployment from long ago (its status is its outcome). */
export function aPastDeployment(app: FakeApp, gitRef: string, overrides: Partial<FakeDeployment> = {}): FakeDeployment {
  return {
    id: stableUuid(`deployment:${app.id}:${gitRef}:${overrides.outcome ?? 'success'}`),
    app_id: app.id,
    git_ref: gitRef,
    started_at: LONG_AGO_MS,
    outcome: 'success',
    pusher: 'ada-lovelace',
    ...overrides,
  };
}

export function aReviewApp(child: FakeApp, parent: FakeApp, link: FakeRepoLink, pullRequestNumber: number): FakeReviewApp {
  return {
    id: stableUuid(`review-app:${child.id}`),
    app_id: child.id,
    parent_app_id: parent.id,
    repo_link_id: link.id,
    pull_request_number: pullRequestNumber,
    created_at: FIXED_DATE,
  };
}

export function stableUuid(text: string): string {
  const hex = createHash('sha1').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
