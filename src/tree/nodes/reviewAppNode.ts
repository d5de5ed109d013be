import * as vscode from 'vscode';
import type { RegionalClient, ReviewApp } from '../../api/publicTypes';
import { webUrl } from '../../util/urls';
import { deploymentStatusIcon, deploymentStatusWord } from '../deploymentWords';
import type { TreeNode } from '../treeNode';
import type { HasWebUrl } from '../webLinks';

/** A review app of a pull request, with its last deployment's status. */
export class ReviewAppNode implements TreeNode, HasWebUrl {
  readonly id: string;
  readonly webUrl: string | undefined;

  constructor(
    readonly parent: TreeNode,
    readonly region: RegionalClient,
    readonly reviewApp: ReviewApp,
    appUrl: string | undefined,
  ) {
    this.id = `${parent.id}/review-app:${reviewApp.appId}`;
    this.webUrl = webUrl(appUrl);
  }

  get appName(): string {
    return this.reviewApp.appName;
  }

  get dashboardUrl(): string | undefined {
    return this.region.dashboardUrl(this.appName);
  }

  getTreeItem(): vscode.TreeItem {
    const status = this.reviewApp.lastDeployment?.status;
    const item = new vscode.TreeItem(this.appName, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = deploymentStatusIcon(status);
    item.description = status ? deploymentStatusWord(status) : vscode.l10n.t('not deployed yet');
    item.tooltip = [
      vscode.l10n.t({ message: 'Review app of {0}', args: [this.reviewApp.parentAppName ?? '?'], comment: ['{0} is the parent app'] }),
      status &&
        vscode.l10n.t({ message: 'Last deployment: {0}', args: [deploymentStatusWord(status)], comment: ['{0} is a deployment status'] }),
      this.webUrl,
    ]
      .filter(Boolean)
      .join('\n');
    item.contextValue = this.webUrl ? 'reviewApp.web' : 'reviewApp';
    return item;
  }
}
