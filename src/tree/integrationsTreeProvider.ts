import * as vscode from 'vscode';
import type { Repository } from '../api/publicTypes';
import type { RateLimitWait } from '../api/client';
import type { ScalingoSession } from '../auth/session';
import type { Log } from '../log';
import type { WorkspaceRemotes } from '../workspace/workspaceRemotes';
import { rateLimitWaitMessage } from '../errorMessages';
import { countdown } from '../util/countdown';
import { Disposable } from '../util/disposable';
import { AppLinkIndexes } from './appLinkIndex';
import { namespaceOfRepository } from './namespaces';
import { AccountNode } from './nodes/accountNode';
import { IntegrationNode } from './nodes/integrationNode';
import { OwnerNode } from './nodes/ownerNode';
import { RepositoryNode } from './nodes/repositoryNode';
import { ParentNode } from './parentNode';
import type { Clock } from './focusRefresh';
import type { TreeShape } from './treeShape';
import type { TreeContext, TreeNode } from './treeNode';

export const INTEGRATIONS_VIEW_ID = 'scalingo.integrations';

/** Reveal pages at most this far (2,000 repositories at 50 a page, 40 requests) before it gives up. */
const REVEAL_MAX_PAGES = 40;

/**
 * The "SCM Integrations" view. Delegates to the nodes (`(element ?? root).getChildren()`), shows
 * load progress on the view, and keeps the welcome-view context keys in step with the account.
 */
