import * as vscode from 'vscode';
import type { Integration, Organization, Repository } from '../../api/publicTypes';
import { includeForks } from '../../config';
import { describeError } from '../../errorMessages';
import { ParentNode } from '../parentNode';
import { isGitLab } from '../platforms';
import type { TreeContext, TreeNode } from '../treeNode';
import { ownerPageUrl, type HasWebUrl } from '../webLinks';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { RepositoryNode } from './repositoryNode';

/** Repositories are fetched a page at a time: a namespace with thousands never freezes the view. */
export const REPOSITORIES_PER_PAGE = 50;

export type Owner = { readonly kind: 'user'; readonly login: string } | { readonly kind: 'organization'; readonly organization: Organization };

/**
 * A namespace that holds repositories: the integration user's own, or an organization (GitHub)
 * or group (GitLab). Its children are its repositories, a page at a time.
 */
export class OwnerNode extends ParentNode implements HasWebUrl {
  readonly id: string;
  readonly login: string;
  readonly webUrl: string | undefined;
  private nextPage: number | undefined;
  private total: number | undefined;
  private loadingMore: Promise<void> | undefined;
  private repositories: Repository[] = [];

  constructor(
    parent: TreeNode,
    context: TreeContext,
    readonly integration: Integration,
    readonly owner: Owner,
  ) {
    super(parent, context);
    this.login = owner.kind === 'user' ? owner.login : owner.organization.login;
    this.id = `${owner.kind === 'user' ? 'user' : 'org'}:${integration.id}/${this.login}`;
    this.webUrl = ownerPageUrl(integration, this.login);
  }

  protected loadFailedLabel(reason: string): string {
    return vscode.l10n.t({ message: "Couldn't load the repositories: {0}", args: [reason], comment: ['{0} is the reason'] });
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.login, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    if (this.owner.kind === 'user') {
      item.iconPath = new vscode.ThemeIcon('account');
      item.description = vscode.l10n.t('your repositories');
    } else {
      item.iconPath = new vscode.ThemeIcon('organization');
      item.description = this.owner.organization.description ?? '';
    }
    item.tooltip = [this.login, this.owner.kind === 'organization' ? this.owner.organization.description : undefined, this.webUrl]
      .filter(Boolean)
      .join('\n');
    const { shape } = this.context;
    const pinned = this.owner.kind === 'organization' && shape.isPinned(this.id);
    const hidden = this.owner.kind === 'organization' && shape.isHidden(this.id);
    item.contextValue = this.owner.kind === 'user' ? 'owner.user' : `owner.organization${pinned ? '.pinned' : ''}${hidden ? '.hidden' : ''}`;
    if (pinned) item.iconPath = new vscode.ThemeIcon('pinned');
    if (hidden) item.description = [vscode.l10n.t('hidden'), item.description].filter(Boolean).join(' · ');
    item.accessibilityInformation = {
      label:
        this.owner.kind === 'user'
          ? vscode.l10n.t({ message: '{0}, your repositories', args: [this.login], comment: ['{0} is a user name'] })
          : isGitLab(this.integration.scmType)
            ? vscode.l10n.t({ message: 'Group {0}', args: [this.login], comment: ['{0} is a GitLab group'] })
            : vscode.l10n.t({ message: 'Organization {0}', args: [this.login], comment: ['{0} is a GitHub organization'] }),
    };
    return item;
  }

  protected async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    this.repositories = [];
    this.nextPage = 1;
    await this.fetchPage(signal);
    if (this.repositories.length === 0) {
      return [MessageNode.empty(this, includeForks() ? vscode.l10n.t('No repositories') : vscode.l10n.t('No repositories (forks hidden)'))];
    }
    return this.childNodes(undefined);
  }

  /** "Load more…": one page at a time, one load in flight. */
  loadMore(): Promise<void> {
    this.loadingMore ??= this.context
      .withProgress(() => this.fetchPage(this.context.session.signal))
      .then(
        () => this.replaceChildren(this.childNodes(undefined)),
        (error: unknown) => {
          this.context.log.warn(`${this.id}: could not load more repositories: ${String(error)}`);
          const { message } = describeError(error);
          this.replaceChildren(this.childNodes(message));
        },
      )
      .finally(() => {
        this.loadingMore = undefined;
      });
    return this.loadingMore;
  }

  private async fetchPage(signal: AbortSignal): Promise<void> {
    if (this.nextPage === undefined) return;
    const client = await this.context.session.client();
    const page = await client.searchRepositories(
      this.integration.id,
      { user: this.login, includeForks: includeForks() },
      { page: this.nextPage, perPage: REPOSITORIES_PER_PAGE },
      signal,
    );
    const known = new Set(this.repositories.map((repository) => repository.id));
    this.repositories.push(...page.repositories.filter((repository) => !known.has(repository.id)));
    this.repositories.sort((a, b) => a.name.localeCompare(b.name));
    this.nextPage = page.nextPage;
    this.total = page.totalCount;
  }

  private childNodes(loadMoreError: string | undefined): TreeNode[] {
    const nodes: TreeNode[] = this.repositories.map((repository) => new RepositoryNode(this, this.context, this.integration, repository));
    if (loadMoreError) {
      // Retrying asks for the page that failed, keeping the pages already shown.
      const retry = { command: 'scalingo.loadMore', title: vscode.l10n.t('Retry'), arguments: [this] };
      nodes.push(MessageNode.error(this, this.loadFailedLabel(loadMoreError), loadMoreError, ['retry'], retry));
    }
    if (this.nextPage !== undefined) {
      nodes.push(new LoadMoreNode(this, this.total !== undefined ? this.total - this.repositories.length : undefined));
    }
    return nodes;
  }
}
