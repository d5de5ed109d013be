/**
 * State records → the JSON shapes of the README, field for field. State-only fields (`fork`,
 * a pull request's `state`, an integration's code-host content) stop here.
 */
import type {
  FakeIntegration,
  FakeOrganization,
  FakePullRequest,
  FakeRepository,
  FakeSshKey,
  FakeUser,
} from './model';

export function integrationJson(integration: FakeIntegration, user: FakeUser): Record<string, unknown> {
  const json: Record<string, unknown> = { ...linkedIntegrationJson(integration, user), access_token: integration.access_token, ...integration.damage?.set };
  for (const field of integration.damage?.omit ?? []) delete json[field];
  return json;
}

/** The link route's 201 answer: the published reference omits `access_token` there. */
export function linkedIntegrationJson(integration: FakeIntegration, user: FakeUser) {
  return {
    id: integration.id,
    scm_type: integration.scm_type,
    url: integration.url,
    created_at: integration.created_at,
    uid: integration.uid,
    username: integration.username,
    avatar_url: integration.avatar_url,
    email: integration.email,
    profile_url: integration.profile_url,
    owner: ownerJson(user),
  };
}

export function organizationJson(organization: FakeOrganization, integration: FakeIntegration) {
  return {
    id: organization.id,
    login: organization.login,
    avatarUrl: organizationAvatarUrl(organization, integration),
    url: organizationApiUrl(organization, integration),
    description: organization.description,
  };
}

export function repositoryJson(repository: FakeRepository, integration: FakeIntegration) {
  const fullName = `${repository.owner}/${repository.name}`;
  return {
    id: repository.id,
    name: repository.name,
    fullName,
    url: `${integration.url}/${fullName}`,
    description: repository.description,
  };
}

export function pullRequestJson(pullRequest: FakePullRequest, integration: FakeIntegration) {
  const kind = isGitLab(integration) ? '-/merge_requests' : 'pull';
  return {
    id: pullRequest.id,
    title: pullRequest.title,
    number: pullRequest.number,
    html_url: `${integration.url}/${pullRequest.repo}/${kind}/${pullRequest.number}`,
    source_repo_name: pullRequest.sourceRepo,
    source_repo_html_url: `${integration.url}/${pullRequest.sourceRepo}`,
  };
}

export function keyJson(key: FakeSshKey, user: FakeUser) {
  return {
    id: key.id,
    name: key.name,
    content: key.content,
    fingerprint: key.fingerprint,
    created_at: key.created_at,
    owner: ownerJson(user),
  };
}

export function userJson(user: FakeUser) {
  return { id: user.id, username: user.username, email: user.email };
}

function ownerJson(user: FakeUser) {
  return { id: user.id, email: user.email, username: user.username };
}

function isGitLab(integration: FakeIntegration): boolean {
  return integration.scm_type.startsWith('gitlab');
}

/**
 * An API URL, as the README warns: the client must not offer it as a page to open. GitHub's names
 * the organization's path (which its display name may not be); GitLab's names the group's number.
 */
function organizationApiUrl(organization: FakeOrganization, integration: FakeIntegration): string | null {
  if (organization.url !== undefined) return organization.url;
  const path = organization.path ?? organization.login;
  if (isGitLab(integration)) return `${integration.url}/api/v4/groups/${organization.id}`;
  if (integration.scm_type === 'github') return `https://api.github.com/orgs/${path}`;
  return `${integration.url}/api/v3/orgs/${path}`;
}

function organizationAvatarUrl(organization: FakeOrganization, integration: FakeIntegration): string {
  if (isGitLab(integration)) return `${integration.url}/uploads/-/system/group/avatar/${organization.id}/avatar.png`;
  if (integration.scm_type === 'github') return `https://avatars.githubusercontent.com/u/${organization.id}?v=4`;
  return `${integration.url}/avatars/u/${organization.id}?`;
}
