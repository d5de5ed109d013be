import * as vscode from 'vscode';
import type { Integration, PullRequestState, Repository } from '../../api/publicTypes';
import { webUrl } from '../../util/urls';
import { pullRequestState } from '../../config';
import { searchPullRequestsByState } from '../../api/pullRequestsByState';
import { ParentNode } from '../parentNode';
import { isGitLab } from '../platforms';
import type { TreeContext, TreeNode } from '../treeNode';
import type { HasWebUrl } from '../webLinks';
import { MessageNode } from './messageNode';
import { loadRepositoryApps } from '../repositoryApps';

/** A repository; its children are its pull/merge requests in the state the settings ask for. */
export class RepositoryNode extends ParentNode implements HasWebUrl {
  readonly id: string;
  readonly webUrl: string | undefined;
  protected loadFailedLabel(reason: string): string {
    return isGitLab(this.integration.scmType)
      ? vscode.l10n.t({ message: "Couldn't load the merge requests: {0}", args: [reason], comment: ['{0} is the reason'] })
      : vscode.l10n.t({ message: "Couldn't load the pull requests: {0}", args: [reason], comment: ['{0} is the reason'] });
  }

  constructor(
    parent: TreeNode | undefined,
    context: TreeContext,
    readonly integration: Integration,
    readonly repository: Repository,
  ) {
    super(parent, context);
    this.id = `${parent?.id ?? `integration:${integration.id}`}/repo#${repository.id}`;
    this.webUrl = webUrl(repository.url);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.repository.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('repo');
    item.description = this.repository.description ?? '';
    item.tooltip = [this.repository.fullName, this.repository.description, this.webUrl].filter(Boolean).join('\n');
    item.contextValue = this.webUrl ? 'repository.web' : 'repository';
    return item;
  }

  protected async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    if (/\s/u.test(this.repository.fullName)) {
      // A `repo:` qualifier ends at a space: searching would ask for another repository.
      return [
        MessageNode.problem(
          this,
          'full-name',
          vscode.l10n.t({ message: "Can't search the pull requests of {0}: its full name has spaces", args: [this.repository.fullName], comment: ['{0} is owner/name'] }),
          vscode.l10n.t('Scalingo searches pull and merge requests by the repository path, which cannot contain spaces.'),
        ),
      ];
    }
    const state = pullRequestState();
    const client = await this.context.session.client();
    const [pullRequests, apps] = await Promise.all([
      // With `all`, one search per state (2 requests): the route does not say which are open.
      searchPullRequestsByState(client, this.integration.id, { repo: this.repository.fullName, state }, signal),
      loadRepositoryApps(this, this.context, this.integration, { fullName: this.repository.fullName, url: this.webUrl }, {
        offerLink: this.offersLinkWhenUndeployed,
      }),
    ]);
    if (pullRequests.length === 0) {
      return [...apps.rows, MessageNode.empty(this, noChangeRequestsLabel(state, isGitLab(this.integration.scmType)))];
    }
    // One row per number: a pull request sent twice would give two rows one id.
    const unique = [...new Map(pullRequests.map((pullRequest) => [pullRequest.number, pullRequest] as const)).values()];
    const display = { gitLab: isGitLab(this.integration.scmType), showState: state === 'all' };
    return [...apps.rows, ...unique.map((pullRequest) => apps.pullRequestNode(pullRequest, display))];
  }

  /** Whether a repository that no app deploys from shows "Link to a Scalingo App…" (only where it is the user's focus). */
  protected get offersLinkWhenUndeployed(): boolean {
    return false;
  }
}


function noChangeRequestsLabel(state: PullRequestState, gitLab: boolean): string {
  switch (state) {
    case 'open':
      return gitLab ? vscode.l10n.t('No open merge requests') : vscode.l10n.t('No open pull requests');
    case 'closed':
      return gitLab ? vscode.l10n.t('No closed merge requests') : vscode.l10n.t('No closed pull requests');
    case 'all':
      return gitLab ? vscode.l10n.t('No merge requests') : vscode.l10n.t('No pull requests');
  }
}
