import * as vscode from 'vscode';
import { isScalingoError } from '../api/errors';
import { describeError } from '../errorMessages';
import { SETTINGS_FILTER } from '../extensionIdentity';

/**
 * A notification for a command the user just ran (background loads become tree nodes instead),
 * with the buttons that help. Cancellation is the user's own choice and says nothing.
 * It does not wait for the user: the command is over, a toast left open must not keep it running.
 */
export function showError(error: unknown, handlers: { retry?: () => unknown } = {}): void {
  if (isScalingoError(error, 'cancelled')) return;
  const { message, remedies } = describeError(error);
  const buttons = new Map<string, () => unknown>();
  for (const remedy of remedies) {
    if (remedy === 'retry' && handlers.retry) buttons.set(vscode.l10n.t('Retry'), handlers.retry);
    if (remedy === 'refreshList') buttons.set(vscode.l10n.t('Refresh the List'), () => vscode.commands.executeCommand('scalingo.refresh'));
    if (remedy === 'signIn') buttons.set(vscode.l10n.t('Sign In'), () => vscode.commands.executeCommand('scalingo.signIn'));
    if (remedy === 'openSettings') {
      buttons.set(vscode.l10n.t('Open Settings'), () => vscode.commands.executeCommand('workbench.action.openSettings', SETTINGS_FILTER));
    }
    if (remedy === 'openProxySettings') {
      // The proxy settings are VS Code's own (http.*), which the extension's filter does not show.
      buttons.set(vscode.l10n.t('Open Proxy Settings'), () => vscode.commands.executeCommand('workbench.action.openSettings', 'http.proxy'));
    }
    if (remedy === 'showLog') buttons.set(vscode.l10n.t('Show Log'), () => vscode.commands.executeCommand('scalingo.showLog'));
  }
  void vscode.window.showErrorMessage(message, ...buttons.keys()).then((choice) => (choice ? buttons.get(choice)?.() : undefined));
}
