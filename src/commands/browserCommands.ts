import * as vscode from 'vscode';
import { hasWebUrl } from '../tree/webLinks';
import { webUrl } from '../util/urls';

/** `scalingo.openInBrowser` / `scalingo.openUrl`: only http and https addresses ever reach the browser. */
export async function openInBrowser(target: unknown): Promise<void> {
  const url = urlOf(target);
  if (!url) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This item has no web address to open.'));
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
}

/** `scalingo.copyUrl` */
export async function copyUrl(target: unknown): Promise<void> {
  const url = urlOf(target);
  if (!url) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This item has no web address to copy.'));
    return;
  }
  await vscode.env.clipboard.writeText(url);
  vscode.window.setStatusBarMessage(
    vscode.l10n.t({ message: 'Copied {0}', args: [url], comment: ['{0} is a web address'] }),
    3000,
  );
}

function urlOf(target: unknown): string | undefined {
  if (typeof target === 'string') return webUrl(target);
  return hasWebUrl(target) ? webUrl(target.webUrl) : undefined;
}
