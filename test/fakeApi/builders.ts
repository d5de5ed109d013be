/**
 * Typed fixture builders for the fake API's state: a test names only what matters to it.
 * Shapes follow ../shared/api/README.md (integrations snake_case, repositories camelCase).
 */
import { randomBytes, randomUUID } from 'node:crypto';

export interface FakeOwner {
  id: string;
  email: string;
  username: string;
}

export interface FakeIntegration {
  id: string;
  scm_type: string;
  url: string;
  access_token: string;
  created_at: string;
  uid: string;
  username: string;
  avatar_url: string;
  email: string;
  profile_url: string;
  owner: FakeOwner;
}

export interface FakeOrganization {
  id: number;
  login: string;
  avatarUrl: string;
  url: string;
  description: string | null;
}

export interface FakeRepository {
  id: number;
  name: string;
  fullName: string;
  url: string;
  description: string | null;
  /** Not sent by the API; decides whether `fork:true` is needed to find it. */
  fork: boolean;
}

export interface FakePullRequest {
  id: number;
  title: string;
  number: number;
  html_url: string;
  source_repo_name: string;
  source_repo_html_url: string;
  /** Not sent by the API; matched by `is:open` / `is:closed`. */
  state: 'open' | 'closed';
}

export interface FakeKey {
  id: string;
  name: string;
  content: string;
  fingerprint: string;
  created_at: string;
  owner: FakeOwner;
}

let nextNumericId = 1000;
export const numericId = (): number => nextNumericId++;

export const SCALINGO_OWNER: FakeOwner = { id: 'us-fake-user', email: 'ada@example.com', username: 'ada-lovelace' };

function webBase(integration: Pick<FakeIntegration, 'scm_type' | 'url'>): string {
  return integration.url.replace(/\/$/u, '');
}

export function anIntegration(overrides: Partial<FakeIntegration> & Pick<FakeIntegration, 'scm_type' | 'url'>): FakeIntegration {
  const username = overrides.username ?? 'ada-lovelace';
  const base = webBase(overrides);
  return {
    id: randomUUID(),
    access_token: randomBytes(20).toString('hex'),
    created_at: '2024-03-14T09:26:53.000Z',
    uid: String(numericId()),
    username,
    avatar_url: `${base}/avatars/${username}`,
    email: `${username}@example.com`,
    profile_url: `${base}/${username}`,
    owner: SCALINGO_OWNER,
    ...overrides,
  };
}

export function anOrganization(integration: FakeIntegration, login: string, description: string | null = null): FakeOrganization {
  const id = numericId();
  const api = integration.scm_type === 'github' ? 'https://api.github.com/orgs' : `${webBase(integration)}/api/v4/groups`;
  return { id, login, avatarUrl: `${webBase(integration)}/avatars/${id}`, url: `${api}/${login}`, description };
}

export function aRepository(integration: FakeIntegration, owner: string, name: string, options: { description?: string | null; fork?: boolean } = {}): FakeRepository {
  return {
    id: numericId(),
    name,
    fullName: `${owner}/${name}`,
    url: `${webBase(integration)}/${owner}/${name}`,
    description: options.description === undefined ? null : options.description,
    fork: options.fork ?? false,
  };
}

export function aPullRequest(
  integration: FakeIntegration,
  repository: FakeRepository,
  number: number,
  title: string,
  state: 'open' | 'closed' = 'open',
): FakePullRequest {
  const gitLab = integration.scm_type.startsWith('gitlab');
  return {
    id: numericId(),
    title,
    number,
    html_url: `${repository.url}/${gitLab ? '-/merge_requests' : 'pull'}/${number}`,
    source_repo_name: repository.fullName,
    source_repo_html_url: repository.url,
    state,
  };
}

export function aKey(integration: FakeIntegration, name: string): FakeKey {
  const bytes = randomBytes(16);
  return {
    id: randomUUID(),
    name: `${integration.scm_type}-${name}`,
    content: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5${bytes.toString('base64')} ${name}`,
    fingerprint: [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(':'),
    created_at: new Date().toISOString(),
    owner: SCALINGO_OWNER,
  };
}
