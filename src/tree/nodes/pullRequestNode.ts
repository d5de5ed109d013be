import * as vscode from 'vscode';
import type { PullRequest } from '../../api/publicTypes';
import type { StatedPullRequest } from '../../api/pullRequestsByState';
import { webUrl } from '../../util/urls';
import type { TreeNode } from '../treeNode';
import type { HasWebUrl } from '../webLinks';

/** How a pull request row words itself: GitLab's merge requests, and the state word when both states are listed. */
export interface PullRequestDisplay {
  readonly gitLab?: boolean;
  readonly showState?: boolean;
}

/**
 * "#12 Add logo"; clicking opens it in the browser. Its icon says open or closed; with both states
 * listed (`showState`), so does a word.
 */
export class PullRequestNode implements TreeNode, HasWebUrl {
  readonly id: string;
  readonly webUrl: string | undefined;

  constructor(
    readonly parent: TreeNode,
    readonly pullRequest: PullRequest | StatedPullRequest,
    private readonly display: PullRequestDisplay = {},
  ) {
    // From the parent's id: the same pull request also sits under "This workspace".
    this.id = `${parent.id}/pr#${pullRequest.number}`;
    this.webUrl = webUrl(pullRequest.htmlUrl);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`#${this.pullRequest.number} ${this.pullRequest.title}`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    // A pull request of unknown state came from an open-only search (the default).
    const open = !('state' in this.pullRequest) || this.pullRequest.state !== 'closed';
    item.iconPath = new vscode.ThemeIcon(open ? 'git-pull-request' : 'git-pull-request-closed');
    item.contextValue = this.webUrl ? 'pullRequest.web' : 'pullRequest';
    item.tooltip = this.webUrl ? `${this.pullRequest.title}\n${this.webUrl}` : this.pullRequest.title;
    const stateWord = open ? vscode.l10n.t('open') : vscode.l10n.t('closed');
    item.description = [this.display.showState ? stateWord : undefined, this.pullRequest.sourceRepoName].filter(Boolean).join(' · ');
    item.accessibilityInformation = {
      label: this.display.gitLab
        ? vscode.l10n.t({
            message: 'Merge request {0}, {1}, {2}',
            args: [this.pullRequest.number, this.pullRequest.title, stateWord],
            comment: ['{0} is the number', '{1} is the title', '{2} is open or closed'],
          })
        : vscode.l10n.t({
            message: 'Pull request {0}, {1}, {2}',
            args: [this.pullRequest.number, this.pullRequest.title, stateWord],
            comment: ['{0} is the number', '{1} is the title', '{2} is open or closed'],
          }),
    };
    if (this.webUrl) {
      item.command = { command: 'scalingo.openInBrowser', title: vscode.l10n.t('Open in Browser'), arguments: [this] };
    }
    return item;
  }
}
