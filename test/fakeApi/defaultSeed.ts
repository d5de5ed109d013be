/**
 * The small, deterministic data set unit and integration tests start from: one integration of each
 * platform, each with repositories in the user's namespace and, except gitlab-self-hosted, in
 * organizations; a fork; open and closed pull requests; keys to import. The self-hosted GitLab has
 * no groups on purpose: the tree must explain an empty list rather than show nothing.
 * Real accounts' awkward shapes are here too, not special-cased per test: a GitHub organization whose
 * display name is not its path (the published reference's own "Another Organization" / another-org),
 * GitLab nested groups (platform/backend/orders-api), an organization Scalingo sends with a name full
 * of spaces and no URL (nothing to search it by), a self-hosted GitLab under a path prefix, and two
 * damaged integrations at the end of the list.
 * The integration tests name what is here (ada-lovelace/scalingo-app #8, babbage-labs/difference,
 * github-laptop…): change it together with them.
 */
import { aKey, aPullRequest, aRepository, aUser, anIntegration, anOrganization } from './builders';
import type { FakeIntegration, FakePullRequestState, FakeRepository } from './model';
import { defaultRegions } from './regional/defaultRegions';
import type { FakeSeed } from './seed';

export const DEFAULT_SEED_IDS = {
  github: '3f9d1c52-7a4e-4b8e-9c61-0d2f5a7b8e14',
  gitlab: 'c2e7a9b0-5d31-4f6c-8a2e-91b4d6f0e3a7',
  githubEnterprise: '70bf275e-e0ee-483e-9e5c-21e5bb2e877c',
  gitlabSelfHosted: '5bb2e877-9e5c-a83f-8e0e-7c75eebf212c',
  damagedUrl: 'd4a1e5c0-0b1e-4c2d-9a7f-3e8b6c1d2f90',
  damagedId: 'e7b2f6d1-1c2f-4d3e-8b9a-4f9c7d2e3a01',
} as const;

export const DEFAULT_SEED_USER = aUser({ id: 'us-fake-user', username: 'ada-lovelace', email: 'ada@example.com' });

export function defaultSeed(): FakeSeed {
  const integrations = { github: github(), gitlab: gitlab(), githubEnterprise: githubEnterprise() };
  return {
    user: DEFAULT_SEED_USER,
    integrations: [integrations.github, integrations.gitlab, integrations.githubEnterprise, gitlabSelfHosted(), ...damaged()],
    regions: defaultRegions(integrations),
  };
}

/**
 * Two integrations as a real list may carry them after a bug or a migration on Scalingo's side:
 * one with `url: null`, one without an `id`. Last in the list, so `integrationOfType()` finds the
 * healthy ones; each must become an error row of its own while the others work.
 */
function damaged(): FakeIntegration[] {
  return [
    anIntegration({ id: DEFAULT_SEED_IDS.damagedUrl, scm_type: 'gitlab-self-hosted', url: 'https://git.broken.example', username: 'katherine-johnson', damage: { set: { url: null } } }),
    anIntegration({ id: DEFAULT_SEED_IDS.damagedId, scm_type: 'github-enterprise', url: 'https://ghe.broken.example', username: 'dorothy-vaughan', damage: { omit: ['id'] } }),
  ];
}

function github(): FakeIntegration {
  return anIntegration({
    id: DEFAULT_SEED_IDS.github,
    scm_type: 'github',
    url: 'https://github.com',
    username: 'ada-lovelace',
    uid: '1815',
    created_at: '2023-01-09T10:12:00.000Z',
    organizations: [
      anOrganization({ login: 'analytical-engines', description: 'Machines that weave algebraic patterns' }),
      anOrganization({ login: 'babbage-labs', description: 'Difference engines, since 1822' }),
      anOrganization({ login: 'Another Organization', path: 'another-org', description: 'This is an another Organization.' }),
    ],
    repositories: [
      repo('ada-lovelace', 'scalingo-app', 'A Node.js app deployed on Scalingo', ['main', 'add-logo', 'add-feature']),
      repo('ada-lovelace', 'notes', 'Notes on the Analytical Engine'),
      aRepository({ owner: 'ada-lovelace', name: 'forked-lib', description: 'A fork of a library', fork: true }),
      repo('analytical-engines', 'engine-core', 'The mill and the store', ['main', 'faster-mill']),
      repo('analytical-engines', 'punch-cards', 'Card reader drivers'),
      repo('babbage-labs', 'difference', 'Tables of polynomials'),
      repo('another-org', 'website', 'The organization whose name is not its path'),
    ],
    pullRequests: [
      pr('ada-lovelace/scalingo-app', 8, 'Add feature', 'open'),
      pr('ada-lovelace/scalingo-app', 3, 'Add logo', 'open'),
      pr('ada-lovelace/scalingo-app', 2, 'Initial setup', 'closed'),
      pr('analytical-engines/engine-core', 12, 'Faster mill', 'open'),
      pr('another-org/website', 4, 'New front page', 'open'),
      // From a fork: a review app would run its code with the app's environment.
      aPullRequest({ repo: 'analytical-engines/engine-core', number: 13, title: 'Lighter mill', sourceRepo: 'charles-babbage/engine-core' }),
    ],
    keys: [aKey({ name: 'laptop' }), aKey({ name: 'workstation' })],
  });
}

