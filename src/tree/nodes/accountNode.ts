import * as vscode from 'vscode';
import type { Integration } from '../../api/publicTypes';
import type { RemoteRepository } from '../../workspace/gitRemote';
import { matchRemote } from '../../workspace/remoteMatch';
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
    this.onIntegrationsListed(integrations.length);
    return this.compose(integrations, await this.workspace.remotes());
  }

  /** A folder's repository appeared or went: recompose from the integrations already loaded. */
  async workspaceChanged(): Promise<void> {
    if (this.integrations) this.replaceChildren(this.compose(this.integrations, await this.workspace.remotes()));
  }

  private compose(integrations: Integration[], remotes: RemoteRepository[]): TreeNode[] {
    const candidates = integrations.flatMap((integration) => {
      const webBase = integrationWebBase(integration);
      return webBase ? [{ value: { integration, webBase }, webBase }] : [];
    });
    // An https and an ssh remote of one repository are one row (one id).
    const seen = new Set<string>();
    const workspaceNodes = remotes.flatMap((remote) => {
      const matched = matchRemote(remote, candidates);
      const key = matched && `${matched.value.integration.id}/${matched.fullName}`.toLowerCase();
      if (!matched || !key || seen.has(key)) return [];
      seen.add(key);
      const { integration, webBase } = matched.value;
      return [new WorkspaceRepositoryNode(undefined, this.context, integration, matched.fullName, webBase)];
    });
    return [...workspaceNodes, ...integrations.map((integration) => new IntegrationNode(this.context, integration, this.extensionUri))];
  }
}
