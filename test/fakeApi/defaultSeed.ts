/**
 * The small, deterministic data set unit and integration tests start from: one integration of each
 * platform, each with repositories in the user's namespace and, except gitlab-self-hosted, in
 * organizations; a fork; open and closed pull requests; keys to import. The self-hosted GitLab has
 * no groups on purpose: the tree must explain an empty list rather than show nothing.
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
} as const;

export const DEFAULT_SEED_USER = aUser({ id: 'us-fake-user', username: 'ada-lovelace', email: 'ada@example.com' });

export function defaultSeed(): FakeSeed {
  const integrations = { github: github(), gitlab: gitlab(), githubEnterprise: githubEnterprise() };
  return {
    user: DEFAULT_SEED_USER,
    integrations: [integrations.github, integrations.gitlab, integrations.githubEnterprise, gitlabSelfHosted()],
    regions: defaultRegions(integrations),
  };
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
    ],
    repositories: [
      repo('ada-lovelace', 'scalingo-app', 'A Node.js app deployed on Scalingo', ['main', 'add-logo', 'add-feature']),
      repo('ada-lovelace', 'notes', 'Notes on the Analytical Engine'),
      aRepository({ owner: 'ada-lovelace', name: 'forked-lib', description: 'A fork of a library', fork: true }),
      repo('analytical-engines', 'engine-core', 'The mill and the store', ['main', 'faster-mill']),
      repo('analytical-engines', 'punch-cards', 'Card reader drivers'),
      repo('babbage-labs', 'difference', 'Tables of polynomials'),
    ],
    pullRequests: [
      pr('ada-lovelace/scalingo-app', 8, 'Add feature', 'open'),
      pr('ada-lovelace/scalingo-app', 3, 'Add logo', 'open'),
      pr('ada-lovelace/scalingo-app', 2, 'Initial setup', 'closed'),
      pr('analytical-engines/engine-core', 12, 'Faster mill', 'open'),
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
    ],
    repositories: [
      repo('grace-hopper', 'compiler', 'The A-0 system', ['main', 'handle-overflow']),
      repo('cobol-crew', 'ledger', 'Payroll in COBOL'),
    ],
    pullRequests: [
      pr('grace-hopper/compiler', 5, 'Handle overflow', 'open'),
      pr('cobol-crew/ledger', 1, 'Round half up', 'closed'),
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
    organizations: [anOrganization({ login: 'bletchley', description: 'Hut 8' })],
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
    url: 'https://gitlab.example.org',
    username: 'margaret-hamilton',
    uid: '42',
    created_at: '2019-08-12T11:59:37.298Z',
    organizations: [],
    repositories: [repo('margaret-hamilton', 'apollo-guidance', 'Priority scheduling for the AGC')],
    pullRequests: [],
    keys: [aKey({ name: 'apollo' })],
  });
}

function repo(owner: string, name: string, description: string, branches = ['main']): FakeRepository {
  return aRepository({ owner, name, description, branches });
}

function pr(repo: string, number: number, title: string, state: FakePullRequestState) {
  return aPullRequest({ repo, number, title, state });
}
