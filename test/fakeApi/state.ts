/**
 * The fake's in-memory account. Handlers read and change it; tests reach it through
 * `api.state` to arrange what a scenario needs (5,000 repositories, 200 organizations…) or to
 * check what a request changed.
 */
import { randomUUID } from 'node:crypto';
import { aRepository, anIntegration, anOrganization, aKey, avatarUrl } from './builders';
import type { FakeIntegration, FakeOrganization, FakeRepository, FakeSshKey, FakeUser } from './model';
import { FakeRegionalState } from './regional/state';
import type { FakeSeed } from './seed';

/** What the link route accepted, already validated. */
export interface LinkRequest {
  scm_type: string;
  url: string;
  access_token: string;
}

export class FakeScalingoState {
  readonly user: FakeUser;
  private readonly linked: FakeIntegration[];
  private readonly accountKeys: FakeSshKey[];
  /** The regions' apps, links, deployments and review apps. */
  readonly regional: FakeRegionalState;

  constructor(seed: FakeSeed, clock: () => number = Date.now, deploymentStepMs = 1000) {
    // A copy: a seed object shared between tests must not carry one test's changes into the next.
    const copy = structuredClone(seed);
    this.user = copy.user;
    this.linked = [...copy.integrations];
    this.accountKeys = [...(copy.keys ?? [])];
    this.regional = new FakeRegionalState(copy.regions ?? [], clock, deploymentStepMs);
  }

  get integrations(): readonly FakeIntegration[] {
    return this.linked;
  }

  /** The SSH keys of the Scalingo account (`GET /v1/keys`), imported or not. */
  get keys(): readonly FakeSshKey[] {
    return this.accountKeys;
  }

  integration(id: string): FakeIntegration | undefined {
    return this.linked.find((integration) => integration.id === id);
  }

  /** For tests: the first integration of that platform, or a clear failure. */
  integrationOfType(scmType: string): FakeIntegration {
    const found = this.linked.find((integration) => integration.scm_type === scmType);
    if (!found) throw new Error(`The fake API has no ${scmType} integration.`);
    return found;
  }

  findLinked(scmType: string, url: string): FakeIntegration | undefined {
    return this.linked.find(
      (integration) => integration.scm_type === scmType && integration.url.toLowerCase() === url.toLowerCase(),
    );
  }

  addIntegration(integration: FakeIntegration): FakeIntegration {
    if (this.integration(integration.id)) throw new Error(`The fake API already has integration ${integration.id}.`);
    this.linked.push(integration);
    return integration;
  }

  removeIntegration(id: string): boolean {
    const index = this.linked.findIndex((integration) => integration.id === id);
    if (index < 0) return false;
    this.linked.splice(index, 1);
    return true;
  }

  /**
   * Links a code-host account as the real service does after checking the token with the host.
   * The new account holds a little content so a freshly linked node has something to expand.
   */
  link(request: LinkRequest, createdAt: string): FakeIntegration {
    const username = this.user.username;
    const uid = String(Math.floor(Math.random() * 100_000));
    const integration = anIntegration({
      id: randomUUID(),
      scm_type: request.scm_type,
      url: request.url,
      access_token: request.access_token,
      created_at: createdAt,
      uid,
      username,
      avatar_url: avatarUrl(request.scm_type, request.url, uid),
      email: this.user.email,
      profile_url: `${request.url}/${username}`,
      repositories: [
        aRepository({ owner: username, name: 'hello-scalingo', description: 'Sample app deployed on Scalingo' }),
        aRepository({ owner: username, name: 'dotfiles', description: null }),
      ],
      keys: [aKey({ name: `${username} workstation` })],
    });
    return this.addIntegration(integration);
  }

  /**
   * Copies onto the account the integration's keys not imported yet (same fingerprint = same key)
   * and returns them: a second import returns nothing.
   */
  importKeys(integration: FakeIntegration, importedAt: string): FakeSshKey[] {
    const known = new Set(this.accountKeys.map((key) => key.fingerprint));
    const imported = integration.keys
      .filter((key) => !known.has(key.fingerprint))
      .map((key) => ({ ...key, id: randomUUID(), name: `${integration.scm_type}-${key.name}`, created_at: importedAt }));
    this.accountKeys.push(...imported);
    return imported;
  }

  /** Adds `count` organizations named `<prefix>-0001`…, for scale tests. */
  addOrganizations(integrationId: string, count: number, prefix = 'generated-org'): FakeOrganization[] {
    const integration = this.required(integrationId);
    const start = integration.organizations.length;
    const added = Array.from({ length: count }, (_, index) =>
      anOrganization({ login: `${prefix}-${pad(start + index + 1)}`, description: `Generated organization ${start + index + 1}` }),
    );
    integration.organizations.push(...added);
    return added;
  }

  /** Adds `count` repositories named `repo-0001`… under `owner`, for scale tests. */
  addRepositories(integrationId: string, owner: string, count: number): FakeRepository[] {
    const integration = this.required(integrationId);
    const start = integration.repositories.filter((repository) => repository.owner === owner).length;
    const added = Array.from({ length: count }, (_, index) =>
      aRepository({ owner, name: `repo-${pad(start + index + 1)}`, description: `Generated repository ${start + index + 1}` }),
    );
    integration.repositories.push(...added);
    return added;
  }

  private required(id: string): FakeIntegration {
    const integration = this.integration(id);
    if (!integration) throw new Error(`The fake API has no integration ${id}.`);
    return integration;
  }
}

function pad(value: number): string {
  return String(value).padStart(4, '0');
}
