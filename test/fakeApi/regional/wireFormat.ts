/** Regional records → the JSON of integration-link.md, field for field. */
import type { FakeUser } from '../model';
import type { FakeApp, FakeDeployment, FakeRegion, FakeRepoLink, FakeReviewApp } from './model';

export function appUrl(app: FakeApp, region: FakeRegion): string {
  return `https://${app.name}.${region.name}.scalingo.io`;
}

export function appJson(app: FakeApp, region: FakeRegion, user: FakeUser) {
  return {
    id: app.id,
    name: app.name,
    url: appUrl(app, region),
    region: region.name,
    created_at: app.created_at,
    owner: { id: user.id, username: user.username, email: user.email },
    links: { deployments_stream: `wss://deployments.${region.name}.scalingo.com/apps/${app.id}` },
  };
}

export function repoLinkJson(link: FakeRepoLink) {
  const { linker_username: linker, ...fields } = link;
  return { ...fields, linker: { id: `us-${linker}`, username: linker, email: `${linker}@example.com` }, updated_at: link.created_at, hours_before_delete_on_close: 0, hours_before_delete_stale: 0 };
}

export function deploymentJson(deployment: FakeDeployment, status: string) {
  return {
    id: deployment.id,
    app_id: deployment.app_id,
    created_at: new Date(deployment.started_at).toISOString(),
    status,
    git_ref: deployment.git_ref,
    pusher: { username: deployment.pusher, email: `${deployment.pusher}@example.com` },
    duration: null,
    links: { output: `/v1/apps/${deployment.app_id}/deployments/${deployment.id}/output` },
  };
}

export function reviewAppJson(
  reviewApp: FakeReviewApp,
  child: FakeApp | undefined,
  parent: FakeApp,
  pullRequest: { number: number; title: string; branch: string; htmlUrl: string } | undefined,
  lastDeployment: { deployment: FakeDeployment; status: string } | undefined,
) {
  return {
    id: reviewApp.id,
    repo_link_id: reviewApp.repo_link_id,
    app_id: reviewApp.app_id,
    app_name: child?.name ?? reviewApp.app_id,
    parent_app_id: parent.id,
    parent_app_name: parent.name,
    created_at: reviewApp.created_at,
    stale_deletion_date: null,
    on_close_deletion_date: null,
    pull_request: {
      number: reviewApp.pull_request_number,
      title: pullRequest?.title ?? '',
      branch_name: pullRequest?.branch ?? '',
      html_url: pullRequest?.htmlUrl ?? '',
      url: pullRequest?.htmlUrl ?? '',
    },
    last_deployment: lastDeployment
      ? {
          id: lastDeployment.deployment.id,
          status: lastDeployment.status,
          git_ref: lastDeployment.deployment.git_ref,
          pusher: lastDeployment.deployment.pusher,
        }
      : null,
  };
}
