/**
 * Typed fixture builders: a test names only the fields that matter to it and gets a complete,
 * consistent record. Ids are derived from the identifying fields (same input, same id), so seeds
 * are deterministic without a global counter that would make ids depend on test order.
 */
import { createHash, randomBytes } from 'node:crypto';
import type {
  FakeIntegration,
  FakeOrganization,
  FakePullRequest,
  FakeRepository,
  FakeSshKey,
  FakeUser,
} from './model';

const FIXED_DATE = '2024-03-14T09:26:53.298Z';

export function aUser(overrides: Partial<FakeUser> = {}): FakeUser {
  const username = overrides.username ?? 'test-user';
  return {
    id: `us-${stableUuid(`user:${username}`)}`,
    username,
    email: `${username}@example.com`,
    ...overrides,
  };
}

/**
 * An integration; `avatar_url`, `profile_url` and `email` follow `url` and `username` unless given.
 * The default type is github-enterprise, the one a test can also link through the API.
 */
export function anIntegration(overrides: Partial<FakeIntegration> = {}): FakeIntegration {
  const scmType = overrides.scm_type ?? 'github-enterprise';
  const url = (overrides.url ?? 'https://ghe.example.com').replace(/\/+$/u, '');
  const username = overrides.username ?? 'test-user';
  const uid = overrides.uid ?? String(stableNumericId(`uid:${url}:${username}`) % 100_000);
  return {
    id: stableUuid(`integration:${scmType}:${url}:${username}`),
    scm_type: scmType,
    url,
    access_token: realisticAccessToken(scmType),
    created_at: FIXED_DATE,
    uid,
    username,
    avatar_url: avatarUrl(scmType, url, uid),
    email: `${username}@example.com`,
    profile_url: `${url}/${username}`,
    organizations: [],
    repositories: [],
    pullRequests: [],
    keys: [],
    ...overrides,
  };
}

export function anOrganization(overrides: Partial<FakeOrganization> = {}): FakeOrganization {
  const login = overrides.login ?? 'example-org';
  return { id: stableNumericId(`org:${login}`), login, description: null, ...overrides };
}

export function aRepository(overrides: Partial<FakeRepository> = {}): FakeRepository {
  const owner = overrides.owner ?? 'test-user';
  const name = overrides.name ?? 'example-repository';
  return {
    id: stableNumericId(`repo:${owner}/${name}`),
    owner,
    name,
    description: null,
    fork: false,
    branches: ['main'],
    ...overrides,
  };
}

export function aPullRequest(overrides: Partial<FakePullRequest> = {}): FakePullRequest {
  const repo = overrides.repo ?? 'test-user/example-repository';
  const number = overrides.number ?? 1;
  return {
    id: stableNumericId(`pr:${repo}#${number}`),
    number,
    title: 'Add feature',
    state: 'open',
    repo,
    sourceRepo: repo,
    ...overrides,
  };
}

/** A key whose content and fingerprint follow its name, so two named keys never collide. */
export function aKey(overrides: Partial<FakeSshKey> = {}): FakeSshKey {
  const name = overrides.name ?? 'Work laptop';
  const content = overrides.content ?? `ssh-ed25519 ${sshKeyMaterial(name)} ${name.toLowerCase().replace(/\s+/gu, '-')}`;
  return {
    id: stableUuid(`key:${content}`),
    name,
    content,
    fingerprint: md5Fingerprint(content),
    created_at: FIXED_DATE,
    ...overrides,
  };
}

/** A fresh random token in the shape the code host issues (GitLab prefixes its personal tokens). */
function realisticAccessToken(scmType: string): string {
  const hex = randomBytes(20).toString('hex');
  return scmType.startsWith('gitlab') ? `glpat-${hex.slice(0, 20)}` : hex;
}

/** Where each platform serves avatars; only the shape matters, nothing fetches them. */
export function avatarUrl(scmType: string, url: string, uid: string): string {
  if (scmType === 'github') return `https://avatars.githubusercontent.com/u/${uid}?v=4`;
  if (scmType.startsWith('gitlab')) return `${url}/uploads/-/system/user/avatar/${uid}/avatar.png`;
  return `${url}/avatars/u/${uid}?`;
}

/** A positive integer below 2^48 (a safe integer), stable for a given text. */
function stableNumericId(text: string): number {
  return Number.parseInt(sha1(text).slice(0, 12), 16);
}

/** A UUID-shaped id (version 5 layout) stable for a given text. */
function stableUuid(text: string): string {
  const hex = sha1(text);
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function sshKeyMaterial(name: string): string {
  // 32 bytes after the ed25519 header, like a real public key, derived from the name.
  const header = Buffer.from('0000000b7373682d65643235353139' + '00000020', 'hex');
  return Buffer.concat([header, createHash('sha256').update(name).digest()]).toString('base64');
}

/** The colon-separated MD5 of the key material, as Scalingo displays fingerprints. */
function md5Fingerprint(content: string): string {
  const material = Buffer.from(content.split(' ')[1] ?? content, 'base64');
  return (createHash('md5').update(material).digest('hex').match(/../gu) ?? []).join(':');
}
