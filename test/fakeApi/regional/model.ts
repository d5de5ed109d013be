/**
 * What the fake's regions hold: apps, their repository links, deployments and review apps
 * (../shared/api/integration-link.md). As in ../model.ts, records keep what cannot be derived;
 * URLs and nested objects are computed when an answer is written (wireFormat.ts).
 */

/** A region as seeded: its name and what lives there. Its API URL is the fake server's own. */
export interface FakeRegion {
  name: string;
  display_name: string;
  /** The web dashboard's base URL (`https://dashboard.scalingo.com`). */
  dashboard: string;
  default: boolean;
  apps: FakeApp[];
  links: FakeRepoLink[];
  deployments: FakeDeployment[];
  reviewApps: FakeReviewApp[];
}

export interface FakeApp {
  id: string;
  name: string;
  created_at: string;
  /** Deployments of these branches end with `build-error` (a seeded fact, not a per-test switch). */
  failingBranches: string[];
}

export interface FakeRepoLink {
  id: string;
  app_id: string;
  auth_integration_uuid: string;
  scm_type: string;
  /** The code host's root URL, without a trailing slash. */
  url: string;
  owner: string;
  repo: string;
  branch: string;
  auto_deploy_enabled: boolean;
  deploy_review_apps_enabled: boolean;
  delete_on_close_enabled: boolean;
  delete_stale_enabled: boolean;
  automatic_creation_from_forks_allowed: boolean;
  last_auto_deploy_at: string | null;
  created_at: string;
  /** Who created the link (the `linker` of the answers). */
  linker_username: string;
}

/** How a deployment ends; its status moves queued → building → pushing → starting → this. */
export type FakeDeploymentOutcome = 'success' | 'build-error' | 'crashed-error';

export interface FakeDeployment {
  id: string;
  app_id: string;
  git_ref: string;
  /** Server clock (ms) when it started; the status is derived from the time since. */
  started_at: number;
  outcome: FakeDeploymentOutcome;
  pusher: string;
}

export interface FakeReviewApp {
  id: string;
  /** The child app (also in `apps`). */
  app_id: string;
  parent_app_id: string;
  repo_link_id: string;
  pull_request_number: number;
  created_at: string;
}
