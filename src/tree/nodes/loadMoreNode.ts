import * as vscode from 'vscode';
import type { TreeNode } from '../treeNode';

/** The last row of a long list: "Load more…" fetches the next page into its parent. */
export class LoadMoreNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode,
    private readonly remaining: number | undefined,
  ) {
    this.id = `${parent.id}/load-more`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    if (this.remaining !== undefined) {
      item.description = vscode.l10n.t({ message: '{0} more', args: [this.remaining], comment: ['{0} is a count'] });
    }
    item.contextValue = 'loadMore';
    item.accessibilityInformation = {
      label:
        this.remaining !== undefined
          ? vscode.l10n.t({ message: 'Load more repositories, {0} more', args: [this.remaining], comment: ['{0} is a count'] })
          : vscode.l10n.t('Load more repositories'),
    };
    item.command = { command: 'scalingo.loadMore', title: vscode.l10n.t('Load more…'), arguments: [this.parent] };
    return item;
  }
}
