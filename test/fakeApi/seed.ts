/**
 * Seeds for the fake API. `default` is small and deterministic for tests: one integration of each
 * type, the gitlab-self-hosted one without groups (its hint). `demo` is richer, for people trying
 * the extension and for screenshots.
 */
import { aKey, aRepository, anIntegration, anOrganization, type FakeIntegration } from './builders';
import type { FakeState } from './state';

interface SeedRepository {
  readonly owner: string;
  readonly name: string;
  readonly description?: string;
  readonly fork?: boolean;
  readonly pullRequests?: readonly (readonly [number, string, 'open' | 'closed'])[];
}

interface SeedIntegration {
  readonly scmType: string;
  readonly url: string;
  readonly username: string;
  readonly organizations: readonly (readonly [string, string | null])[];
  readonly repositories: readonly SeedRepository[];
  readonly keys: readonly string[];
}

function plant(state: FakeState, seed: SeedIntegration, accessToken: string | undefined): FakeIntegration {
  const integration = state.addIntegration(
    anIntegration({ scm_type: seed.scmType, url: seed.url, username: seed.username, ...(accessToken ? { access_token: accessToken } : {}) }),
  );
  for (const [login, description] of seed.organizations) state.addOrganization(integration.id, anOrganization(integration, login, description));
  for (const repository of seed.repositories) {
    const planted = state.addRepository(
      integration.id,
      aRepository(integration, repository.owner, repository.name, { description: repository.description ?? null, fork: repository.fork ?? false }),
    );
    for (const [number, title, prState] of repository.pullRequests ?? []) state.addPullRequest(integration.id, planted, number, title, prState);
  }
  for (const name of seed.keys) state.addHostKey(integration.id, aKey(integration, name));
  return integration;
}

const DEFAULT_SEED: readonly SeedIntegration[] = [
  {
    scmType: 'github',
    url: 'https://github.com',
    username: 'ada-lovelace',
    organizations: [
      ['analytical-engines', 'Machines that weave algebraic patterns'],
      ['babbage-labs', 'Difference engines, since 1822'],
    ],
    repositories: [
      {
        owner: 'ada-lovelace',
        name: 'scalingo-app',
        description: 'A Node.js app deployed on Scalingo',
        pullRequests: [
          [3, 'Add logo', 'open'],
          [8, 'Add feature', 'open'],
          [2, 'Initial setup', 'closed'],
        ],
      },
      { owner: 'ada-lovelace', name: 'notes', description: 'Notes on the Analytical Engine' },
      { owner: 'ada-lovelace', name: 'forked-lib', description: 'A fork of a library', fork: true },
      { owner: 'analytical-engines', name: 'engine-core', description: 'The mill and the store', pullRequests: [[12, 'Faster mill', 'open']] },
      { owner: 'analytical-engines', name: 'punch-cards', description: 'Card reader drivers' },
      { owner: 'babbage-labs', name: 'difference', description: 'Tables of polynomials' },
    ],
    keys: ['laptop', 'workstation'],
  },
  {
    scmType: 'gitlab',
    url: 'https://gitlab.com',
    username: 'grace-hopper',
    organizations: [
      ['cobol-crew', 'Business-oriented language team'],
      ['navy-labs', null],
    ],
    repositories: [
      { owner: 'grace-hopper', name: 'compiler', description: 'The A-0 system', pullRequests: [[5, 'Handle overflow', 'open']] },
      { owner: 'cobol-crew', name: 'ledger', description: 'Payroll in COBOL', pullRequests: [[1, 'Round half up', 'closed']] },
    ],
    keys: ['thinkpad'],
  },
  {
    scmType: 'github-enterprise',
    url: 'https://ghe.example.com',
    username: 'alan-turing',
    organizations: [['bletchley', 'Hut 8']],
    repositories: [
      { owner: 'alan-turing', name: 'morphogenesis', description: 'Reaction-diffusion patterns' },
      { owner: 'bletchley', name: 'bombe', description: 'Electromechanical search', pullRequests: [[42, 'Menu from crib', 'open']] },
    ],
    keys: [],
  },
  {
    scmType: 'gitlab-self-hosted',
    url: 'https://gitlab.example.org',
    username: 'margaret-hamilton',
    organizations: [],
    repositories: [{ owner: 'margaret-hamilton', name: 'apollo-guidance', description: 'Priority scheduling for the AGC' }],
    keys: ['apollo'],
  },
];

export function seedDefault(state: FakeState, accessToken: string | undefined): void {
  for (const seed of DEFAULT_SEED) plant(state, seed, accessToken);
}

const PROJECT_WORDS = ['api', 'web', 'worker', 'billing', 'search', 'auth', 'docs', 'mobile', 'payments', 'notifications', 'analytics', 'gateway'];
const PROJECT_KINDS = ['service', 'app', 'frontend', 'backend', 'cli', 'infra'];
const PR_TITLES = [
  'Bump dependencies',
  'Add health check endpoint',
  'Fix timezone handling in reports',
  'Deploy review apps on Scalingo',
  'Cache database connections',
  'Add French translations',
  'Upgrade to Node 22',
  'Document environment variables',
];

/** Believable, deterministic demo data: several organizations, dozens of repositories, open and closed pull requests. */
export function seedDemo(state: FakeState, accessToken: string | undefined): void {
  seedDefault(state, accessToken);
  const github = state.integrationOfType('github');
  const gitlab = state.integrationOfType('gitlab');
  const owners: [FakeIntegration, string][] = [
    [github, 'ada-lovelace'],
    [github, 'analytical-engines'],
    [github, 'babbage-labs'],
    [gitlab, 'cobol-crew'],
    [gitlab, 'navy-labs'],
  ];
  state.addOrganization(github.id, anOrganization(github, 'scalingo-community', 'Community tools around Scalingo'));
  owners.push([github, 'scalingo-community']);
  let counter = 0;
  for (const [integration, owner] of owners) {
    for (let index = 0; index < 9; index++) {
      const word = PROJECT_WORDS[(counter + index) % PROJECT_WORDS.length]!;
      const kind = PROJECT_KINDS[(counter * 3 + index) % PROJECT_KINDS.length]!;
      const repository = state.addRepository(
        integration.id,
        aRepository(integration, owner, `${word}-${kind}`, {
          description: `${word[0]!.toUpperCase()}${word.slice(1)} ${kind} of ${owner}`,
          fork: index === 8,
        }),
      );
      for (let pr = 0; pr < (counter + index) % 4; pr++) {
        state.addPullRequest(integration.id, repository, 10 + pr * 7 + index, PR_TITLES[(counter + pr + index) % PR_TITLES.length]!, pr % 3 === 2 ? 'closed' : 'open');
      }
    }
    counter += 5;
  }
}
