import * as vscode from 'vscode';
import { isScalingoError } from '../api/errors';
import { describeError } from '../errorMessages';

/**
 * A notification for a command the user just ran (background loads become tree nodes instead),
 * with the buttons that help. Cancellation is the user's own choice and says nothing.
 */
export async function showError(error: unknown, handlers: { retry?: () => unknown } = {}): Promise<void> {
  if (isScalingoError(error, 'cancelled')) return;
  const { message, remedies } = describeError(error);
  const buttons = new Map<string, () => unknown>();
  for (const remedy of remedies) {
    if (remedy === 'retry' && handlers.retry) buttons.set(vscode.l10n.t('Retry'), handlers.retry);
    if (remedy === 'signIn') buttons.set(vscode.l10n.t('Sign In'), () => vscode.commands.executeCommand('scalingo.signIn'));
    if (remedy === 'openSettings') {
      buttons.set(vscode.l10n.t('Open Settings'), () => vscode.commands.executeCommand('workbench.action.openSettings', 'scalingo'));
    }
    if (remedy === 'showLog') buttons.set(vscode.l10n.t('Show Log'), () => vscode.commands.executeCommand('scalingo.showLog'));
  }
  const choice = await vscode.window.showErrorMessage(message, ...buttons.keys());
  if (choice) await buttons.get(choice)?.();
}
