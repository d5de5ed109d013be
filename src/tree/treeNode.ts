import type * as vscode from 'vscode';
import type { ScalingoSession } from '../auth/session';
import type { Log } from '../log';
import type { TreeShape } from './treeShape';
import type { AppLinkIndexes } from './appLinkIndex';

/** Every row of the tree: it draws itself and, when it has any, loads its own children. */
export interface TreeNode {
  /**
   * Stable across refreshes (built from API ids), so VS Code keeps expansion and selection; and
   * unique in the whole tree (a child's id starts with its parent's), because the same pull request
   * sits under "This workspace" and under its owner, and VS Code gives a repeated id to one row only.
   */
  readonly id: string;
  readonly parent: TreeNode | undefined;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<TreeNode[]>;
}

/** What nodes need from the view they live in. */
export interface TreeContext {
  readonly session: ScalingoSession;
  readonly log: Log;
  /** What the user hid and pinned. */
  readonly shape: TreeShape;
  /** Which Scalingo apps deploy from which repository, per integration; cleared by a full refresh. */
  readonly appLinks: AppLinkIndexes;
  /** Redraws `node` and re-asks its children; the root when undefined. */
  changed(node: TreeNode | undefined): void;
  /** Shows the view's progress bar while `work` runs. */
  withProgress<T>(work: () => Promise<T>): Promise<T>;
  /** Says something about the whole view (a failed refresh), or clears it. */
  setMessage(message: string | undefined): void;
}