export class IntegrationsTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly changedEmitter = this._register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this.changedEmitter.event;

  private readonly context: TreeContext;
  private root: AccountNode;
  private view: vscode.TreeView<TreeNode> | undefined;
  private rateLimitWait: vscode.Disposable | undefined;
  /** The countdown's words on the view now. */
  private waitShown: string | undefined;
  private loadsInFlight = 0;
  /** When the root last loaded or was asked to reload (FocusRefresh reads it). */
  lastLoadedAt: number | undefined;

  constructor(
    private readonly session: ScalingoSession,
    private readonly log: Log,
    private readonly extensionUri: vscode.Uri,
    private readonly workspace: WorkspaceRemotes,
    shape: TreeShape,
    private readonly clock: Clock = { now: Date.now },
  ) {
    super();
    this._register({ dispose: () => this.stopRateLimitWait() });
    this.context = {
      session,
      log,
      shape,
      appLinks: new AppLinkIndexes(
        () => session.client(),
        () => session.signal,
      ),
      changed: (node) => this.changedEmitter.fire(node),
      withProgress: async (work) => {
        this.loadsInFlight++;
        try {
          return await vscode.window.withProgress({ location: { viewId: INTEGRATIONS_VIEW_ID } }, work);
        } finally {
          this.loadsInFlight--;
        }
      },
      setMessage: (message) => {
        if (this.view) this.view.message = message;
      },
    };
    this.root = this.createRoot();
    // The palette's `when` clauses need the key even if the view is never opened.
    void this.syncSignedIn();
    this._register(session.onDidChange(() => this.reset()));
    this._register(session.onDidRateLimit((wait) => this.showRateLimitWait(wait)));
    this._register(workspace.onDidChange(() => void this.root.workspaceChanged()));
    this._register(shape.onDidChange(() => void this.root.reshape()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('scalingo.repositories') || event.affectsConfiguration('scalingo.pullRequests')) {
          this.refreshAll();
        }
      }),
    );
  }

  attach(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
    // A refresh reloads expanded rows in the background and only forgets collapsed ones.
    this._register(view.onDidExpandElement(({ element }) => this.markExpanded(element, true)));
    this._register(view.onDidCollapseElement(({ element }) => this.markExpanded(element, false)));
    this.describeAccount();
  }

  private markExpanded(element: TreeNode, expanded: boolean): void {
    if (element instanceof ParentNode) element.expanded = expanded;
  }

  getTreeItem(element: TreeNode): vscode.TreeItem {
    return element.getTreeItem();
  }

  async getChildren(element?: TreeNode): Promise<TreeNode[]> {
    if (element) return element.getChildren ? element.getChildren() : [];
    if (!(await this.syncSignedIn())) return [];
    this.context.setMessage(undefined);
    this.lastLoadedAt ??= this.clock.now();
    return this.root.getChildren();
  }

  /** A load runs somewhere in the tree (the view's progress bar shows). */
  get isLoading(): boolean {
    return this.loadsInFlight > 0;
  }

  get isVisible(): boolean {
    return this.view?.visible ?? false;
  }

  getParent(element: TreeNode): TreeNode | undefined {
    return element.parent;
  }

  /** The view title's refresh: everything reloads, keeping what it had if the reload fails. */
  refreshAll(): void {
    this.lastLoadedAt = this.clock.now();
    this.context.setMessage(undefined);
    this.context.appLinks.clear();
    this.root.refresh();
  }

  /** A node's own refresh; on an error row (its inline Retry), the refresh of the node that failed. */
  refreshNode(node: TreeNode): void {
    const target = node instanceof ParentNode ? node : node.parent;
    // A repository's refresh also rereads which apps deploy from it (its integration's links).
    if (target instanceof RepositoryNode) this.context.appLinks.invalidate(target.integration.id);
    if (target instanceof ParentNode) target.refresh();
  }

  /** A link of this integration changed (linked, unlinked, a setting): its rows reload their apps. */
  appLinksChanged(integrationId: string): void {
    this.context.appLinks.invalidate(integrationId);
    for (const row of this.context.appLinks.rowsOf(integrationId)) if (row instanceof ParentNode) row.refresh();
  }

  /** Shared with the commands: the palette's app picks read the same index as the tree. */
  get appLinks(): AppLinkIndexes {
    return this.context.appLinks;
  }

  /** A "Load more…" row: the next page of its parent. */
  async loadMore(node: unknown): Promise<void> {
    if (node instanceof OwnerNode) await node.loadMore();
  }

  /** Reloads the integrations and selects `integrationId` (after a link). */
  async revealIntegration(integrationId: string): Promise<boolean> {
    this.refreshAll();
    const node = (await this.getChildren()).find((child) => child instanceof IntegrationNode && child.integration.id === integrationId);
    if (!node || !this.view) return false;
    await this.view.reveal(node, { select: true, focus: true, expand: true });
    return true;
  }

  /**
   * Walks integration → owner → repository, loading what is needed, and selects the repository.
   * One on a page not loaded yet is paged to (at most REVEAL_MAX_PAGES pages, with a cancellable
   * progress notification; `token` cancels too).
   */
  async revealRepository(integrationId: string, repository: Repository, token?: vscode.CancellationToken): Promise<boolean> {
    const integration = (await this.getChildren()).find(
      (child): child is IntegrationNode => child instanceof IntegrationNode && child.integration.id === integrationId,
    );
    if (!integration) return false;
    // By path: `platform/backend/orders-api` lives in `platform/backend`, not in `platform`.
    const namespace = namespaceOfRepository(repository.fullName).toLowerCase();
    const owner = (await integration.getChildren()).find(
      (child): child is OwnerNode => child instanceof OwnerNode && child.namespace.toLowerCase() === namespace,
    );
    if (!owner) return false;
    // Right after a Refresh the owner may still be reloading its rows: look among the fresh ones.
    await owner.settled();
    await owner.getChildren();
    const node = (await owner.loadedRepository(repository.id)) ?? (await this.pageTo(owner, repository, token));
    if (!node || !this.view) return false;
    await this.view.reveal(node, { select: true, focus: true });
    return true;
  }

  private async pageTo(owner: OwnerNode, repository: Repository, token: vscode.CancellationToken | undefined): Promise<RepositoryNode | undefined> {
    if (!owner.hasMore || token?.isCancellationRequested) return undefined;
    const title = vscode.l10n.t({
      message: 'Looking for {0} in the view…',
      args: [repository.fullName],
      comment: ['{0} is owner/name'],
    });
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, shown) => {
      const cancelled = () => shown.isCancellationRequested || token?.isCancellationRequested === true;
      for (let pages = 0; pages < REVEAL_MAX_PAGES && owner.hasMore && !cancelled(); pages++) {
        if (!(await owner.loadMore())) return undefined;
        const found = await owner.loadedRepository(repository.id);
        if (found) return found;
        progress.report({
          message: vscode.l10n.t({ message: '{0} pages loaded', args: [pages + 1], comment: ['{0} is a count'] }),
          increment: 100 / REVEAL_MAX_PAGES,
        });
      }
      return undefined;
    });
  }

  /**
   * Reads the token's presence (SecretStorage, no request) into the context keys. Two keys, because
   * before activation neither is set: the palette offers the account's commands unless
   * `scalingo:signedOut` (so they are there before activation, and run signed out they offer Sign In),
   * and the welcome view waits for `scalingo:signedOut` rather than flash at a signed-in user.
   */
  private async syncSignedIn(): Promise<boolean> {
    const signedIn = await this.isSignedIn();
    this.describeAccount();
    await Promise.all([
      vscode.commands.executeCommand('setContext', 'scalingo:signedIn', signedIn),
      vscode.commands.executeCommand('setContext', 'scalingo:signedOut', !signedIn),
    ]);
    return signedIn;
  }

  /** "as ada-lovelace" beside the view's title: who the rows belong to, at a glance. */
  private describeAccount(): void {
    if (!this.view) return;
    const username = this.session.account?.username;
    this.view.description = username
      ? vscode.l10n.t({ message: 'as {0}', args: [username], comment: ['{0} is the Scalingo username; shown beside the view title'] })
      : undefined;
  }

  private async isSignedIn(): Promise<boolean> {
    try {
      return await this.session.isSignedIn();
    } catch (error) {
      this.log.error(`could not read the token: ${error instanceof Error ? error.message : String(error)}`);
      this.context.setMessage(error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  /**
   * Says on the view that loads wait for Scalingo's limit, counting the seconds down, and clears
   * its words when the wait is over. A refresh clearing the view does not end it (the reloads wait
   * too); a message put up meanwhile (an error) does, and stays.
   */
  private showRateLimitWait(wait: RateLimitWait): void {
    this.stopRateLimitWait();
    this.rateLimitWait = countdown(
      wait.retryInMs,
      (left) => {
        const message = this.view?.message;
        if (message && this.waitShown !== undefined && message !== this.waitShown) return false;
        this.waitShown = rateLimitWaitMessage({ ...wait, retryInMs: left });
        this.context.setMessage(this.waitShown);
        return true;
      },
      () => {
        if (this.waitShown !== undefined && this.view?.message === this.waitShown) this.context.setMessage(undefined);
      },
    );
  }

  private stopRateLimitWait(): void {
    this.rateLimitWait?.dispose();
    this.rateLimitWait = undefined;
    this.waitShown = undefined;
  }

  /** Sign in, sign out, or another account: nothing of the previous account's tree survives. */
  private reset(): void {
    this.stopRateLimitWait();
    this.lastLoadedAt = undefined;
    this.context.appLinks.clear();
    this.root = this.createRoot();
    void this.syncSignedIn();
    // A refused token signs out: the welcome view offers Sign In, and the message says why.
    this.context.setMessage(this.session.signedOutReason);
    this.changedEmitter.fire(undefined);
  }

  private createRoot(): AccountNode {
    return new AccountNode(this.context, this.extensionUri, this.workspace, (count) => {
      void vscode.commands.executeCommand('setContext', 'scalingo:hasIntegrations', count > 0);
    });
  }
}
