import * as vscode from 'vscode';
import { describeError } from '../errorMessages';
import { MessageNode } from './nodes/messageNode';
import type { TreeContext, TreeNode } from './treeNode';

/**
 * A node whose children come from the API. Loads once and caches; expanding again, or while it
 * loads, sends nothing more. A failed first load becomes an error node in place of the children;
 * a failed refresh keeps the last good children and says so on the view.
 *
 * A refresh never makes the view wait on a slow child. VS Code holds every expansion until a
 * pending refresh of an ancestor settles, so the rows kept from before (same id, same look) are
 * the same objects, still showing their children; the expanded ones reload them in the background
 * and redraw only themselves, and only when something changed. A code host that hangs then leaves
 * the rest of the view usable.
 */
export abstract class ParentNode implements TreeNode {
  abstract readonly id: string;
  /** Whether the view shows this node expanded (the provider follows the view's events). */
  expanded = false;
  private children: TreeNode[] | undefined;
  private lastGood: TreeNode[] | undefined;
  /** The children shown before a refresh, to keep those that did not change. */
  private previous: TreeNode[] | undefined;
  private loading: Promise<TreeNode[]> | undefined;
  private renewing: Promise<void> | undefined;

  constructor(
    readonly parent: TreeNode | undefined,
    protected readonly context: TreeContext,
  ) {}

  abstract getTreeItem(): vscode.TreeItem;

  /** The invisible root redraws the whole view; any other node redraws only itself. */
  protected readonly isRoot: boolean = false;

  /** A whole sentence per kind ("Couldn't load organizations: {0}"): fragments do not translate. */
  protected abstract loadFailedLabel(reason: string): string;

  protected abstract loadChildren(signal: AbortSignal): Promise<TreeNode[]>;

  getChildren(): Promise<TreeNode[]> {
    if (this.children) return Promise.resolve(this.children);
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** Forgets the cached children; the next expansion (or the redraw this fires) reloads them. */
  refresh(): void {
    this.forgetChildren();
    this.context.changed(this.isRoot ? undefined : this);
  }

  /**
   * This node's parent was refreshed and kept this node. Collapsed, it forgets its children (VS Code
   * asks again on the next expansion); expanded, it reloads them in the background, showing the
   * old ones meanwhile.
   */
  renew(): void {
    if (!this.children) return;
    if (!this.expanded) {
      this.forgetChildren();
      return;
    }
    this.renewing ??= this.reloadInBackground().finally(() => {
      this.renewing = undefined;
    });
  }

  /** Resolves once the background reload a refresh started (if any) has replaced the children. */
  async settled(): Promise<void> {
    await this.renewing;
  }

  /** For children that grow after the first load ("Load more…"): replaces them and redraws this node. */
  protected replaceChildren(children: TreeNode[]): void {
    this.children = this.keepUnchanged(this.children, children, { renew: false });
    this.context.changed(this.isRoot ? undefined : this);
  }

  private forgetChildren(): void {
    if (this.children && !this.children.some((child) => child instanceof MessageNode && child.isError)) {
      this.lastGood = this.children;
    }
    if (this.children) this.previous = this.children;
    this.children = undefined;
  }

  private async load(): Promise<TreeNode[]> {
    const signal = this.context.session.signal;
    try {
      const children = await this.context.withProgress(() => this.loadChildren(signal));
      this.lastGood = undefined;
      this.children = this.keepUnchanged(this.previous, children);
      this.previous = undefined;
      return this.children;
    } catch (error) {
      this.previous = undefined;
      if (signal.aborted) return [];
      const { message, remedies } = describeError(error);
      this.context.log.warn(`${this.id}: could not load its children: ${error instanceof Error ? error.message : String(error)}`);
      // Stale data is better than none, except when the account is refused or the row itself is gone.
      if (this.lastGood && !remedies.includes('signIn') && !remedies.includes('refreshList')) {
        this.sayRefreshFailed(message);
        this.children = this.lastGood;
        return this.lastGood;
      }
      this.children = [MessageNode.error(this, this.loadFailedLabel(message), message, remedies)];
      return this.children;
    }
  }

  private async reloadInBackground(): Promise<void> {
    const signal = this.context.session.signal;
    const shown = this.children;
    try {
      const fresh = await this.context.withProgress(() => this.loadChildren(signal));
      if (signal.aborted || this.children !== shown) return;
      this.children = this.keepUnchanged(shown, fresh);
      this.lastGood = undefined;
      if (!sameRows(shown, this.children)) this.context.changed(this.isRoot ? undefined : this);
    } catch (error) {
      if (signal.aborted) return;
      this.context.log.warn(`${this.id}: could not refresh its children: ${error instanceof Error ? error.message : String(error)}`);
      const { message, remedies } = describeError(error);
      if (remedies.includes('signIn') || remedies.includes('refreshList')) {
        // The row itself is gone (or the account refused): its old children would mislead.
        this.children = [MessageNode.error(this, this.loadFailedLabel(message), message, remedies)];
        this.context.changed(this.isRoot ? undefined : this);
        return;
      }
      this.sayRefreshFailed(message);
    }
  }

  /**
   * The fresh children, except that a child drawn exactly as before is the same object as before:
   * it keeps its own children (and, after a refresh, renews them), so VS Code has nothing to wait for there.
   */
  private keepUnchanged(before: readonly TreeNode[] | undefined, fresh: TreeNode[], { renew } = { renew: true }): TreeNode[] {
    if (!before?.length) return fresh;
    const kept = new Map(before.map((node) => [node.id, node]));
    return fresh.map((node) => {
      const old = kept.get(node.id);
      if (!old || old === node || drawing(old) !== drawing(node)) return node;
      if (renew && old instanceof ParentNode) old.renew();
      return old;
    });
  }

  private sayRefreshFailed(reason: string): void {
    this.context.setMessage(
      vscode.l10n.t({
        message: 'Could not refresh: {0} Showing what was loaded before.',
        args: [reason],
        comment: ['{0} is the reason'],
      }),
    );
  }
}

/** What a row looks like, to tell whether a fresh one differs; command arguments are nodes, not looks. */
function drawing(node: TreeNode): string {
  return JSON.stringify(node.getTreeItem(), (key, value: unknown) => (key === 'arguments' ? undefined : value));
}

function sameRows(before: readonly TreeNode[] | undefined, after: readonly TreeNode[]): boolean {
  return before !== undefined && before.length === after.length && before.every((node, index) => node === after[index]);
}
