import * as vscode from 'vscode';
import { isScalingoError } from '../api/errors';
import type { Integration, KnownScmType, LinkableScmType } from '../api/publicTypes';
import { NotSignedInError, type ScalingoSession } from '../auth/session';
import { authUrl } from '../config';
import { platformName } from '../tree/platforms';
import { describeError } from '../errorMessages';
import { MultiStepInput } from './multiStepInput';
import { showError } from './showError';

interface PlatformChoice extends vscode.QuickPickItem {
  readonly scmType: KnownScmType;
}

/** What the wizard has gathered; kept across Back, failures and the server's 422. */
interface LinkDraft {
  scmType: LinkableScmType;
  url: string;
  token: string;
  urlMessage?: string;
  tokenMessage?: string;
}

/**
 * `scalingo.linkIntegration`. GitHub and GitLab (.com) link through Scalingo's OAuth pages in the
 * browser; GitHub Enterprise and GitLab self-hosted through a URL and a personal access token,
 * sent to Scalingo which checks them with the code host.
 * Resolves with the new integration, or undefined when nothing was linked here.
 */
export async function linkIntegration(
  session: ScalingoSession,
  onLinked: (integration?: Integration) => Promise<void>,
  /** Called as the browser's OAuth page opens: the view then looks for the new integration on return. */
  expectFromBrowser: (scmType: 'github' | 'gitlab') => void = () => undefined,
): Promise<Integration | undefined> {
  // Signed out (the palette offers the command before activation): say so before asking anything.
  if (!(await signedIn(session))) return undefined;
  const platform = await vscode.window.showQuickPick<PlatformChoice>(platformChoices(), {
    title: vscode.l10n.t('Link a code host to Scalingo'),
    placeHolder: vscode.l10n.t('Which code host?'),
    matchOnDetail: true,
  });
  if (!platform) return undefined;
  if (platform.scmType === 'github' || platform.scmType === 'gitlab') {
    expectFromBrowser(platform.scmType);
    await linkInBrowser(platform.scmType, onLinked);
    return undefined;
  }
  const draft: LinkDraft = { scmType: platform.scmType, url: '', token: '' };
  return runWizard(session, draft, onLinked);
}

async function signedIn(session: ScalingoSession): Promise<boolean> {
  try {
    if (await session.isSignedIn()) return true;
    showError(new NotSignedInError());
  } catch (error) {
    showError(error);
  }
  return false;
}

function platformChoices(): PlatformChoice[] {
  return [
    { scmType: 'github', label: '$(github) GitHub', detail: vscode.l10n.t('github.com — authorize Scalingo in your browser') },
    { scmType: 'gitlab', label: 'GitLab', detail: vscode.l10n.t('gitlab.com — authorize Scalingo in your browser') },
    {
      scmType: 'github-enterprise',
      label: '$(github) GitHub Enterprise',
      detail: vscode.l10n.t('Your GitHub Enterprise server, with a personal access token (repo scope)'),
    },
    {
      scmType: 'gitlab-self-hosted',
      label: vscode.l10n.t('GitLab self-hosted'),
      detail: vscode.l10n.t('Your GitLab instance, with a personal access token (api and read_user scopes)'),
    },
  ];
}

async function linkInBrowser(scmType: 'github' | 'gitlab', onLinked: () => Promise<void>): Promise<void> {
  const target = authUrl();
  const origin = 'url' in target ? new URL(target.url).origin : 'https://auth.scalingo.com';
  await vscode.env.openExternal(vscode.Uri.parse(`${origin}/users/${scmType}/link`, true));
  const refresh = vscode.l10n.t('Refresh');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t({
      message: 'Finish linking {0} in your browser: the Scalingo view shows it when you come back.',
      args: [platformName(scmType)],
      comment: ['{0} is GitHub or GitLab'],
    }),
    refresh,
  );
  if (choice === refresh) await onLinked();
}

/** What one link request came to: the new integration, a step to fix, one to retry, or the end. */
type SendOutcome = Integration | 'fixUrl' | 'fixToken' | 'retry' | 'failed' | 'closed';

