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
    // The thing is gone (unlinked elsewhere): the list above it is what needs reloading.
    const gone = remedies.includes('refreshList');
    const label = signIn ? vscode.l10n.t({ message: 'Sign in again: {0}', args: [reason], comment: ['{0} is why'] }) : failedLabel;
    const command: vscode.Command = signIn
      ? { command: 'scalingo.signIn', title: vscode.l10n.t('Sign In') }
      : gone
        ? { command: 'scalingo.refresh', title: vscode.l10n.t('Refresh the List') }
        : retry;
    return new MessageNode(parent, key ? `${parent.id}/error:${key}` : `${parent.id}/error`, 'error', label, {
      tooltip: reason,
      command,
      icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
      contextValue: signIn ? 'message.signIn' : gone ? 'message.gone' : 'message.error',
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

  /**
   * A value from the API that the extension cannot use, in the place of the row it would have been:
   * says what is wrong with it; its siblings stay. No Retry: the same data would come back.
   */
  static problem(
    parent: TreeNode,
    key: string,
    label: string,
    tooltip: string,
    options: { readonly severity?: 'warning' | 'error'; readonly command?: vscode.Command } = {},
  ): MessageNode {
    const severity = options.severity ?? 'warning';
    return new MessageNode(parent, `${parent.id}/problem:${key}`, 'hint', label, {
      tooltip,
      icon: new vscode.ThemeIcon(severity, new vscode.ThemeColor(severity === 'error' ? 'list.errorForeground' : 'list.warningForeground')),
      contextValue: 'message.problem',
      ...(options.command ? { command: options.command } : {}),
    });
  }

  /** A row that does something in place of data the list could not show ("Search in platform…"). */
  static action(parent: TreeNode, key: string, label: string, tooltip: string, icon: vscode.ThemeIcon, command: vscode.Command): MessageNode {
    return new MessageNode(parent, `${parent.id}/action:${key}`, 'hint', label, { tooltip, command, icon, contextValue: 'message.action' });
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
