/**
 * A believable account for demos, screenshots and benchmarks: the default seed's people with
 * several organizations each, dozens of repositories and open and closed pull requests. As in the
 * default seed, the self-hosted GitLab has no groups, so the UI shows its hint, and the awkward shapes
 * of real accounts are here: an organization whose display name is not its path, GitLab subgroups. Deterministic:
 * same names, ids and pull requests on every run (the screenshots expand GitHub → ada-lovelace →
 * scalingo-app and GitLab → grace-hopper → compiler).
 */
import { aKey, aPullRequest, aRepository, anIntegration, anOrganization } from './builders';
import { DEFAULT_SEED_USER } from './defaultSeed';
import type { FakeIntegration, FakeOrganization, FakePullRequest, FakePullRequestState, FakeRepository } from './model';
import { demoRegions } from './regional/demoRegions';
import type { FakeSeed } from './seed';

interface Namespace {
  /** The namespace path (a GitLab subgroup's is `group/subgroup`). */
  readonly owner: string;
  /** An organization's display name when it is not its path, as GitHub allows. */
  readonly displayName?: string;
  /** The organization's description; absent for the user's own namespace. */
  readonly organization?: string | null;
  readonly repositories: readonly RepositorySpec[];
}

interface RepositorySpec {
  readonly name: string;
  readonly description: string | null;
  readonly fork?: boolean;
  /** Hand-written pull requests for the repositories a demo opens; others get generated ones. */
  readonly pullRequests?: readonly (readonly [number, string, FakePullRequestState])[];
}

const PULL_REQUEST_TITLES = [
  'Add dark mode',
  'Fix N+1 query on the dashboard',
  'Bump express from 4.19.2 to 4.21.1',
  'Upgrade to Node 22',
  'Add CSV export',
  'Improve accessibility of the sign-up form',
  'Cache API responses for five minutes',
  'Translate onboarding to French',
  'Refactor authentication middleware',
  'Add a health check endpoint',
  'Remove deprecated v1 endpoints',
  'Deploy review apps on Scalingo',
  'Fix timezone of scheduled reports',
  'Document environment variables',
];

const GITHUB: readonly Namespace[] = [
  {
    owner: 'ada-lovelace',
    repositories: [
      {
        name: 'scalingo-app',
        description: 'A Node.js app deployed on Scalingo',
        pullRequests: [
          [8, 'Add feature', 'open'],
          [7, 'Deploy review apps on Scalingo', 'open'],
          [3, 'Add logo', 'open'],
          [2, 'Initial setup', 'closed'],
        ],
      },
      { name: 'notes', description: 'Notes on the Analytical Engine' },
      { name: 'note-g', description: 'The first published algorithm (Bernoulli numbers), ported to Rust' },
      { name: 'poetical-science', description: 'Personal blog, built with Eleventy' },
      { name: 'dotfiles', description: 'zsh, tmux and Neovim configuration' },
      { name: 'rails', description: 'Ruby on Rails', fork: true },
      { name: 'scalingo-cli', description: 'Command line client for Scalingo', fork: true },
    ],
  },
  {
    owner: 'analytical-engines',
    organization: 'Machines that weave algebraic patterns',
    repositories: [
      { name: 'engine-core', description: 'The mill and the store' },
      { name: 'punch-cards', description: 'Card reader drivers' },
      { name: 'mill-simulator', description: 'Cycle-accurate simulator of the mill, in the browser' },
      { name: 'store-api', description: 'REST API over the thousand-number store' },
      { name: 'jacquard-loom-driver', description: null },
      { name: 'docs', description: 'Operator manual and architecture notes' },
    ],
  },
  {
    owner: 'babbage-labs',
    organization: 'Difference engines, since 1822',
    repositories: [
      { name: 'difference', description: 'Tables of polynomials' },
      { name: 'difference-engine-web', description: 'Web front end for ordering printed tables' },
      { name: 'tables-api', description: 'Logarithm and trigonometric tables as an API' },
      { name: 'polynomial-solver', description: 'Method of finite differences, step by step' },
      { name: 'printing-press', description: 'Stereotype mould generation for the printer' },
    ],
  },
  {
    owner: 'scalingo-community',
    organization: 'Community tools around Scalingo',
    repositories: [
      { name: 'review-apps-action', description: 'GitHub Action that comments the review app URL on pull requests' },
      { name: 'terraform-modules', description: 'Terraform modules for Scalingo apps and addons' },
      { name: 'buildpack-examples', description: 'Sample apps for every Scalingo buildpack' },
      { name: 'status-page', description: 'A status page for your Scalingo apps' },
      { name: 'scalingo-api-client-py', description: 'Python client for the Scalingo API' },
    ],
  },
  {
    owner: 'women-in-computing',
    displayName: 'Women in Computing',
    organization: 'A display name that is not the path',
    repositories: [
      { name: 'mentoring', description: 'Pairs mentors and students' },
      { name: 'conference-site', description: 'The yearly conference' },
    ],
  },
  {
    owner: 'lovelace-foundation',
    organization: 'Grants for women in computing',
    repositories: [
      { name: 'grants-portal', description: 'Apply for a grant, follow your application' },
      { name: 'website', description: 'The foundation website' },
      { name: 'donations-api', description: 'Donations and receipts (Stripe)' },
      { name: 'newsletter', description: null },
    ],
  },
];

