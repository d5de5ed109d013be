import * as vscode from 'vscode';
import type { Integration, RegionalClient, RepoLink } from '../api/publicTypes';
import type { ScalingoSession } from '../auth/session';
import type { AppLinkIndexes, LinkedApp } from '../tree/appLinkIndex';
import { AppLinkNode } from '../tree/nodes/appLinkNode';
import type { TreeNode } from '../tree/treeNode';
import { webUrl } from '../util/urls';

/** An app linked to a repository, as a command acts on it: from its row, or picked in the palette. */
export interface AppTarget {
  readonly region: RegionalClient;
  readonly appName: string;
  readonly link: RepoLink;
  readonly integration: Integration;
  /** `owner/name` of the repository it deploys from. */
  readonly repositoryFullName: string;
  readonly appUrl: string | undefined;
  /** The row it came from, refreshed after a change; undefined from the palette. */
  readonly node: AppLinkNode | undefined;
}

export function targetOfNode(node: AppLinkNode): AppTarget {
  return {
    region: node.linked.region,
    appName: node.appName,
    link: node.linked.link,
    integration: node.integration,
    repositoryFullName: node.repositoryFullName,
    appUrl: node.webUrl,
    node,
  };
}

function targetOfLinked(integration: Integration, linked: LinkedApp): AppTarget {
  return {
    region: linked.region,
    appName: linked.appName,
    link: linked.link,
    integration,
    repositoryFullName: `${linked.link.owner}/${linked.link.repo}`,
    appUrl: webUrl(linked.app?.url),
    node: undefined,
  };
}

/** The row's app, or (from the palette) an app picked among every app linked through any integration. */
export async function appTargetOf(
  node: unknown,
  session: ScalingoSession,
  appLinks: AppLinkIndexes,
  placeHolder: string,
): Promise<AppTarget | undefined> {
  if (node instanceof AppLinkNode) return targetOfNode(node);
  const client = await session.client();
  const targets = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading Scalingo apps…') },
    async () => {
      const integrations = await client.listIntegrations(session.signal);
      const indexes = await Promise.all(integrations.map(async (integration) => ({ integration, index: await appLinks.forIntegration(integration.id) })));
      return indexes.flatMap(({ integration, index }) => index.all.map((linked) => targetOfLinked(integration, linked)));
    },
  );
  if (targets.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No Scalingo app is linked to a repository yet. Link one from a repository in the Scalingo view.'),
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    targets.map((target) => ({
      label: `$(rocket) ${target.appName}`,
      description: `${target.region.name} · ${target.repositoryFullName}@${target.link.branch ?? ''}`,
      target,
    })),
    { placeHolder, matchOnDescription: true },
  );
  return picked?.target;
}

/** The repository row an app row sits under, to redraw after a change. */
export function repositoryRowOf(target: AppTarget): TreeNode | undefined {
  return target.node?.parent;
}
