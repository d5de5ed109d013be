import * as vscode from 'vscode';
import type { Integration } from '../../api/publicTypes';
import type { RemoteRepository } from '../../workspace/gitRemote';
import type { WorkspaceRemotes } from '../../workspace/workspaceRemotes';
import { ParentNode } from '../parentNode';
import type { TreeContext, TreeNode } from '../treeNode';
import { integrationWebBase } from '../webLinks';
import { IntegrationNode } from './integrationNode';
import { WorkspaceRepositoryNode } from './workspaceRepositoryNode';

/**
 * The invisible root: the signed-in account. Its children are "This workspace" rows for the open
 * folders' repositories hosted on a linked code host, then the linked integrations.
 */
export class AccountNode extends ParentNode {
  readonly id = 'account';
  protected override readonly isRoot = true;
  private integrations: Integration[] | undefined;
  /** The rows of the last listing, kept when only the shape changes so their loaded children stay. */
  private integrationNodes = new Map<string, IntegrationNode>();

  constructor(
    context: TreeContext,
    private readonly extensionUri: vscode.Uri,
    private readonly workspace: WorkspaceRemotes,
    private readonly onIntegrationsListed: (count: number) => void,
  ) {
    super(undefined, context);
  }

  getTreeItem(): vscode.TreeItem {
    return new vscode.TreeItem(this.id);
  }

  protected loadFailedLabel(reason: string): string {
    return vscode.l10n.t({ message: "Couldn't load the integrations: {0}", args: [reason], comment: ['{0} is the reason'] });
  }

  protected async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const client = await this.context.session.client();
    const integrations = await client.listIntegrations(signal);
    this.integrations = integrations;
    this.integrationNodes = new Map();
    this.onIntegrationsListed(integrations.length);
    return this.compose(integrations, await this.workspace.remotes());
  }

  /** Hidden or pinned rows changed: recompose what is loaded, without a request. */
  async reshape(): Promise<void> {
    await this.workspaceChanged();
    for (const node of this.integrationNodes.values()) node.reshape();
  }

  /** A folder's repository appeared or went: recompose from the integrations already loaded. */
  async workspaceChanged(): Promise<void> {
    if (this.integrations) this.replaceChildren(this.compose(this.integrations, await this.workspace.remotes()));
  }

  private compose(integrations: Integration[], remotes: RemoteRepository[]): TreeNode[] {
    const workspaceNodes = remotes.flatMap((remote) => {
      const integration = integrations.find((candidate) => sameHost(candidate, remote));
      const base = integration && integrationWebBase(integration);
      return integration && base ? [new WorkspaceRepositoryNode(undefined, this.context, integration, remote.fullName, base)] : [];
    });
    const integrationNodes = integrations.map((integration) => {
      const node = this.integrationNodes.get(integration.id) ?? new IntegrationNode(this.context, integration, this.extensionUri);
      this.integrationNodes.set(integration.id, node);
      return node;
    });
    return [...workspaceNodes, ...integrationNodes.filter((node) => !this.context.shape.leavesOut(node.id))];
  }
}

/** Hosts compared without ports: an ssh remote's port is not the web port of the same server. */
function sameHost(integration: Integration, remote: RemoteRepository): boolean {
  const base = integrationWebBase(integration);
  if (!base) return false;
  return new URL(base).hostname.toLowerCase() === remote.host.split(':')[0];
}
