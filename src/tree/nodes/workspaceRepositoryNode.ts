import * as vscode from 'vscode';
import type { Integration } from '../../api/publicTypes';
import { encodePath } from '../namespaces';
import { platformName } from '../platforms';
import type { TreeContext, TreeNode } from '../treeNode';
import { RepositoryNode } from './repositoryNode';

/**
 * "This workspace": the open folder's repository, matched by its git remote to a linked
 * integration, with its pull/merge requests one click away at the top of the tree.
 */
export class WorkspaceRepositoryNode extends RepositoryNode {
  override readonly id: string;

  constructor(parent: TreeNode | undefined, context: TreeContext, integration: Integration, fullName: string, webBase: string) {
    const name = fullName.split('/').at(-1) ?? fullName;
    super(parent, context, integration, { id: -1, name, fullName, url: `${webBase}/${encodePath(fullName)}`, description: undefined });
    this.id = `workspace:${integration.id}/${fullName}`;
  }

  protected override get offersLinkWhenUndeployed(): boolean {
    return true;
  }

  override getTreeItem(): vscode.TreeItem {
    const item = super.getTreeItem();
    item.label = vscode.l10n.t('This workspace');
    item.description = `${this.repository.fullName} · ${platformName(this.integration.scmType)}`;
    item.iconPath = new vscode.ThemeIcon('root-folder');
    item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    item.accessibilityInformation = {
      label: vscode.l10n.t({
        message: 'This workspace: {0} on {1}',
        args: [this.repository.fullName, platformName(this.integration.scmType)],
        comment: ['{0} is owner/name', '{1} is a platform name'],
      }),
    };
    return item;
  }
}