async function runWizard(session: ScalingoSession, draft: LinkDraft, onLinked: (integration?: Integration) => Promise<void>): Promise<Integration | undefined> {
  const wizard = new MultiStepInput();
  const title = vscode.l10n.t({ message: 'Link {0}', args: [platformName(draft.scmType)], comment: ['{0} is a platform name'] });
  let step: 'url' | 'token' = 'url';
  let retryable = false;
  try {
    for (;;) {
      if (step === 'url') {
        const { result, value } = await wizard.ask({
          title,
          step: 1,
          totalSteps: 2,
          prompt: vscode.l10n.t('The address of your server, for example https://git.example.com'),
          placeholder: 'https://',
          value: draft.url,
          serverMessage: draft.urlMessage,
          validate: validateServerUrl,
        });
        draft.url = value.trim().replace(/\/+$/u, '');
        draft.urlMessage = undefined;
        if (result !== 'next') return undefined;
        step = 'token';
        continue;
      }
      const { result, value } = await wizard.ask({
        title,
        step: 2,
        totalSteps: 2,
        prompt: tokenPrompt(draft.scmType),
        password: true,
        value: draft.token,
        serverMessage: draft.tokenMessage,
        retry: retryable,
        validate: (text) => (text.trim() ? undefined : vscode.l10n.t('The token cannot be empty.')),
      });
      draft.token = value.trim();
      draft.tokenMessage = undefined;
      retryable = false;
      if (result === 'back') {
        step = 'url';
        continue;
      }
      if (result === 'cancel') return undefined;

      const outcome = await send(session, draft, wizard);
      if (outcome === 'failed' || outcome === 'closed') return undefined;
      if (outcome === 'fixUrl') {
        step = 'url';
        continue;
      }
      if (outcome === 'retry') retryable = true;
      if (outcome === 'fixToken' || outcome === 'retry') continue;
      wizard.dispose();
      await onLinked(outcome);
      void vscode.window.showInformationMessage(
        vscode.l10n.t({
          message: 'Linked {0} as {1}.',
          args: [platformName(outcome.scmType), outcome.username ?? draft.url],
          comment: ['{0} is a platform name', '{1} is a username'],
        }),
      );
      return outcome;
    }
  } finally {
    wizard.dispose();
  }
}

/**
 * Sends the link request with the wizard's input on screen and busy. Whatever goes wrong, what was
 * typed is kept: a 422 goes on the step it is about; a failure that may pass (5xx, time-out,
 * network, rate limit) stays on the token step with its message and Retry; only a failure the
 * wizard cannot help with (signed out, refused account) closes it for a notification.
 */
async function send(session: ScalingoSession, draft: LinkDraft, wizard: MultiStepInput): Promise<SendOutcome> {
  try {
    const client = await session.client();
    return await wizard.whileBusy(
      vscode.l10n.t({ message: 'Linking {0}…', args: [draft.url], comment: ['{0} is a server address'] }),
      (signal) => client.linkIntegration({ scmType: draft.scmType, url: draft.url, accessToken: draft.token }, signal),
    );
  } catch (error) {
    if (isScalingoError(error, 'validation')) {
      // Put each server message on the step it is about, and show that step with what was typed.
      // The server words fields as Rails does ("url is invalid"): keep its words, name the field.
      const { url, scm_type: scmType, access_token: accessToken, ...others } = error.fieldErrors;
      const urlProblems = [
        ...(scmType ?? []).map((message) => `${platformName(draft.scmType)} ${message}`),
        ...(url ?? []).map((message) => `URL ${message}`),
      ];
      const tokenProblems = [
        ...(accessToken ?? []).map((message) => `token ${message}`),
        ...Object.entries(others).map(([field, messages]) => `${field.replace(/_/gu, ' ')} ${messages.join(', ')}`),
      ];
      if (urlProblems.length > 0) {
        draft.urlMessage = vscode.l10n.t({ message: 'Scalingo: {0}', args: [urlProblems.join('; ')], comment: ['{0} is what Scalingo said'] });
        return 'fixUrl';
      }
      draft.tokenMessage = vscode.l10n.t({
        message: 'Scalingo: {0}. {1}',
        args: [(tokenProblems.join('; ') || error.message).replace(/\.+$/u, ''), tokenScopesHint(draft.scmType)],
        comment: ['{0} is what Scalingo said', '{1} says which token scopes are needed'],
      });
      return 'fixToken';
    }
    if (isScalingoError(error, 'cancelled')) return 'closed';
    const { message, remedies } = describeError(error);
    if (remedies.includes('retry') && !remedies.includes('signIn')) {
      draft.tokenMessage = message;
      return 'retry';
    }
    wizard.dispose();
    showError(error);
    return 'failed';
  }
}

function validateServerUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return vscode.l10n.t('Type a full address, starting with https://');
  }
  if (url.protocol !== 'https:') return vscode.l10n.t('Scalingo needs an https:// address.');
  if (!url.hostname) return vscode.l10n.t('The address needs a host name.');
  return undefined;
}

function tokenPrompt(scmType: LinkableScmType): string {
  return scmType === 'gitlab-self-hosted'
    ? vscode.l10n.t('A GitLab personal access token with the api and read_user scopes (not a group or project token)')
    : vscode.l10n.t('A GitHub Enterprise personal access token with the repo scope');
}

function tokenScopesHint(scmType: LinkableScmType): string {
  return scmType === 'gitlab-self-hosted'
    ? vscode.l10n.t('Use a personal access token with the api and read_user scopes; group and project tokens do not work.')
    : vscode.l10n.t('Use a personal access token with the repo scope.');
}
