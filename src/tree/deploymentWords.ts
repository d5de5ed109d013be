import * as vscode from 'vscode';
import { isFinished, isSuccess } from '../api/regional/deploymentStatus';

/** A deployment status as a person reads it; a status this version does not know keeps its own word. */
export function deploymentStatusWord(status: string): string {
  switch (status) {
    case 'queued':
      return vscode.l10n.t('queued');
    case 'building':
      return vscode.l10n.t('building');
    case 'pushing':
      return vscode.l10n.t('pushing');
    case 'starting':
      return vscode.l10n.t('starting');
    case 'success':
      return vscode.l10n.t('deployed');
    case 'aborted':
      return vscode.l10n.t('aborted');
    case 'build-error':
      return vscode.l10n.t('build error');
    case 'crashed-error':
      return vscode.l10n.t('crashed on start');
    case 'timeout-error':
      return vscode.l10n.t('timed out');
    case 'hook-error':
      return vscode.l10n.t('hook failed');
    default:
      return status;
  }
}

export function deploymentStatusIcon(status: string | undefined): vscode.ThemeIcon {
  if (status === undefined) return new vscode.ThemeIcon('rocket');
  if (isSuccess(status)) return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  if (isFinished(status)) return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  return new vscode.ThemeIcon('sync~spin');
}
