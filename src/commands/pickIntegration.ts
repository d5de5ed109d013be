import * as vscode from 'vscode';
import type { Integration } from '../api/publicTypes';
import type { ScalingoSession } from '../auth/session';
import { platformName } from '../tree/platforms';
import { hostOf } from '../util/urls';

/**
 * The integration a palette command acts on: the only one when there is one, else a pick.
 * Returns undefined when the user dismisses the pick or nothing is linked (and says so).
 */
export async function pickIntegration(
  session: ScalingoSession,
  placeHolder: string,
  filter: (integration: Integration) => boolean = () => true,
): Promise<Integration | undefined> {
  const client = await session.client();
  const integrations = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading integrations…') },
    () => client.listIntegrations(session.signal),
  );
  const candidates = integrations.filter(filter);
  if (candidates.length === 0) {
    const link = vscode.l10n.t('Link a Code Host');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('No code host is linked to your Scalingo account.'), link);
    if (choice === link) await vscode.commands.executeCommand('scalingo.linkIntegration');
    return undefined;
  }
  if (candidates.length === 1) return candidates[0];
  const picked = await vscode.window.showQuickPick(
    candidates.map((integration) => ({
      label: platformName(integration.scmType),
      description: [integration.username, hostOf(integration.url)].filter(Boolean).join(' · '),
      integration,
    })),
    { placeHolder, matchOnDescription: true },
  );
  return picked?.integration;
}
