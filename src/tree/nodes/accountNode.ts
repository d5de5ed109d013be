import * as vscode from 'vscode';
import type { IntegrationEntry, UnreadableIntegration } from '../../api/publicTypes';
import type { RemoteRepository } from '../../workspace/gitRemote';
import { matchRemote } from '../../workspace/remoteMatch';
import type { WorkspaceRemotes } from '../../workspace/workspaceRemotes';
import { ParentNode } from '../parentNode';
import type { TreeContext, TreeNode } from '../treeNode';
import { integrationWebBase } from '../webLinks';
import { platformName } from '../platforms';
import { IntegrationNode } from './integrationNode';
import { MessageNode } from './messageNode';
import { WorkspaceRepositoryNode } from './workspaceRepositoryNode';

/**
 * The invisible root: the signed-in account. Its children are "This workspace" rows for the open
 * folders' repositories hosted on a linked code host, then the linked integrations.
 */
export class AccountNode extends ParentNode {
  readonly id = 'account';
  protected override readonly isRoot = true;
  private entries: IntegrationEntry[] | undefined;
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
    const entries = await client.listIntegrationEntries(signal);
    this.entries = entries;
    this.integrationNodes = new Map();
    this.onIntegrationsListed(entries.filter((entry) => entry.ok).length);
    return this.compose(entries, await this.workspace.remotes());
  }

  /** Hidden or pinned rows changed: recompose what is loaded, without a request. */
  async reshape(): Promise<void> {
    await this.workspaceChanged();
    for (const node of this.integrationNodes.values()) node.reshape();
  }

  /** A folder's repository appeared or went: recompose from the integrations already loaded. */
  async workspaceChanged(): Promise<void> {
    if (this.entries) this.replaceChildren(this.compose(this.entries, await this.workspace.remotes()));
  }

  private compose(entries: readonly IntegrationEntry[], remotes: RemoteRepository[]): TreeNode[] {
    const integrations = entries.flatMap((entry) => (entry.ok ? [entry.integration] : []));
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
    const rows = entries.flatMap((entry) => {
      if (!entry.ok) return [this.unreadableRow(entry.unreadable)];
      const node = this.integrationNodes.get(entry.integration.id) ?? new IntegrationNode(this.context, entry.integration, this.extensionUri);
      this.integrationNodes.set(entry.integration.id, node);
      return this.context.shape.leavesOut(node.id) ? [] : [node];
    });
    return [...workspaceNodes, ...rows];
  }

  /** A damaged item of the list: a row of its own saying what is wrong; the others work as usual. */
  private unreadableRow(unreadable: UnreadableIntegration): TreeNode {
    const fields = unreadable.fields.join(', ');
    const label = unreadable.scmType
      ? vscode.l10n.t({
          message: "Couldn't read a linked {0} integration: {1} missing or invalid",
          args: [platformName(unreadable.scmType), fields],
          comment: ['{0} is a platform name', '{1} lists field names such as url, id'],
        })
      : vscode.l10n.t({
          message: "Couldn't read a linked integration: {0} missing or invalid",
          args: [fields],
          comment: ['{0} lists field names such as url, id'],
        });
    const tooltip = vscode.l10n.t(
      'Scalingo sent this item of the integration list in a shape this extension cannot use. The other integrations work as usual. The Scalingo log has the details.',
    );
    return MessageNode.problem(this, unreadable.id ? `integration:${unreadable.id}` : `item#${unreadable.index}`, label, tooltip, {
      severity: 'error',
      command: { command: 'scalingo.showLog', title: vscode.l10n.t('Show Log') },
    });
  }
}
