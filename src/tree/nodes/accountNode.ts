import * as vscode from 'vscode';
import { ParentNode } from '../parentNode';
import type { TreeContext, TreeNode } from '../treeNode';
import { IntegrationNode } from './integrationNode';

/** The invisible root: the signed-in account, whose children are its linked integrations. */
export class AccountNode extends ParentNode {
  readonly id = 'account';
  protected override readonly isRoot = true;
  protected loadFailedLabel(reason: string): string {
    return vscode.l10n.t({ message: "Couldn't load the integrations: {0}", args: [reason], comment: ['{0} is the reason'] });
  }

  constructor(
    context: TreeContext,
    private readonly extensionUri: vscode.Uri,
    private readonly onIntegrationsListed: (count: number) => void,
  ) {
    super(undefined, context);
  }

  getTreeItem(): vscode.TreeItem {
    return new vscode.TreeItem(this.id);
  }

  protected async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const client = await this.context.session.client();
    const integrations = await client.listIntegrations(signal);
    this.onIntegrationsListed(integrations.length);
    return integrations.map((integration) => new IntegrationNode(this.context, integration, this.extensionUri));
  }
}
