import * as vscode from 'vscode';
import { describeError } from '../errorMessages';
import { MessageNode } from './nodes/messageNode';
import type { TreeContext, TreeNode } from './treeNode';

/**
 * A node whose children come from the API. Loads once and caches; expanding again, or while it
 * loads, sends nothing more. A failed first load becomes an error node in place of the children;
 * a failed refresh keeps the last good children and says so on the view.
 */
export abstract class ParentNode implements TreeNode {
  abstract readonly id: string;
  private children: TreeNode[] | undefined;
  private lastGood: TreeNode[] | undefined;
  private loading: Promise<TreeNode[]> | undefined;

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
    if (this.children && !this.children.some((child) => child instanceof MessageNode && child.isError)) {
      this.lastGood = this.children;
    }
    this.children = undefined;
    this.context.changed(this.isRoot ? undefined : this);
  }

  /** For children that grow after the first load ("Load more…"): replaces them and redraws this node. */
  protected replaceChildren(children: TreeNode[]): void {
    this.children = children;
    this.context.changed(this.isRoot ? undefined : this);
  }

  private async load(): Promise<TreeNode[]> {
    const signal = this.context.session.signal;
    try {
      const children = await this.context.withProgress(() => this.loadChildren(signal));
      this.lastGood = undefined;
      this.children = children;
      return children;
    } catch (error) {
      if (signal.aborted) return [];
      const { message, remedies } = describeError(error);
      this.context.log.warn(`${this.id}: could not load its children: ${error instanceof Error ? error.message : String(error)}`);
      // Stale data is better than none, except when the account itself is refused: then say so.
      if (this.lastGood && !remedies.includes('signIn')) {
        this.context.setMessage(
          vscode.l10n.t({
            message: 'Could not refresh: {0} Showing what was loaded before.',
            args: [message],
            comment: ['{0} is the reason'],
          }),
        );
        this.children = this.lastGood;
        return this.lastGood;
      }
      this.children = [MessageNode.error(this, this.loadFailedLabel(message), message, remedies)];
      return this.children;
    }
  }
}
