import * as vscode from 'vscode';
import { EXCHANGE_ROUTE, isScalingoError, type ScalingoError } from './api/errors';
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
  if (error.details.route === EXCHANGE_ROUTE) {
    const exchangeFault = describeExchangeFault(error);
    if (exchangeFault) return exchangeFault;
  }
  if (error.details.webPage) {
    return {
      message: vscode.l10n.t(
        'Scalingo answered with a web page instead of data: a proxy or gateway may be in the way. Check the http.proxy and http.noProxy settings.',
      ),
      remedies: ['retry', 'openSettings', 'showLog'],
    };
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
    case 'proxyAuthenticationRequired':
      return {
        message: vscode.l10n.t(
          'The proxy asks for credentials (HTTP 407). Put them in the http.proxy setting (http://user:password@proxy:port) or in the HTTPS_PROXY environment variable.',
        ),
        remedies: ['openSettings', 'showLog'],
      };
    case 'network':
      if (error.details.untrustedCertificate) {
        return {
          message: vscode.l10n.t(
            "The server's TLS certificate is not trusted. If your company's network re-signs connections, add its CA certificate to the system store or to NODE_EXTRA_CA_CERTS; check the http.proxyStrictSSL setting if a proxy is in the way.",
          ),
          remedies: ['openSettings', 'showLog'],
        };
      }
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

/**
 * The token exchange's faults, each in its own words: only its 401 means the API token is bad
 * (that one is `invalidToken`, worded above); anything else must not send the user to make a new token.
 */
function describeExchangeFault(error: ScalingoError): UserFacingError | undefined {
  switch (error.kind) {
    case 'otpRequired':
      return {
        message: vscode.l10n.t(
          'Scalingo asked for a one-time password: two-factor authentication blocks API tokens on this route. The token itself was not refused.',
        ),
        remedies: ['showLog'],
      };
    case 'rateLimited':
      return {
        message: vscode.l10n.t('Scalingo is limiting requests, so the API token could not be checked yet. Wait a minute, then retry.'),
        remedies: ['retry'],
      };
    case 'server':
      return {
        message: vscode.l10n.t({
          message: 'Scalingo could not check the API token (HTTP {0}): its authentication service has a problem. Try again later.',
          args: [error.status ?? '5xx'],
          comment: ['{0} is an HTTP status code such as 503'],
        }),
        remedies: ['retry', 'showLog'],
      };
    case 'timeout':
      return {
        message: vscode.l10n.t('Scalingo took too long to check the API token. Check your connection, then retry.'),
        remedies: ['retry', 'showLog'],
      };
    case 'invalidResponse':
      return error.details.webPage
        ? {
            message: vscode.l10n.t(
              'A web page came back instead of a Scalingo token: a proxy or captive portal may be in the way. Check the http.proxy and http.noProxy settings.',
            ),
            remedies: ['retry', 'openSettings', 'showLog'],
          }
        : undefined;
    default:
      return undefined;
  }
}

/** The words while requests wait for Scalingo's rate limit: after its 429, or to stay within it. */
export function rateLimitWaitMessage(wait: { readonly retryInMs: number; readonly refused: boolean }): string {
  const seconds = Math.max(1, Math.ceil(wait.retryInMs / 1000));
  return wait.refused
    ? vscode.l10n.t({ message: 'Scalingo is limiting requests; retrying in {0} s', args: [seconds], comment: ['{0} is a number of seconds'] })
    : vscode.l10n.t({
        message: "Staying within Scalingo's 60 requests a minute; the next ones start in {0} s",
        args: [seconds],
        comment: ['{0} is a number of seconds'],
      });
}
