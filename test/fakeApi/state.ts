import {
  aPullRequest,
  aRepository,
  anOrganization,
  type FakeIntegration,
  type FakeKey,
  type FakeOrganization,
  type FakePullRequest,
  type FakeRepository,
} from './builders';

/** The fake account: its integrations and, per integration, what the code host would show. */
export class FakeState {
  readonly integrations: FakeIntegration[] = [];
  private readonly organizations = new Map<string, FakeOrganization[]>();
  private readonly repositories = new Map<string, FakeRepository[]>();
  private readonly pullRequests = new Map<string, FakePullRequest[]>();
  /** Keys on the code host, not yet imported. */
  private readonly hostKeys = new Map<string, FakeKey[]>();
  /** Keys in the Scalingo account (`GET /v1/keys`). */
  readonly accountKeys: FakeKey[] = [];

  addIntegration(integration: FakeIntegration): FakeIntegration {
    this.integrations.push(integration);
    return integration;
  }

  integration(id: string): FakeIntegration | undefined {
    return this.integrations.find((integration) => integration.id === id);
  }

  integrationOfType(scmType: string): FakeIntegration {
    const found = this.integrations.find((integration) => integration.scm_type === scmType);
    if (!found) throw new Error(`no ${scmType} integration in the fake state`);
    return found;
  }

  removeIntegration(id: string): boolean {
    const index = this.integrations.findIndex((integration) => integration.id === id);
    if (index < 0) return false;
    this.integrations.splice(index, 1);
    return true;
  }

  organizationsOf(integrationId: string): FakeOrganization[] {
    return this.organizations.get(integrationId) ?? [];
  }

  addOrganization(integrationId: string, organization: FakeOrganization): FakeOrganization {
    this.organizations.set(integrationId, [...this.organizationsOf(integrationId), organization]);
    return organization;
  }

  /** `count` more organizations named org-0001…, for paging and scale tests. */
  addOrganizations(integrationId: string, count: number): void {
    const integration = this.require(integrationId);
    const start = this.organizationsOf(integrationId).length;
    for (let index = 0; index < count; index++) {
      const login = `org-${String(start + index + 1).padStart(4, '0')}`;
      this.addOrganization(integrationId, anOrganization(integration, login, `Organization number ${start + index + 1}`));
    }
  }

  repositoriesOf(integrationId: string): FakeRepository[] {
    return this.repositories.get(integrationId) ?? [];
  }

  addRepository(integrationId: string, repository: FakeRepository): FakeRepository {
    this.repositories.set(integrationId, [...this.repositoriesOf(integrationId), repository]);
    return repository;
  }

  /** `count` more repositories under `owner` named repo-0001…, for paging and scale tests. */
  addRepositories(integrationId: string, owner: string, count: number): void {
    const integration = this.require(integrationId);
    const list = this.repositories.get(integrationId) ?? [];
    for (let index = 0; index < count; index++) {
      list.push(aRepository(integration, owner, `repo-${String(index + 1).padStart(4, '0')}`, { description: `Generated repository ${index + 1}` }));
    }
    this.repositories.set(integrationId, list);
  }

  pullRequestsOf(integrationId: string, fullName: string): FakePullRequest[] {
    return this.pullRequests.get(`${integrationId}/${fullName}`) ?? [];
  }

  addPullRequest(integrationId: string, repository: FakeRepository, number: number, title: string, state: 'open' | 'closed' = 'open'): FakePullRequest {
    const pullRequest = aPullRequest(this.require(integrationId), repository, number, title, state);
    const key = `${integrationId}/${repository.fullName}`;
    this.pullRequests.set(key, [...(this.pullRequests.get(key) ?? []), pullRequest]);
    return pullRequest;
  }

  addHostKey(integrationId: string, key: FakeKey): void {
    this.hostKeys.set(integrationId, [...(this.hostKeys.get(integrationId) ?? []), key]);
  }

  /** What `import_keys` does: moves the host's keys not yet imported into the account. */
  importKeys(integrationId: string): FakeKey[] {
    const imported = new Set(this.accountKeys.map((key) => key.fingerprint));
    const fresh = (this.hostKeys.get(integrationId) ?? []).filter((key) => !imported.has(key.fingerprint));
    this.accountKeys.push(...fresh);
    return fresh;
  }

  private require(integrationId: string): FakeIntegration {
    const integration = this.integration(integrationId);
    if (!integration) throw new Error(`no integration ${integrationId} in the fake state`);
    return integration;
  }
}
