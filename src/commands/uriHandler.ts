import * as vscode from 'vscode';
import type { Log } from '../log';

/**
 * `vscode://scalingo-community.scalingo-scm/<anything>`: a link from a browser page or a terminal
 * brings the user to the Scalingo view with fresh data. The URI carries nothing the extension
 * trusts: its path and query are logged and otherwise ignored, so a link cannot make it act.
 */
export class ScalingoUriHandler implements vscode.UriHandler {
  constructor(
    private readonly showView: () => Thenable<unknown>,
    private readonly refresh: () => void,
    private readonly log: Log,
  ) {}

  async handleUri(uri: vscode.Uri): Promise<void> {
    this.log.info(`opened from a link (${uri.path || '/'})`);
    this.refresh();
    await this.showView();
  }
}
