import * as vscode from 'vscode';
import type { PullRequest, RegionalClient, ReviewApp } from '../../api/publicTypes';
import type { LinkedApp } from '../appLinkIndex';
import type { TreeNode } from '../treeNode';
import { PullRequestNode, type PullRequestDisplay } from './pullRequestNode';
import { ReviewAppNode } from './reviewAppNode';

export interface ReviewAppEntry {
  readonly region: RegionalClient;
  readonly reviewApp: ReviewApp;
  readonly appUrl: string | undefined;
}

/**
 * A pull request of a repository that deploys to Scalingo: it can get a review app
 * (`contextValue` ends in `.linked`), and it lists the ones it has.
 */
export class LinkedPullRequestNode extends PullRequestNode {
  constructor(
    parent: TreeNode,
    pullRequest: PullRequest,
    /** The apps of the repository, parents of any review app this pull request gets. */
    readonly linkedApps: readonly LinkedApp[],
    private readonly reviewApps: readonly ReviewAppEntry[],
    display?: PullRequestDisplay,
  ) {
    super(parent, pullRequest, display);
  }

  override getTreeItem(): vscode.TreeItem {
    const item = super.getTreeItem();
    item.contextValue = `${item.contextValue ?? 'pullRequest'}.linked`;
    if (this.reviewApps.length > 0) item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    return item;
  }

  getChildren(): Promise<TreeNode[]> {
    return Promise.resolve(this.reviewApps.map((entry) => new ReviewAppNode(this, entry.region, entry.reviewApp, entry.appUrl)));
  }
}
