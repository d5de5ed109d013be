import * as vscode from 'vscode';
import type { RemedyAction } from '../../errorMessages';
import type { TreeNode } from '../treeNode';

type MessageKind = 'error' | 'hint' | 'empty';

/**
 * A row that is not data: a failure in place of children (with Retry / Sign in again), a hint
 * that explains an empty list, or a quiet "nothing here". Never a failure shown as "none".
 */
export class MessageNode implements TreeNode {
  private constructor(
    readonly parent: TreeNode | undefined,
    readonly id: string,
    private readonly kind: MessageKind,
    private readonly label: string,
    private readonly options: { tooltip?: string; command?: vscode.Command; icon?: vscode.ThemeIcon; contextValue?: string } = {},
  ) {}

  get isError(): boolean {
    return this.kind === 'error';
  }

  /** `label` says what failed ("Couldn't load organizations: …"); `reason` goes in the tooltip. */
  static error(
    parent: TreeNode,
    failedLabel: string,
    reason: string,
    remedies: readonly RemedyAction[],
    retry: vscode.Command = { command: 'scalingo.refreshNode', title: vscode.l10n.t('Retry'), arguments: [parent] },
    /** Tells apart several error rows under one parent (a region's apps beside the pull requests'). */
    key?: string,
  ): MessageNode {
    const signIn = remedies.includes('signIn') && !remedies.includes('retry');
    const label = signIn ? vscode.l10n.t({ message: 'Sign in again: {0}', args: [reason], comment: ['{0} is why'] }) : failedLabel;
    const command: vscode.Command = signIn
      ? { command: 'scalingo.signIn', title: vscode.l10n.t('Sign In') }
      : retry;
    return new MessageNode(parent, key ? `${parent.id}/error:${key}` : `${parent.id}/error`, 'error', label, {
      tooltip: reason,
      command,
      icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
      contextValue: signIn ? 'message.signIn' : 'message.error',
    });
  }

  static hint(parent: TreeNode, key: string, label: string, tooltip: string, command?: vscode.Command): MessageNode {
    return new MessageNode(parent, `${parent.id}/hint:${key}`, 'hint', label, {
      tooltip,
      ...(command ? { command } : {}),
      icon: new vscode.ThemeIcon('info'),
      contextValue: 'message.hint',
    });
  }

  static empty(parent: TreeNode, label: string): MessageNode {
    return new MessageNode(parent, `${parent.id}/empty`, 'empty', label, { contextValue: 'message.empty' });
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.options.contextValue;
    if (this.options.tooltip) item.tooltip = this.options.tooltip;
    if (this.options.command) item.command = this.options.command;
    if (this.options.icon) item.iconPath = this.options.icon;
    return item;
  }
}
