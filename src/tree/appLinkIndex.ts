import type { ScalingoClient } from '../api/client';
import type { RegionalClient, RepoLink, ScalingoApp } from '../api/publicTypes';
import { linkRepositoryKey, repositoryKey } from '../api/regional/repositoryKey';
import type { TreeNode } from './treeNode';

/** One app linked to a repository: where it lives, its link's settings, and the app itself. */
export interface LinkedApp {
  readonly region: RegionalClient;
  readonly link: RepoLink;
  readonly appName: string;
  /** From the region's app list; undefined when the list does not hold the app (a collaborator's). */
  readonly app: ScalingoApp | undefined;
}

/** A region whose apps or links could not be read: its apps are missing, the others are shown. */
export interface RegionFailure {
  readonly regionName: string;
  readonly error: unknown;
}

/** The links of one integration, in every region, by repository. */
export interface IntegrationAppIndex {
  appsOf(repositoryWebUrl: string | undefined): LinkedApp[];
  readonly all: readonly LinkedApp[];
  readonly failures: readonly RegionFailure[];
  /** An app of any region by name (review apps are apps too), for its public URL. */
  appNamed(regionName: string, appName: string): ScalingoApp | undefined;
}

/**
 * Which Scalingo apps deploy from which repository. There is no route from a repository to its
 * apps, so for each integration and region it lists the links (filtered by integration) and the
 * apps (shared by every integration), and matches them by repository URL: at most 2 requests per
 * region per integration, whatever the number of repositories, loaded once and shared by every
 * repository row until the tree is refreshed.
 */
export class AppLinkIndexes {
  private readonly apps = new Map<string, Promise<ScalingoApp[]>>();
  private readonly indexes = new Map<string, Promise<IntegrationAppIndex>>();
  /** The rows drawn from each integration's index, to redraw when one of its links changes. */
  private readonly rows = new Map<string, Set<TreeNode>>();

  constructor(
    private readonly client: () => Promise<ScalingoClient>,
    private readonly signal: () => AbortSignal,
  ) {}

  forIntegration(integrationId: string): Promise<IntegrationAppIndex> {
    let index = this.indexes.get(integrationId);
    if (!index) {
      index = this.load(integrationId);
      this.indexes.set(integrationId, index);
      // A failure is not kept: the Retry on the error row asks again.
      index.catch(() => {
        if (this.indexes.get(integrationId) === index) this.indexes.delete(integrationId);
      });
    }
    return index;
  }

  /** After a link changed (or on a repository's refresh): that integration's links and the apps reload. */
  invalidate(integrationId: string): void {
    this.indexes.delete(integrationId);
    this.apps.clear();
  }

  clear(): void {
    this.indexes.clear();
    this.apps.clear();
    this.rows.clear();
  }

  /** Remembers that `row` shows apps of this integration. */
  drawnBy(integrationId: string, row: TreeNode): void {
    const rows = this.rows.get(integrationId) ?? new Set<TreeNode>();
    rows.add(row);
    this.rows.set(integrationId, rows);
  }

  /** Every row that shows apps of this integration (a repository can sit under two parents). */
  rowsOf(integrationId: string): TreeNode[] {
    return [...(this.rows.get(integrationId) ?? [])];
  }

  private async load(integrationId: string): Promise<IntegrationAppIndex> {
    const client = await this.client();
    const signal = this.signal();
    const regions = await client.regions(signal);
    const results = await Promise.all(
      regions.map(async (region) => {
        try {
          const [links, apps] = await Promise.all([region.listRepoLinks(integrationId, signal), this.appsOf(region, signal)]);
          return { region, links, apps };
        } catch (error) {
          return { region, error };
        }
      }),
    );
    const byRepository = new Map<string, LinkedApp[]>();
    const all: LinkedApp[] = [];
    const failures: RegionFailure[] = [];
    const appsByRegion = new Map<string, ScalingoApp[]>();
    for (const result of results) {
      if ('error' in result) {
        failures.push({ regionName: result.region.name, error: result.error });
        continue;
      }
      appsByRegion.set(result.region.name, result.apps);
      for (const link of result.links) {
        const app = result.apps.find((candidate) => candidate.id === link.appId);
        const linked: LinkedApp = { region: result.region, link, appName: app?.name ?? link.appId, app };
        all.push(linked);
        const key = linkRepositoryKey(link);
        if (key) byRepository.set(key, [...(byRepository.get(key) ?? []), linked]);
      }
    }
    return {
      all,
      failures,
      appsOf: (url) => {
        const key = url && repositoryKey(url);
        return (key && byRepository.get(key)) || [];
      },
      appNamed: (regionName, appName) => appsByRegion.get(regionName)?.find((app) => app.name === appName),
    };
  }

  private appsOf(region: RegionalClient, signal: AbortSignal): Promise<ScalingoApp[]> {
    let apps = this.apps.get(region.name);
    if (!apps) {
      apps = region.listApps(signal);
      this.apps.set(region.name, apps);
      apps.catch(() => {
        if (this.apps.get(region.name) === apps) this.apps.delete(region.name);
      });
    }
    return apps;
  }
}
