import * as vscode from 'vscode';
import type { Integration, UnreadableItem } from '../../api/publicTypes';
import { hostOf, webUrl } from '../../util/urls';
import { namespaceProblem } from '../namespaces';
import { ParentNode } from '../parentNode';
import { isGitLab, platformIcon, platformName } from '../platforms';
import type { TreeContext, TreeNode } from '../treeNode';
import { integrationWebBase, type HasWebUrl } from '../webLinks';
import { MessageNode } from './messageNode';
import { OwnerNode, ownerNamespace, type Owner } from './ownerNode';

/**
 * One linked code host: "GitHub  octocat · github.com". Its children are the user's own namespace,
 * then the organizations (GitHub) or groups (GitLab) the integration can see.
 */
export class IntegrationNode extends ParentNode implements HasWebUrl {
  readonly id: string;
  /** The namespaces of the last load, kept so hiding or pinning one needs no request. */
  private owners: TreeNode[] | undefined;
  private organizationsVisible = 0;
  private unreadable: TreeNode[] = [];

  constructor(
    context: TreeContext,
    readonly integration: Integration,
    private readonly extensionUri: vscode.Uri,
  ) {
    super(undefined, context);
    this.id = `integration:${integration.id}`;
  }

  protected loadFailedLabel(reason: string): string {
    return isGitLab(this.integration.scmType)
      ? vscode.l10n.t({ message: "Couldn't load the groups: {0}", args: [reason], comment: ['{0} is the reason'] })
      : vscode.l10n.t({ message: "Couldn't load the organizations: {0}", args: [reason], comment: ['{0} is the reason'] });
  }

  get webUrl(): string | undefined {
    return webUrl(this.integration.profileUrl) ?? webUrl(this.integration.url);
  }

  getTreeItem(): vscode.TreeItem {
    const { integration } = this;
    const item = new vscode.TreeItem(platformName(integration.scmType), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = [integration.username, hostOf(integration.url)].filter(Boolean).join(' · ');
    item.iconPath = platformIcon(integration.scmType, this.extensionUri);
    const hidden = this.context.shape.isHidden(this.id);
    item.contextValue = `integration.${integration.scmType}${hidden ? '.hidden' : ''}`;
    if (hidden) item.description = `${item.description} · ${vscode.l10n.t('hidden')}`;
    item.tooltip = this.tooltip();
    item.accessibilityInformation = {
      label: integration.username
        ? vscode.l10n.t({
            message: '{0} integration, {1} on {2}',
            args: [platformName(integration.scmType), integration.username, hostOf(integration.url)],
            comment: ['{0} is a platform name', '{1} is a user name', '{2} is a host name'],
          })
        : vscode.l10n.t({
            message: '{0} integration on {1}',
            args: [platformName(integration.scmType), hostOf(integration.url)],
            comment: ['{0} is a platform name', '{1} is a host name'],
          }),
    };
    return item;
  }

  protected async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const client = await this.context.session.client();
    const { organizations, unreadable } = await client.listOrganizationsAndUnreadable(this.integration.id, signal);
    const owners: TreeNode[] = [];
    if (this.integration.username) owners.push(this.ownerRow({ kind: 'user', login: this.integration.username }));
    // Pages can shift between two requests and send an organization twice: one row (one id) each.
    const unique = [...new Map(organizations.map((organization) => [organization.id, organization] as const)).values()];
    const sorted = unique.sort((a, b) => a.login.localeCompare(b.login));
    owners.push(...sorted.map((organization) => this.ownerRow({ kind: 'organization', organization })));
    this.owners = owners;
    this.unreadable = unreadable.map((item) => this.unreadableRow(item));
    this.organizationsVisible = organizations.length + unreadable.length;
    return this.compose();
  }

  /** Hidden or pinned rows changed: recompose the namespaces already loaded, without a request. */
  reshape(): void {
    if (this.owners) this.replaceChildren(this.compose());
  }

  /** Pinned organizations first, then the user's own namespace and the others; hidden ones left out; unusable ones last. */
  private compose(): TreeNode[] {
    const { shape } = this.context;
    const children: TreeNode[] = shape.pinnedFirst(this.owners ?? []).filter((owner) => !shape.leavesOut(owner.id));
    children.push(...this.unreadable);
    if (this.organizationsVisible === 0) children.push(this.noOrganizationsHint());
    return children;
  }

