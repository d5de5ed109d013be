import * as vscode from 'vscode';
import type { ScmType } from '../api/publicTypes';

/** How each code host is named and drawn; an unknown future type keeps its raw name. */
export function platformName(type: ScmType): string {
  switch (type) {
    case 'github':
      return 'GitHub';
    case 'gitlab':
      return 'GitLab';
    case 'github-enterprise':
      return 'GitHub Enterprise';
    case 'gitlab-self-hosted':
      return vscode.l10n.t('GitLab self-hosted');
    default:
      return type;
  }
}

export function platformIcon(type: ScmType, extensionUri: vscode.Uri): vscode.TreeItem['iconPath'] {
  const family = type.startsWith('github') ? 'github' : type.startsWith('gitlab') ? 'gitlab' : undefined;
  if (!family) return new vscode.ThemeIcon('source-control');
  return {
    light: vscode.Uri.joinPath(extensionUri, 'media', `${family}-light.svg`),
    dark: vscode.Uri.joinPath(extensionUri, 'media', `${family}-dark.svg`),
  };
}

/** Organizations on GitHub, groups on GitLab. */
export function isGitLab(type: ScmType): boolean {
  return type.startsWith('gitlab');
}
