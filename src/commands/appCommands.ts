import * as vscode from 'vscode';
import { isScalingoError } from '../api/errors';
import type { ScalingoSession } from '../auth/session';
import type { AppLinkIndexes } from '../tree/appLinkIndex';
import { ReviewAppNode } from '../tree/nodes/reviewAppNode';
import { abortSignalOf } from '../util/cancellation';
import { webUrl } from '../util/urls';
import { appTargetOf, type AppTarget } from './appTarget';
import { openExternal } from './followDeploymentProgress';
import { showError } from './showError';

type AppsChanged = (target: AppTarget) => void;

/** `scalingo.openApp`: the app's public URL (a review app's too). */
export async function openApp(session: ScalingoSession, appLinks: AppLinkIndexes, node: unknown): Promise<void> {
  try {
    if (node instanceof ReviewAppNode) return await openUrlOrSay(node.webUrl ?? webUrl((await node.region.getApp(node.appName)).url));
    const target = await appTargetOf(node, session, appLinks, vscode.l10n.t('Open which app?'));
    if (!target) return;
    await openUrlOrSay(target.appUrl ?? webUrl((await target.region.getApp(target.appName, session.signal)).url));
  } catch (error) {
    showError(error, { retry: () => openApp(session, appLinks, node) });
  }
}

/** `scalingo.openAppDashboard`: `{dashboard}/apps/{region}/{app}`. */
export async function openAppDashboard(session: ScalingoSession, appLinks: AppLinkIndexes, node: unknown): Promise<void> {
  try {
    if (node instanceof ReviewAppNode) return await openUrlOrSay(node.dashboardUrl);
    const target = await appTargetOf(node, session, appLinks, vscode.l10n.t('Open which app in the dashboard?'));
    if (target) await openUrlOrSay(target.region.dashboardUrl(target.appName));
  } catch (error) {
    showError(error);
  }
}

/** `scalingo.turnAutoDeployOn` / `…Off` and `scalingo.turnReviewAppsOn` / `…Off`. */
export async function changeLinkSetting(
  session: ScalingoSession,
  appLinks: AppLinkIndexes,
  node: unknown,
  setting: 'autoDeploy' | 'reviewApps',
  on: boolean,
  onChanged: AppsChanged,
): Promise<boolean> {
  try {
    const target = await appTargetOf(node, session, appLinks, vscode.l10n.t('Change which app?'));
    if (!target) return false;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: settingProgressTitle(setting, on, target.appName), cancellable: true },
      (_progress, cancellation) => target.region.updateRepoLink(target.appName, { [setting]: on }, abortSignalOf(cancellation)),
    );
    onChanged(target);
    return true;
  } catch (error) {
    showError(error, { retry: () => changeLinkSetting(session, appLinks, node, setting, on, onChanged) });
    return false;
  }
}

/**
 * `scalingo.unlinkApp`: asks first, naming the app and the repository; the app and its
 * deployments stay. "Already unlinked" is what the user wanted: say so and refresh.
 */
export async function unlinkApp(session: ScalingoSession, appLinks: AppLinkIndexes, node: unknown, onChanged: AppsChanged): Promise<boolean> {
  try {
    const target = await appTargetOf(node, session, appLinks, vscode.l10n.t('Unlink which app?'));
    if (!target) return false;
    const unlink = vscode.l10n.t('Unlink App');
    const confirmed = await vscode.window.showWarningMessage(
      vscode.l10n.t({
        message: 'Unlink {0} from {1}?',
        args: [target.appName, target.repositoryFullName],
        comment: ['{0} is an app name', '{1} is owner/name'],
      }),
      {
        modal: true,
        detail: vscode.l10n.t(
          'Automatic deploys and review apps from this repository stop. The app, its review apps and its deployments stay on Scalingo.',
        ),
      },
      unlink,
    );
    if (confirmed !== unlink) return false;
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Unlinking…'), cancellable: true },
        (_progress, cancellation) => target.region.deleteRepoLink(target.appName, abortSignalOf(cancellation)),
      );
    } catch (error) {
      if (!isScalingoError(error, 'notFound')) throw error;
      void vscode.window.showInformationMessage(
        vscode.l10n.t({ message: '{0} was already unlinked from its repository.', args: [target.appName], comment: ['{0} is an app name'] }),
      );
    }
    onChanged(target);
    return true;
  } catch (error) {
    showError(error, { retry: () => unlinkApp(session, appLinks, node, onChanged) });
    return false;
  }
}

async function openUrlOrSay(url: string | undefined): Promise<void> {
  const target = webUrl(url);
  if (!target) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This item has no web address to open.'));
    return;
  }
  await openExternal(target);
}

function settingProgressTitle(setting: 'autoDeploy' | 'reviewApps', on: boolean, appName: string): string {
  if (setting === 'autoDeploy') {
    return on
      ? vscode.l10n.t({ message: 'Turning automatic deploys on for {0}…', args: [appName], comment: ['{0} is an app name'] })
      : vscode.l10n.t({ message: 'Turning automatic deploys off for {0}…', args: [appName], comment: ['{0} is an app name'] });
  }
  return on
    ? vscode.l10n.t({ message: 'Turning review apps on for {0}…', args: [appName], comment: ['{0} is an app name'] })
    : vscode.l10n.t({ message: 'Turning review apps off for {0}…', args: [appName], comment: ['{0} is an app name'] });
}
