import * as vscode from 'vscode';
import type { Deployment, RegionalClient } from '../api/publicTypes';
import { isScalingoError } from '../api/errors';
import { isSuccess } from '../api/regional/deploymentStatus';
import { loadApi } from '../auth/apiLoader';
import { endedBySettingsChange } from '../auth/session';
import { deploymentStatusWord } from '../tree/deploymentWords';
import { abortSignalOf } from '../util/cancellation';
import { webUrl } from '../util/urls';

export interface FollowedDeployment {
  readonly region: RegionalClient;
  readonly appName: string;
  readonly branch: string;
  /** The app's public URL, for "Open App" at the end; read from the API when not known. */
  readonly appUrl: string | undefined;
  readonly deployment: Deployment;
  /** The notification's title ("Deploying main to my-app"). */
  readonly title: string;
  /**
   * The session that `region` speaks for (`session.signal`, taken when the command started):
   * aborted at sign-out, when another account signs in, or when the connection is rebuilt.
   */
  readonly session: AbortSignal;
}

/** `sessionEnded`: the session the deployment was followed with ended; the follower stopped quietly. */
export type FollowOutcome = 'success' | 'failure' | 'stoppedWaiting' | 'sessionEnded';

/**
 * The UI around the deployment follower, for the deploy and the review-app flows: status words in
 * a cancellable notification (cancelling stops the waiting, not the deployment), then success with
 * "Open App" or the failure status with "Open Deployment Log" (the app's dashboard page).
 * When the session ends (sign-out, another account), the polls stop at once and the notification
 * closes without a word: the person ended it themselves, and the old client must send nothing more.
 */
export async function followInNotification(followed: FollowedDeployment): Promise<FollowOutcome> {
  const { region, appName, branch } = followed;
  const api = await loadApi();
  const dashboard = region.dashboardUrl(appName);
  let final: Deployment | undefined;
  try {
    final = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: followed.title, cancellable: true },
      (progress, cancellation) =>
        api.followDeployment(
          region,
          appName,
          followed.deployment,
          (deployment) => progress.report({ message: deploymentStatusWord(deployment.status) }),
          AbortSignal.any([abortSignalOf(cancellation), followed.session]),
        ),
    );
  } catch (error) {
    // Signed out or another account: quietly. New connection settings: the person still follows
    // this account, so they are told that the waiting stopped, as after Cancel.
    if (followed.session.aborted && !endedBySettingsChange(followed.session)) return 'sessionEnded';
    if (!isScalingoError(error, 'cancelled') && !followed.session.aborted) throw error;
    const open = vscode.l10n.t('Open in Dashboard');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t({
          message: 'Stopped following the deployment of {0} to {1}; it goes on on Scalingo.',
          args: [branch, appName],
          comment: ['{0} is a branch', '{1} is an app name'],
        }),
        ...(dashboard ? [open] : []),
      )
      .then((choice) => (choice === open && dashboard ? openExternal(dashboard) : undefined));
    return 'stoppedWaiting';
  }
  if (isSuccess(final.status)) {
    const openApp = vscode.l10n.t('Open App');
    const url = followed.appUrl ?? (await appUrlOf(region, appName));
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t({ message: 'Deployed {0} to {1}.', args: [branch, appName], comment: ['{0} is a branch', '{1} is an app name'] }),
        ...(url ? [openApp] : []),
      )
      .then((choice) => (choice === openApp && url ? openExternal(url) : undefined));
    return 'success';
  }
  const openLog = vscode.l10n.t('Open Deployment Log');
  void vscode.window
    .showErrorMessage(
      vscode.l10n.t({
        message: 'The deployment of {0} to {1} failed: {2}.',
        args: [branch, appName, deploymentStatusWord(final.status)],
        comment: ['{0} is a branch', '{1} is an app name', '{2} is the final status, such as "build error"'],
      }),
      ...(dashboard ? [openLog] : []),
    )
    .then((choice) => (choice === openLog && dashboard ? openExternal(dashboard) : undefined));
  return 'failure';
}

async function appUrlOf(region: RegionalClient, appName: string): Promise<string | undefined> {
  try {
    return webUrl((await region.getApp(appName)).url);
  } catch {
    // The deployment succeeded; a missing button is no reason to report a failure.
    return undefined;
  }
}

export function openExternal(url: string): Thenable<boolean> {
  return vscode.env.openExternal(vscode.Uri.parse(url, true));
}
