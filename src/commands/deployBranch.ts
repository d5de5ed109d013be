import * as vscode from 'vscode';
import type { ScalingoSession } from '../auth/session';
import type { AppLinkIndexes } from '../tree/appLinkIndex';
import { abortSignalOf } from '../util/cancellation';
import { appTargetOf, type AppTarget } from './appTarget';
import { followInNotification, type FollowOutcome } from './followDeploymentProgress';
import { showError } from './showError';

/**
 * `scalingo.deployBranch`: a branch of the linked repository (the link's own first), a
 * confirmation naming the app and the branch, then the deployment followed to its end.
 */
export async function deployBranch(
  session: ScalingoSession,
  appLinks: AppLinkIndexes,
  node: unknown,
): Promise<FollowOutcome | undefined> {
  // The session the command runs for: its end (sign-out, another account) ends the following too.
  const lifetime = session.signal;
  try {
    const target = await appTargetOf(node, session, appLinks, vscode.l10n.t('Deploy which app?'));
    if (!target) return undefined;
    const branch = await pickBranch(session, target);
    if (!branch) return undefined;
    const deploy = vscode.l10n.t('Deploy');
    const confirmed = await vscode.window.showWarningMessage(
      vscode.l10n.t({ message: 'Deploy {0} to {1}?', args: [branch, target.appName], comment: ['{0} is a branch', '{1} is an app name'] }),
      {
        modal: true,
        detail: vscode.l10n.t({
          message: 'Scalingo builds {0}@{1} and replaces what {2} runs in {3} once the build succeeds.',
          args: [target.repositoryFullName, branch, target.appName, target.region.name],
          comment: ['{0} is owner/name', '{1} is a branch', '{2} is an app name', '{3} is a Scalingo region'],
        }),
      },
      deploy,
    );
    if (confirmed !== deploy) return undefined;
    if (lifetime.aborted) {
      // Signed out (or another account) while the modal was open: its client is closed, and the
      // person may no longer mean this account's app.
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The Scalingo session ended while the confirmation was open: nothing was deployed.'),
      );
      return undefined;
    }
    const deployment = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t({ message: 'Starting the deployment of {0}…', args: [target.appName], comment: ['{0} is an app name'] }),
        cancellable: true,
      },
      (_progress, cancellation) => target.region.manualDeploy(target.appName, branch, AbortSignal.any([abortSignalOf(cancellation), lifetime])),
    );
    return await followInNotification({
      region: target.region,
      appName: target.appName,
      branch,
      appUrl: target.appUrl,
      deployment,
      title: vscode.l10n.t({ message: 'Deploying {0} to {1}', args: [branch, target.appName], comment: ['{0} is a branch', '{1} is an app name'] }),
      session: lifetime,
    });
  } catch (error) {
    showError(error, { retry: () => deployBranch(session, appLinks, node) });
    return undefined;
  }
}

async function pickBranch(session: ScalingoSession, target: AppTarget): Promise<string | undefined> {
  const branches = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading branches…') },
    () => target.region.listLinkBranches(target.appName, session.signal),
  );
  const linked = target.link.branch;
  const ordered = [...(linked && branches.includes(linked) ? [linked] : []), ...branches.filter((branch) => branch !== linked)];
  const picked = await vscode.window.showQuickPick(
    ordered.map((branch) => ({
      label: `$(git-branch) ${branch}`,
      description: branch === linked ? vscode.l10n.t('the branch the app deploys from') : undefined,
      branch,
    })),
    {
      title: vscode.l10n.t({ message: 'Deploy {0}', args: [target.appName], comment: ['{0} is an app name'] }),
      placeHolder: vscode.l10n.t({ message: 'Which branch of {0}?', args: [target.repositoryFullName], comment: ['{0} is owner/name'] }),
    },
  );
  return picked?.branch;
}
