import type * as vscode from 'vscode';
import type { ScalingoSession } from '../auth/session';
import type { Log } from '../log';
import type { TreeShape } from './treeShape';

/** Every row of the tree: it draws itself and, when it has any, loads its own children. */
export interface TreeNode {
  /** Stable across refreshes (built from API ids), so VS Code keeps expansion and selection. */
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
  /** Redraws `node` and re-asks its children; the root when undefined. */
  changed(node: TreeNode | undefined): void;
  /** Shows the view's progress bar while `work` runs. */
  withProgress<T>(work: () => Promise<T>): Promise<T>;
  /** Says something about the whole view (a failed refresh), or clears it. */
  setMessage(message: string | undefined): void;
}
