/**
 * What the fake remembers: the Scalingo account and, for each linked integration, what the code
 * host holds (organizations, repositories, pull requests, SSH keys). Records keep only what cannot
 * be derived; URLs, avatars and owners are computed when a response is written (see wireFormat.ts),
 * so a test builds a repository with an owner and a name and gets consistent URLs for free.
 */

/** The Scalingo account every API token of the fake belongs to. */
export interface FakeUser {
  id: string;
  username: string;
  email: string;
}

/** One linked code-host account; the arrays after `profile_url` never go on the wire as such. */
export interface FakeIntegration {
  id: string;
  /** A string, not a union: tests may add a platform the client does not know yet. */
  scm_type: string;
  /** Origin (and path) of the code host, without a trailing slash. */
  url: string;
  /** The user's secret on the code host. list and show return it, as the real API does. */
  access_token: string;
  created_at: string;
  uid: string;
  username: string;
  avatar_url: string;
  email: string;
  profile_url: string;
  organizations: FakeOrganization[];
  repositories: FakeRepository[];
  pullRequests: FakePullRequest[];
  /** Keys registered on the code host, candidates for import_keys. */
  keys: FakeSshKey[];
  /**
   * Damaged data, as list and show send it: fields replaced (`url: null`) or left out (`id`). The
   * record itself stays whole, so the fake's own routes still find it.
   */
  damage?: { readonly set?: Readonly<Record<string, unknown>>; readonly omit?: readonly string[] };
}

export interface FakeOrganization {
  id: number;
  /** What the code host shows: GitHub's display name can differ from the path ("Another Organization"). */
  login: string;
  /** The namespace in URLs and `user:` (GitHub's org path, GitLab's full group path); defaults to `login`. */
  path?: string;
  /** Overrides the API URL the answer carries; `null` sends `"url": null` (damaged data). */
  url?: string | null;
  description: string | null;
}

export interface FakeRepository {
  id: number;
  /** The namespace path: a user's login, a GitHub organization's path, a GitLab group's full path. */
  owner: string;
  name: string;
  description: string | null;
  /** Only the search filters on it (`fork:true`); responses do not carry it. */
  fork: boolean;
  branches: string[];
}

export type FakePullRequestState = 'open' | 'closed';

export interface FakePullRequest {
  id: number;
  number: number;
  title: string;
  state: FakePullRequestState;
  /** `owner/name` of the repository the pull request targets (what `repo:` filters on). */
  repo: string;
  /** `owner/name` of the repository the changes come from; a fork for outside contributions. */
  sourceRepo: string;
}

/** An SSH key, on the code host (before import) or on the Scalingo account (after). */
export interface FakeSshKey {
  id: string;
  name: string;
  content: string;
  fingerprint: string;
  created_at: string;
}
