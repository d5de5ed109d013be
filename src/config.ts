import * as vscode from 'vscode';
import type { PullRequestState } from './api/publicTypes';

export const DEFAULT_AUTH_URL = 'https://auth.scalingo.com';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The Scalingo auth service the token is sent to. An application-scoped setting (a workspace
 * cannot redirect the token), and only https, or http on a loopback address for the demo and tests.
 */
export function authUrl(): { url: string; loopback: boolean } | { error: string } {
  const configured = vscode.workspace.getConfiguration('scalingo').get<string>('authUrl')?.trim() || DEFAULT_AUTH_URL;
  let parsed: URL;
  try {
    parsed = new URL(configured);
  } catch {
    return {
      error: vscode.l10n.t({
        message: 'The setting scalingo.authUrl is not a URL: {0}',
        args: [configured],
        comment: ['{0} is the value the user configured'],
      }),
    };
  }
  const secure = parsed.protocol === 'https:';
  const loopback = parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname);
  if (!secure && !loopback) {
    return {
      error: vscode.l10n.t({
        message: 'The setting scalingo.authUrl must be an https URL (http is accepted only for 127.0.0.1 or localhost): {0}',
        args: [configured],
        comment: ['{0} is the value the user configured'],
      }),
    };
  }
  return { url: parsed.toString().replace(/\/$/, ''), loopback };
}

export function requestTimeoutMs(): number {
  const seconds = vscode.workspace.getConfiguration('scalingo').get<number>('requestTimeoutSeconds', 15);
  return Math.max(1, seconds) * 1000;
}

/** Whether forks are listed by default: the tree always, the repository search until toggled. */
export function includeForks(): boolean {
  return vscode.workspace.getConfiguration('scalingo').get<boolean>('repositories.includeForks', false);
}

/** Which pull/merge requests a repository lists by default. */
export function pullRequestState(): PullRequestState {
  return vscode.workspace.getConfiguration('scalingo').get<PullRequestState>('pullRequests.state', 'open');
}
