import * as vscode from 'vscode';
import { isScalingoError } from '../api/errors';
import type { Integration, SshKey } from '../api/publicTypes';
import type { ScalingoSession } from '../auth/session';
import { IntegrationNode } from '../tree/nodes/integrationNode';
import { platformName } from '../tree/platforms';
import { abortSignalOf } from '../util/cancellation';
import { hostOf } from '../util/urls';
import { pickIntegration } from './pickIntegration';
import { showError } from './showError';

async function integrationOf(session: ScalingoSession, node: unknown, placeHolder: string): Promise<Integration | undefined> {
  if (node instanceof IntegrationNode) return node.integration;
  return pickIntegration(session, placeHolder);
}

function describe(integration: Integration): string {
  return [platformName(integration.scmType), integration.username, hostOf(integration.url)].filter(Boolean).join(' · ');
}

/** The names of the Scalingo apps that deploy through an integration (its repository links). */
export type AppsDeployingThrough = (integrationId: string) => Promise<readonly string[]>;

/**
 * `scalingo.unlinkIntegration`: asks first (modally, naming what goes, and the apps that deploy
 * through it: the safety check the dashboard lacks), then unlinks. A 404 means it was already
 * gone, which is what the user wanted: say so and refresh.
 */
export async function unlinkIntegration(
  session: ScalingoSession,
  node: unknown,
  onChanged: () => void,
  appsDeployingThrough: AppsDeployingThrough,
): Promise<boolean> {
  try {
    const integration = await integrationOf(session, node, vscode.l10n.t('Unlink which code host?'));
    if (!integration) return false;
    const detail = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking which apps deploy through it…') },
      () => unlinkDetail(integration, appsDeployingThrough),
    );
    const unlink = vscode.l10n.t('Unlink');
    const confirmed = await vscode.window.showWarningMessage(
      vscode.l10n.t({ message: 'Unlink {0} from your Scalingo account?', args: [describe(integration)], comment: ['{0} names the integration'] }),
      { modal: true, detail },
      unlink,
    );
    if (confirmed !== unlink) return false;
    try {
      const client = await session.client();
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Unlinking…'), cancellable: true },
        (_progress, cancellation) => client.unlinkIntegration(integration.id, abortSignalOf(cancellation)),
      );
    } catch (error) {
      if (!isScalingoError(error, 'notFound')) throw error;
      void vscode.window.showInformationMessage(
        vscode.l10n.t({ message: '{0} was already unlinked.', args: [describe(integration)], comment: ['{0} names the integration'] }),
      );
    }
    onChanged();
    return true;
  } catch (error) {
    showError(error, { retry: () => unlinkIntegration(session, node, onChanged, appsDeployingThrough) });
    return false;
  }
}

async function unlinkDetail(integration: Integration, appsDeployingThrough: AppsDeployingThrough): Promise<string> {
  let apps: readonly string[];
  try {
    apps = await appsDeployingThrough(integration.id);
  } catch {
    // Not knowing must not block the unlink, but the person must know that we do not know.
    return vscode.l10n.t(
      'Could not check which Scalingo apps deploy through this code host: their automatic deploys and review apps would stop until it is linked again.',
    );
  }
  if (apps.length === 0) {
    return vscode.l10n.t('No Scalingo app deploys through this code host.');
  }
  const list = [...apps].sort((a, b) => a.localeCompare(b)).join(', ');
  return apps.length === 1
    ? vscode.l10n.t({
        message: '1 app deploys through this integration: {0}. Its automatic deploys and review apps stop until the code host is linked again.',
        args: [list],
        comment: ['{0} is an app name'],
      })
    : vscode.l10n.t({
        message: '{0} apps deploy through this integration: {1}. Their automatic deploys and review apps stop until the code host is linked again.',
        args: [apps.length, list],
        comment: ['{0} is a count', '{1} lists app names'],
      });
}

/** `scalingo.importKeys`: imports the code host's SSH keys into Scalingo and names what arrived. */
export async function importKeys(session: ScalingoSession, node: unknown): Promise<SshKey[] | undefined> {
  try {
    const integration = await integrationOf(session, node, vscode.l10n.t('Import SSH keys from which code host?'));
    if (!integration) return undefined;
    const client = await session.client();
    const keys = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t({ message: 'Importing SSH keys from {0}…', args: [describe(integration)], comment: ['{0} names the integration'] }),
        cancellable: true,
      },
      (_progress, cancellation) => client.importKeys(integration.id, abortSignalOf(cancellation)),
    );
    if (keys.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t({
          message: 'No new SSH key to import from {0}: Scalingo already has them all.',
          args: [describe(integration)],
          comment: ['{0} names the integration'],
        }),
      );
      return keys;
    }
    const show = vscode.l10n.t('Show Keys');
    const names = keys.map((key) => key.name).join(', ');
    void vscode.window
      .showInformationMessage(
        keys.length === 1
          ? vscode.l10n.t({ message: 'Imported one SSH key into Scalingo: {0}', args: [names], comment: ['{0} is the key name'] })
          : vscode.l10n.t({
              message: 'Imported {0} SSH keys into Scalingo: {1}',
              args: [keys.length, names],
              comment: ['{0} is a count', '{1} lists key names'],
            }),
        show,
      )
      .then((choice) => {
        if (choice === show) {
          void vscode.window.showQuickPick(
            keys.map((key) => ({ label: `$(key) ${key.name}`, description: key.fingerprint ?? '' })),
            { title: vscode.l10n.t('Imported SSH keys'), canPickMany: false },
          );
        }
      });
    return keys;
  } catch (error) {
    showError(error, { retry: () => importKeys(session, node) });
    return undefined;
  }
}
