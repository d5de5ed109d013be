import * as vscode from 'vscode';
import { DEFAULT_AUTH_URL } from '../config';
import { EXTENSION_ID } from '../extensionIdentity';

/**
 * `scalingo.reportIssue`: VS Code's issue reporter, set to this extension, with the versions a
 * maintainer asks first. Nothing in it comes from the account: no token, no user name, no address
 * of a self-hosted code host or of a custom Scalingo endpoint (only whether one is set).
 */
export async function reportIssue(extensionVersion: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openIssueReporter', {
    extensionId: EXTENSION_ID,
    issueBody: [
      `### ${vscode.l10n.t('What happened')}`,
      '',
      `### ${vscode.l10n.t('What you expected')}`,
      '',
      `### ${vscode.l10n.t('Steps to reproduce')}`,
      '',
    ].join('\n'),
    data: environmentReport(extensionVersion),
  });
}

/** English on purpose: it is read by the maintainers, whatever the reporter's language. */
export function environmentReport(extensionVersion: string): string {
  const configuredAuthUrl = vscode.workspace.getConfiguration('scalingo').get<string>('authUrl')?.trim();
  const customAuthUrl = !!configuredAuthUrl && configuredAuthUrl.replace(/\/+$/u, '') !== DEFAULT_AUTH_URL;
  return [
    `Scalingo SCM: ${extensionVersion}`,
    `VS Code: ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}${remoteKind()})`,
    `Extension host: Node ${process.versions.node}, ${process.platform}-${process.arch}`,
    `Display language: ${vscode.env.language}`,
    `scalingo.authUrl: ${customAuthUrl ? 'custom (not shown)' : 'default'}`,
  ].join('\n');
}

/** "ssh-remote", "wsl", "dev-container"…: the kind only. A remote's name can hold a host name
 * (`ssh-remote+build.corp`; code-server names it by its address), which stays out of the report. */
function remoteKind(): string {
  const name = vscode.env.remoteName;
  if (!name) return '';
  const kind = name.split('+')[0] ?? '';
  return /^[a-z-]+$/u.test(kind) ? `, remote: ${kind}` : ', remote';
}
