import * as vscode from 'vscode';
import type { Integration } from '../../api/publicTypes';
import { webUrl } from '../../util/urls';
import type { LinkedApp } from '../appLinkIndex';
import type { TreeNode } from '../treeNode';
import type { HasWebUrl } from '../webLinks';

/**
 * A Scalingo app that deploys from the repository above it: "ada-scalingo-app  osc-fr1 · main ·
 * auto-deploy · review apps". Its actions (deploy, open, toggles, unlink) read `contextValue`:
 * `appLink.autoDeployOn|Off.reviewAppsOn|Off[.web]`.
 */
export class AppLinkNode implements TreeNode, HasWebUrl {
  readonly id: string;
  readonly webUrl: string | undefined;

  constructor(
    readonly parent: TreeNode,
    readonly integration: Integration,
    /** `owner/name`, for messages. */
    readonly repositoryFullName: string,
    /** The repository's web URL, as the link route takes it. */
    readonly repositoryUrl: string | undefined,
    readonly linked: LinkedApp,
  ) {
    this.id = `${parent.id}/app:${linked.link.appId}`;
    this.webUrl = webUrl(linked.app?.url);
  }

  get appName(): string {
    return this.linked.appName;
  }

  get dashboardUrl(): string | undefined {
    return this.linked.region.dashboardUrl(this.appName);
  }

  getTreeItem(): vscode.TreeItem {
    const { link, region } = this.linked;
    const item = new vscode.TreeItem(this.appName, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = link.autoDeploy
      ? new vscode.ThemeIcon('rocket', new vscode.ThemeColor('charts.green'))
      : new vscode.ThemeIcon('rocket');
    item.description = [
      region.name,
      link.branch,
      link.autoDeploy ? vscode.l10n.t('auto-deploy') : undefined,
      link.reviewApps ? vscode.l10n.t('review apps') : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
    item.tooltip = this.tooltip();
    item.contextValue = [
      'appLink',
      link.autoDeploy ? 'autoDeployOn' : 'autoDeployOff',
      link.reviewApps ? 'reviewAppsOn' : 'reviewAppsOff',
      ...(this.webUrl ? ['web'] : []),
    ].join('.');
    return item;
  }

  /** Escaped text only: names come from the API. */
  private tooltip(): vscode.MarkdownString {
    const { link, region } = this.linked;
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    tooltip.appendMarkdown('**').appendText(this.appName).appendMarkdown('**\n\n');
    const onOff = (on: boolean) => (on ? vscode.l10n.t('on') : vscode.l10n.t('off'));
    const rows = [
      vscode.l10n.t({ message: 'Region: {0}', args: [region.region.displayName], comment: ['{0} is a Scalingo region'] }),
      vscode.l10n.t({ message: 'Deploys from: {0}', args: [`${this.repositoryFullName}@${link.branch ?? '?'}`], comment: ['{0} is owner/name@branch'] }),
      vscode.l10n.t({ message: 'Automatic deploys: {0}', args: [onOff(link.autoDeploy)], comment: ['{0} is on or off'] }),
      vscode.l10n.t({ message: 'Review apps: {0}', args: [onOff(link.reviewApps)], comment: ['{0} is on or off'] }),
      link.lastAutoDeployAt
        ? vscode.l10n.t({ message: 'Last automatic deploy: {0}', args: [formatDateTime(link.lastAutoDeployAt)], comment: ['{0} is a date and time'] })
        : vscode.l10n.t('No automatic deploy yet'),
      this.webUrl,
    ];
    for (const row of rows) if (row) tooltip.appendText(row).appendMarkdown('  \n');
    return tooltip;
  }
}

function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(vscode.env.language);
}
