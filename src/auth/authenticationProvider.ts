import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import type { ScalingoSession } from './session';

export const AUTHENTICATION_PROVIDER_ID = 'scalingo';
const SESSION_ID = 'scalingo-api-token';

/**
 * Puts the signed-in Scalingo account in VS Code's Accounts menu, where signing out signs out here.
 * It lends no token: `accessToken` is empty, because the API token must stay in SecretStorage and
 * with this extension, not be handed to any extension that asks for a "scalingo" session.
 */
export class ScalingoAuthenticationProvider extends Disposable implements vscode.AuthenticationProvider {
  private readonly changed = this._register(new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>());
  readonly onDidChangeSessions = this.changed.event;
  private current: vscode.AuthenticationSession | undefined;

  constructor(private readonly session: ScalingoSession) {
    super();
    this._register(session.onDidChange(() => void this.announceChange()));
    this._register(session.onDidChangeAccount(() => void this.announceChange()));
  }

  async getSessions(): Promise<vscode.AuthenticationSession[]> {
    this.current = await this.describe();
    return this.current ? [this.current] : [];
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    await vscode.commands.executeCommand('scalingo.signIn');
    const created = await this.describe();
    if (!created) throw new Error(vscode.l10n.t('Sign-in to Scalingo was cancelled.'));
    return created;
  }

  async removeSession(): Promise<void> {
    await this.session.signOut();
  }

  private async describe(): Promise<vscode.AuthenticationSession | undefined> {
    if (!(await this.session.isSignedIn())) return undefined;
    const account = this.session.account;
    return {
      id: SESSION_ID,
      accessToken: '',
      account: { id: account?.id ?? SESSION_ID, label: account?.username ?? vscode.l10n.t('Scalingo account') },
      scopes: [],
    };
  }

  private async announceChange(): Promise<void> {
    const before = this.current;
    const after = await this.describe();
    this.current = after;
    if (before?.account.id === after?.account.id && before?.account.label === after?.account.label) return;
    if (before && after && before.account.id === after.account.id) {
      // The same account, its name changed: relabel it.
      this.changed.fire({ added: [], removed: [], changed: [after] });
      return;
    }
    this.changed.fire({ added: after ? [after] : [], removed: before ? [before] : [], changed: [] });
  }
}
