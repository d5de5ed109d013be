import * as vscode from 'vscode';
import type { PullRequest } from '../../api/publicTypes';
import { webUrl } from '../../util/urls';
import type { TreeNode } from '../treeNode';
import type { HasWebUrl } from '../webLinks';

/** "#12 Add logo"; clicking opens it in the browser. */
export class PullRequestNode implements TreeNode, HasWebUrl {
  readonly id: string;
  readonly webUrl: string | undefined;

  constructor(
    readonly parent: TreeNode,
    readonly pullRequest: PullRequest,
  ) {
    // From the parent's id: the same pull request also sits under "This workspace".
    this.id = `${parent.id}/pr#${pullRequest.number}`;
    this.webUrl = webUrl(pullRequest.htmlUrl);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`#${this.pullRequest.number} ${this.pullRequest.title}`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('git-pull-request');
    item.contextValue = this.webUrl ? 'pullRequest.web' : 'pullRequest';
    item.tooltip = this.webUrl ? `${this.pullRequest.title}\n${this.webUrl}` : this.pullRequest.title;
    if (this.pullRequest.sourceRepoName) item.description = this.pullRequest.sourceRepoName;
    if (this.webUrl) {
      item.command = { command: 'scalingo.openInBrowser', title: vscode.l10n.t('Open in Browser'), arguments: [this] };
    }
    return item;
  }
}
