import * as vscode from 'vscode';
import type { Integration, Organization } from '../../api/publicTypes';
import { includeForks } from '../../config';
import { describeError, type UserFacingError } from '../../errorMessages';
import { organizationNamespace } from '../namespaces';
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
  /** What the row shows: the user name, or the organization's display name. */
  readonly login: string;
  /** The path `user:` searches and web links use (see namespaces.ts); checked usable by the parent. */
  readonly namespace: string;
  readonly webUrl: string | undefined;
  private nextPage: number | undefined;
  private total: number | undefined;
  private loadingMore: Promise<boolean> | undefined;
  private rows: RepositoryNode[] = [];
  private unreadableRows: MessageNode[] = [];
  private readonly known = new Set<number>();
  /** The last page had no pagination metadata and was full: the list may be cut. */
  private mayBeCut = false;

  constructor(
    parent: TreeNode,
    context: TreeContext,
    readonly integration: Integration,
    readonly owner: Owner,
  ) {
    super(parent, context);
    this.login = owner.kind === 'user' ? owner.login : owner.organization.login;
    this.namespace = ownerNamespace(owner);
    this.id = owner.kind === 'user' ? `${parent.id}/user:${this.namespace}` : `${parent.id}/org#${owner.organization.id}`;
    this.webUrl = ownerPageUrl(integration, this.namespace);
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
    item.tooltip = [this.login, this.namespace !== this.login ? this.namespace : undefined, this.owner.kind === 'organization' ? this.owner.organization.description : undefined, this.webUrl]
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
    this.rows = [];
    this.unreadableRows = [];
    this.known.clear();
    this.nextPage = 1;
    this.mayBeCut = false;
    await this.fetchPage(signal);
    if (this.rows.length === 0 && this.unreadableRows.length === 0) {
      return [MessageNode.empty(this, includeForks() ? vscode.l10n.t('No repositories') : vscode.l10n.t('No repositories (forks hidden)'))];
    }
    return this.childNodes(undefined);
  }

  /** More pages to ask for. */
  get hasMore(): boolean {
    return this.nextPage !== undefined;
  }

  /**
   * The row of a repository already loaded, as the view holds it: after a refresh the view keeps the
   * rows that did not change, which are not the objects the reload built.
   */
  async loadedRepository(repositoryId: number): Promise<RepositoryNode | undefined> {
    return (await this.getChildren()).find((row): row is RepositoryNode => row instanceof RepositoryNode && row.repository.id === repositoryId);
  }

  /** "Load more…": one page at a time, one load in flight. Resolves false when the page failed. */
  loadMore(): Promise<boolean> {
    this.loadingMore ??= this.context
      .withProgress(() => this.fetchPage(this.context.session.signal))
      .then(
        () => {
          this.replaceChildren(this.childNodes(undefined));
          return true;
        },
        (error: unknown) => {
          this.context.log.warn(`${this.id}: could not load more repositories: ${String(error)}`);
          this.replaceChildren(this.childNodes(describeError(error)));
          return false;
        },
      )
      .finally(() => {
        this.loadingMore = undefined;
      });
    return this.loadingMore;
  }

  /**
   * Appends the next page in the server's order (a sort would move rows and make a partial list
   * look complete) as new rows; the rows already shown stay the same objects, so an expanded
   * repository keeps its pull requests.
   */
  private async fetchPage(signal: AbortSignal): Promise<void> {
    const current = this.nextPage;
    if (current === undefined) return;
    const client = await this.context.session.client();
    const page = await client.searchRepositories(
      this.integration.id,
      { user: this.namespace, includeForks: includeForks() },
      { page: current, perPage: REPOSITORIES_PER_PAGE },
      signal,
    );
    for (const repository of page.repositories) {
      if (this.known.has(repository.id)) continue;
      this.known.add(repository.id);
      this.rows.push(new RepositoryNode(this, this.context, this.integration, repository));
    }
    for (const item of page.unreadable) {
      const label = vscode.l10n.t({
        message: "Couldn't read a repository Scalingo sent ({0}): {1} missing or invalid",
        args: [item.name ?? `#${(current - 1) * REPOSITORIES_PER_PAGE + item.index + 1}`, item.fields.join(', ')],
        comment: ['{0} is its full name, or its position in the list', '{1} lists field names such as fullName, id'],
      });
      const tooltip = vscode.l10n.t('The other repositories are not affected. The Scalingo log has the details.');
      const key = `unreadable:${current}#${item.index}`;
      this.unreadableRows.push(MessageNode.problem(this, key, label, tooltip, { command: { command: 'scalingo.showLog', title: vscode.l10n.t('Show Log') } }));
    }
    // A server whose next page does not move forward would page forever.
    this.nextPage = page.paginated && page.nextPage !== undefined && page.nextPage > current ? page.nextPage : undefined;
    this.total = page.totalCount;
    this.mayBeCut = !page.paginated && page.repositories.length + page.unreadable.length >= REPOSITORIES_PER_PAGE;
  }

  private childNodes(loadMoreError: UserFacingError | undefined): TreeNode[] {
    // Damaged items after the rows that could be read: a sort of their own would move the others.
    const nodes: TreeNode[] = [...this.rows, ...this.unreadableRows];
    if (loadMoreError) {
      // Retrying asks for the page that failed, keeping the pages already shown; a 404 asks for the list instead.
      const { message, remedies } = loadMoreError;
      const retry = { command: 'scalingo.loadMore', title: vscode.l10n.t('Retry'), arguments: [this] };
      nodes.push(MessageNode.error(this, this.loadFailedLabel(message), message, remedies.includes('refreshList') ? remedies : ['retry'], retry));
    }
    if (this.nextPage !== undefined) {
      nodes.push(new LoadMoreNode(this, this.total !== undefined ? this.total - this.rows.length - this.unreadableRows.length : undefined));
    } else if (this.mayBeCut) {
      nodes.push(this.searchInOwnerRow());
    }
    return nodes;
  }

  /** A full page without pagination metadata may be all the server sends: offer the search, never a list that looks complete. */
  private searchInOwnerRow(): MessageNode {
    return MessageNode.action(
      this,
      'search-owner',
      vscode.l10n.t({ message: 'Search in {0}…', args: [this.login], comment: ['{0} is a user or organization'] }),
      vscode.l10n.t({
        message: 'Scalingo sent {0} repositories without saying whether there are more. Search to find the others.',
        args: [this.rows.length],
        comment: ['{0} is a count'],
      }),
      new vscode.ThemeIcon('search'),
      { command: 'scalingo.searchRepositories', title: vscode.l10n.t('Search Repositories…'), arguments: [this] },
    );
  }
}

export function ownerNamespace(owner: Owner): string {
  return owner.kind === 'user' ? owner.login.trim() : organizationNamespace(owner.organization);
}