  /** An organization the schema refused: a row saying what is wrong with it, after the others. */
  private unreadableRow(item: UnreadableItem): TreeNode {
    const label = vscode.l10n.t({
      message: "Couldn't read an organization Scalingo sent ({0}): {1} missing or invalid",
      args: [item.name ?? `#${item.index + 1}`, item.fields.join(', ')],
      comment: ['{0} is its name, or its position in the list', '{1} lists field names such as login, id'],
    });
    return MessageNode.problem(this, `unreadable#${item.index}:${item.name ?? ''}`, label, vscode.l10n.t('The other organizations and groups are not affected. The Scalingo log has the details.'), {
      command: { command: 'scalingo.showLog', title: vscode.l10n.t('Show Log') },
    });
  }

  /** A namespace that cannot be searched by becomes a row saying why, in its place among the others. */
  private ownerRow(owner: Owner): TreeNode {
    const namespace = ownerNamespace(owner);
    const problem = namespaceProblem(namespace);
    if (!problem) return new OwnerNode(this, this.context, this.integration, owner);
    const name = owner.kind === 'user' ? owner.login : owner.organization.login;
    const key = owner.kind === 'user' ? 'user' : `org#${owner.organization.id}`;
    this.context.log.warn(`${this.id}: namespace "${namespace}" of "${name}" cannot be searched (${problem})`);
    const label =
      problem === 'spaces'
        ? vscode.l10n.t({
            message: "Can't list {0}: Scalingo gave no path for it, and its name has spaces",
            args: [name],
            comment: ['{0} is an organization or group name from the code host'],
          })
        : vscode.l10n.t({
            message: "Can't list {0}: Scalingo gave no path for it",
            args: [name || '?'],
            comment: ['{0} is an organization or group name from the code host'],
          });
    const tooltip = vscode.l10n.t(
      'Repositories are searched by the namespace path (as in the web address), and Scalingo sent none that can be used. Other rows are not affected.',
    );
    return MessageNode.problem(this, key, label, tooltip);
  }

  /**
   * An empty list is common and has a reason; say it rather than show nothing. github.com links
   * through Scalingo's OAuth application, which sees an organization once it granted access;
   * GitHub Enterprise links with a personal access token, which needs the read:org scope.
   */
  private noOrganizationsHint(): MessageNode {
    const { scmType } = this.integration;
    const gitLab = isGitLab(scmType);
    const label = gitLab ? vscode.l10n.t('No groups visible') : vscode.l10n.t('No organizations visible');
    const base = integrationWebBase(this.integration);
    let tooltip: string;
    let target: string | undefined;
    if (gitLab) {
      tooltip = vscode.l10n.t('GitLab lists the groups your personal access token can read. Check the token has the api and read_user scopes.');
      target = this.webUrl;
    } else if (scmType === 'github') {
      tooltip = vscode.l10n.t(
        'GitHub lists an organization only after it granted access to the Scalingo OAuth application. Open GitHub to review the access.',
      );
      target = 'https://github.com/settings/connections/applications';
    } else if (scmType === 'github-enterprise') {
      tooltip = vscode.l10n.t({
        message:
          'GitHub Enterprise lists the organizations your personal access token can read: it needs the read:org scope as well as repo. Open the token settings on {0}.',
        args: [hostOf(this.integration.url)],
        comment: ['{0} is the host of the GitHub Enterprise server'],
      });
      target = base && `${base}/settings/tokens`;
    } else {
      tooltip = vscode.l10n.t('Scalingo lists no organization or group for this account on this code host.');
      target = undefined;
    }
    const command = target
      ? { command: 'scalingo.openUrl', title: vscode.l10n.t('Open in Browser'), arguments: [target] }
      : undefined;
    return MessageNode.hint(this, 'no-organizations', label, tooltip, command);
  }

  /** Built from escaped text only: API data is never read as Markdown, links or commands. */
  private tooltip(): vscode.MarkdownString {
    const { integration } = this;
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    tooltip.appendMarkdown('**').appendText(platformName(integration.scmType)).appendMarkdown('**\n\n');
    const rows = [
      integration.username && vscode.l10n.t({ message: 'User: {0}', args: [integration.username], comment: ['{0} is a value from the code host'] }),
      integration.email && vscode.l10n.t({ message: 'Email: {0}', args: [integration.email], comment: ['{0} is a value from the code host'] }),
      vscode.l10n.t({ message: 'URL: {0}', args: [integration.url], comment: ['{0} is a value from the code host'] }),
      integration.createdAt && vscode.l10n.t({ message: 'Linked since: {0}', args: [formatDate(integration.createdAt)!], comment: ['{0} is a value from the code host'] }),
      vscode.l10n.t({ message: 'Integration id: {0}', args: [integration.id], comment: ['{0} is a value from the code host'] }),
    ];
    for (const row of rows) if (row) tooltip.appendText(row).appendMarkdown('  \n');
    return tooltip;
  }
}

function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(vscode.env.language);
}