function gitlab(): FakeIntegration {
  return anIntegration({
    id: DEFAULT_SEED_IDS.gitlab,
    scm_type: 'gitlab',
    url: 'https://gitlab.com',
    username: 'grace-hopper',
    uid: '1906',
    created_at: '2023-02-17T08:30:00.000Z',
    organizations: [
      anOrganization({ login: 'cobol-crew', description: 'Business-oriented language team' }),
      anOrganization({ login: 'navy-labs', description: null }),
      // GitLab lists subgroups as groups of their own, by full path.
      anOrganization({ login: 'platform', description: 'Platform team' }),
      anOrganization({ login: 'platform/backend', description: 'Backend services' }),
    ],
    repositories: [
      repo('grace-hopper', 'compiler', 'The A-0 system', ['main', 'handle-overflow']),
      repo('cobol-crew', 'ledger', 'Payroll in COBOL'),
      repo('platform', 'infra', 'Terraform for every environment'),
      repo('platform/backend', 'orders-api', 'Orders, in a subgroup'),
    ],
    pullRequests: [
      pr('grace-hopper/compiler', 5, 'Handle overflow', 'open'),
      pr('cobol-crew/ledger', 1, 'Round half up', 'closed'),
      pr('platform/backend/orders-api', 7, 'Idempotent order creation', 'open'),
    ],
    keys: [aKey({ name: 'thinkpad' })],
  });
}

function githubEnterprise(): FakeIntegration {
  return anIntegration({
    id: DEFAULT_SEED_IDS.githubEnterprise,
    scm_type: 'github-enterprise',
    url: 'https://ghe.example.com',
    username: 'alan-turing',
    uid: '8',
    created_at: '2019-08-12T11:59:37.298Z',
    organizations: [
      anOrganization({ login: 'bletchley', description: 'Hut 8' }),
      // Damaged data: no URL to take a path from, and a name that cannot be one.
      anOrganization({ login: 'Research Lab', url: null, description: null }),
    ],
    repositories: [
      repo('alan-turing', 'morphogenesis', 'Reaction-diffusion patterns'),
      repo('bletchley', 'bombe', 'Electromechanical search', ['main', 'menu-from-crib']),
    ],
    pullRequests: [pr('bletchley/bombe', 42, 'Menu from crib', 'open')],
    keys: [],
  });
}

function gitlabSelfHosted(): FakeIntegration {
  return anIntegration({
    id: DEFAULT_SEED_IDS.gitlabSelfHosted,
    scm_type: 'gitlab-self-hosted',
    // Installed under a path, as self-hosted GitLab and GitHub Enterprise often are.
    url: 'https://code.example.org/gitlab',
    username: 'margaret-hamilton',
    uid: '42',
    created_at: '2019-08-12T11:59:37.298Z',
    organizations: [],
    repositories: [
      repo('margaret-hamilton', 'apollo-guidance', 'Priority scheduling for the AGC'),
      repo('margaret-hamilton', 'priority-displays', 'Alarm displays for the astronauts'),
    ],
    pullRequests: [pr('margaret-hamilton/apollo-guidance', 3, 'Restart on overload', 'open')],
    keys: [aKey({ name: 'apollo' })],
  });
}

function repo(owner: string, name: string, description: string, branches = ['main']): FakeRepository {
  return aRepository({ owner, name, description, branches });
}

function pr(repo: string, number: number, title: string, state: FakePullRequestState) {
  return aPullRequest({ repo, number, title, state });
}
