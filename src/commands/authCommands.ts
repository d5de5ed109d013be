import * as vscode from 'vscode';
import type { ScalingoSession } from '../auth/session';
import { rateLimitWaitMessage } from '../errorMessages';
import { abortSignalOf } from '../util/cancellation';
import { showError } from './showError';

/** `scalingo.signIn`: asks for the API token, proves it with the API, then keeps it in SecretStorage. */
export async function signIn(session: ScalingoSession): Promise<boolean> {
  const token = await vscode.window.showInputBox({
    title: vscode.l10n.t('Sign in to Scalingo'),
    prompt: vscode.l10n.t('Paste a Scalingo API token (Dashboard → User settings → API tokens).'),
    placeHolder: 'tk-us-…',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The token cannot be empty.')),
  });
  if (token === undefined) return false;
  try {
    const user = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the token with Scalingo…'), cancellable: true },
      // A 429 on the exchange is waited out (a minute, or Retry-After): say so, or it looks hung.
      (progress, cancellation) =>
        session.signIn(token.trim(), abortSignalOf(cancellation), (wait) => progress.report({ message: rateLimitWaitMessage(wait) })),
    );
    void vscode.window.showInformationMessage(
      vscode.l10n.t({ message: 'Signed in to Scalingo as {0}.', args: [user.username], comment: ['{0} is a username'] }),
    );
    return true;
  } catch (error) {
    showError(error, { retry: () => signIn(session) });
    return false;
  }
}

/** `scalingo.signOut`: forgets the token and everything loaded with it. */
export async function signOut(session: ScalingoSession): Promise<void> {
  try {
    await session.signOut();
  } catch (error) {
    showError(error);
  }
}