const GITLAB: readonly Namespace[] = [
  {
    owner: 'grace-hopper',
    repositories: [
      {
        name: 'compiler',
        description: 'The A-0 system',
        pullRequests: [
          [5, 'Handle overflow', 'open'],
          [4, 'Add subroutine library', 'open'],
          [1, 'First working compile', 'closed'],
        ],
      },
      { name: 'flow-matic', description: 'FLOW-MATIC interpreter: data processing in English words' },
      { name: 'nanoseconds', description: 'Visualising a nanosecond: 30 cm of wire' },
      { name: 'dotfiles', description: null },
      { name: 'gitlab-runner', description: 'GitLab Runner', fork: true },
    ],
  },
  {
    owner: 'cobol-crew',
    organization: 'Business-oriented language team',
    repositories: [
      { name: 'ledger', description: 'Payroll in COBOL' },
      { name: 'payroll-batch', description: 'Nightly payroll batch, now on Scalingo' },
      { name: 'report-generator', description: 'Monthly reports as PDF' },
      { name: 'copybook-parser', description: 'Parses COBOL copybooks into JSON schemas' },
    ],
  },
  {
    owner: 'platform',
    organization: 'Platform team',
    repositories: [{ name: 'infra', description: 'Terraform for every environment' }],
  },
  {
    owner: 'platform/backend',
    organization: 'Backend services, a subgroup',
    repositories: [
      { name: 'orders-api', description: 'Orders, in a subgroup' },
      { name: 'billing-worker', description: 'Invoices every night' },
    ],
  },
  {
    owner: 'navy-labs',
    organization: null,
    repositories: [
      { name: 'fleet-logistics', description: 'Supply planning for the fleet' },
      { name: 'mark-i-emulator', description: 'Harvard Mark I emulator' },
      { name: 'bug-tracker', description: 'First actual case of bug being found' },
    ],
  },
];

const GITHUB_ENTERPRISE: readonly Namespace[] = [
  {
    owner: 'alan-turing',
    repositories: [
      { name: 'morphogenesis', description: 'Reaction-diffusion patterns' },
      { name: 'computable-numbers', description: 'On computable numbers, with an application to the Entscheidungsproblem' },
      { name: 'imitation-game', description: 'A chatbot for the imitation game' },
    ],
  },
  {
    owner: 'bletchley',
    organization: 'Hut 8',
    repositories: [
      { name: 'bombe', description: 'Electromechanical search' },
      { name: 'colossus-scheduler', description: 'Job scheduler for the Colossus machines' },
      { name: 'enigma-simulator', description: null },
    ],
  },
  {
    owner: 'national-physical-lab',
    organization: 'Automatic Computing Engine project',
    repositories: [
      { name: 'ace-pilot', description: 'Pilot ACE instruction set and assembler' },
      { name: 'delay-line-memory', description: 'Mercury delay line memory model' },
    ],
  },
];

