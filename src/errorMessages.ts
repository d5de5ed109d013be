import * as vscode from 'vscode';
import { isScalingoError } from './api/errors';
import { InvalidSettingError, NotSignedInError } from './auth/session';
import { SecretStorageUnavailableError } from './auth/tokenStore';

/** What a person can do about a failure; each becomes a button or a tree action. */
export type RemedyAction = 'signIn' | 'retry' | 'refreshList' | 'openSettings' | 'openProxySettings' | 'showLog';

export interface UserFacingError {
  readonly message: string;
  readonly remedies: readonly RemedyAction[];
}

/**
 * The one place a failure becomes words for a person (localised) and the actions that help.
 * The API module's English messages remain the log's text.
 */
export function describeError(error: unknown): UserFacingError {
  if (error instanceof NotSignedInError) return { message: error.message, remedies: ['signIn'] };
  if (error instanceof InvalidSettingError) return { message: error.message, remedies: ['openSettings'] };
  if (error instanceof SecretStorageUnavailableError) return { message: error.message, remedies: ['showLog'] };
  if (!isScalingoError(error)) {
    return { message: vscode.l10n.t('Something unexpected went wrong. See the Scalingo log for details.'), remedies: ['showLog'] };
  }
  switch (error.kind) {
    case 'invalidToken':
      return {
        message: vscode.l10n.t('Scalingo refused your API token: it is invalid or was revoked. Sign in again with a new token.'),
        remedies: ['signIn'],
      };
    case 'unauthorized':
      return {
        message: vscode.l10n.t(
          'Scalingo refused the request (401). If this is a code host, its token may have been revoked: unlink and link it again.',
        ),
        remedies: ['retry', 'signIn', 'showLog'],
      };
    case 'otpRequired':
      return {
        message: vscode.l10n.t('This Scalingo account uses two-factor authentication and this action needs a one-time password.'),
        remedies: ['showLog'],
      };
    case 'paymentRequired':
      return {
        message: vscode.l10n.t('Your Scalingo account needs attention: it is suspended or its free trial has ended.'),
        remedies: ['showLog'],
      };
    case 'forbidden':
      return { message: vscode.l10n.t('Scalingo does not allow this action for your account.'), remedies: ['showLog'] };
    case 'notFound':
      // Unlinked elsewhere, most often: retrying the same row would answer 404 forever.
      return { message: vscode.l10n.t('Not found on Scalingo: it may have been unlinked or deleted.'), remedies: ['refreshList'] };
    case 'validation':
      return { message: error.message, remedies: [] };
    case 'badRequest':
      return { message: error.message, remedies: ['showLog'] };
    case 'rateLimited':
      return {
        message: vscode.l10n.t('Scalingo is limiting requests (60 a minute). Wait a minute, then retry.'),
        remedies: ['retry'],
      };
    case 'server':
      return {
        message: vscode.l10n.t({
          message: 'Scalingo had a problem (HTTP {0}); the code host behind it may be unreachable. Try again later.',
          args: [error.status ?? '5xx'],
          comment: ['{0} is an HTTP status code such as 503'],
        }),
        remedies: ['retry', 'showLog'],
      };
    case 'network':
      return {
        message: vscode.l10n.t('Could not reach Scalingo. Check your connection and proxy settings.'),
        remedies: ['retry', 'openProxySettings', 'showLog'],
      };
    case 'timeout':
      return { message: vscode.l10n.t('Scalingo took too long to answer.'), remedies: ['retry', 'showLog'] };
    case 'cancelled':
      return { message: vscode.l10n.t('Cancelled.'), remedies: [] };
    case 'invalidResponse':
      return {
        message: vscode.l10n.t('Scalingo sent a response this extension could not read.'),
        remedies: ['retry', 'showLog'],
      };
  }
}