const GITLAB_SELF_HOSTED: readonly Namespace[] = [
  {
    owner: 'margaret-hamilton',
    repositories: [
      { name: 'apollo-guidance', description: 'Priority scheduling for the AGC' },
      { name: 'priority-displays', description: 'Alarm displays for the astronauts' },
      { name: 'universal-systems-language', description: 'Specification language and tooling' },
      { name: 'software-engineering-notes', description: null },
    ],
  },
];

export function demoSeed(): FakeSeed {
  const integrations = [
    integration('github', 'https://github.com', 'ada-lovelace', '1815', GITHUB, ['laptop', 'workstation']),
    integration('gitlab', 'https://gitlab.com', 'grace-hopper', '1906', GITLAB, ['thinkpad']),
    integration('github-enterprise', 'https://ghe.example.com', 'alan-turing', '8', GITHUB_ENTERPRISE, []),
    integration('gitlab-self-hosted', 'https://code.example.org/gitlab', 'margaret-hamilton', '42', GITLAB_SELF_HOSTED, ['apollo']),
  ];
  return {
    user: DEFAULT_SEED_USER,
    integrations,
    regions: demoRegions(integrations),
    // Imported earlier from GitHub: a new import brings only the workstation key.
    keys: [{ ...aKey({ name: 'laptop' }), name: 'github-laptop' }],
  };
}

function integration(
  scmType: string,
  url: string,
  username: string,
  uid: string,
  namespaces: readonly Namespace[],
  keyNames: readonly string[],
): FakeIntegration {
  const repositories: FakeRepository[] = [];
  const pullRequests: FakePullRequest[] = [];
  for (const namespace of namespaces) {
    for (const spec of namespace.repositories) {
      const repository = aRepository({ owner: namespace.owner, name: spec.name, description: spec.description, fork: spec.fork ?? false });
      const pulls = spec.fork ? [] : pullRequestsOf(repository, spec);
      repository.branches = ['main', ...pulls.filter((pull) => pull.state === 'open').map((pull) => branchName(pull.title))];
      repositories.push(repository);
      pullRequests.push(...pulls);
    }
  }
  return anIntegration({
    scm_type: scmType,
    url,
    username,
    uid,
    created_at: '2024-01-15T14:03:27.000Z',
    organizations: namespaces.flatMap(organizationOf),
    repositories,
    pullRequests,
    keys: keyNames.map((name) => aKey({ name })),
  });
}

function organizationOf(namespace: Namespace): FakeOrganization[] {
  return namespace.organization === undefined
    ? []
    : [anOrganization({ login: namespace.displayName ?? namespace.owner, path: namespace.owner, description: namespace.organization })];
}

/**
 * The hand-written ones, or zero to three picked by the repository's id, so the spread looks
 * irregular yet never changes: the newest open, the oldest closed when there are several.
 */
function pullRequestsOf(repository: FakeRepository, spec: RepositorySpec): FakePullRequest[] {
  const repo = `${repository.owner}/${repository.name}`;
  if (spec.pullRequests) {
    return spec.pullRequests.map(([number, title, state]) => aPullRequest({ repo, number, title, state }));
  }
  const count = repository.id % 4;
  const newest = 10 + (repository.id % 90);
  return Array.from({ length: count }, (_, index) =>
    aPullRequest({
      repo,
      number: newest - index,
      title: PULL_REQUEST_TITLES[(repository.id + index) % PULL_REQUEST_TITLES.length] ?? 'Update dependencies',
      state: count > 1 && index === count - 1 ? 'closed' : 'open',
    }),
  );
}

function branchName(title: string): string {
  return `feature/${title.toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '')}`;
}
