import * as vscode from 'vscode';
import type { Integration, Repository } from '../api/publicTypes';
import type { ScalingoSession } from '../auth/session';
import { webUrl } from '../util/urls';
import { copyUrl, openInBrowser } from './browserCommands';
import { pickPullRequest } from './searchPullRequests';
import { searchRepositories, type RepositoryAction } from './searchRepositories';
import { showError } from './showError';

/** `scalingo.searchRepositories` as the palette runs it: find a repository, then act on it. */
export async function searchRepositoriesAndAct(
  session: ScalingoSession,
  node: unknown,
  reveal: (integration: Integration, repository: Repository) => Promise<boolean>,
): Promise<void> {
  let repository: Awaited<ReturnType<typeof searchRepositories>>;
  try {
    repository = await searchRepositories(session, node);
  } catch (error) {
    // Listing the integrations failed (signed out, offline…): say so, with the way out.
    showError(error, { retry: () => searchRepositoriesAndAct(session, node, reveal) });
    return;
  }
  if (!repository) return;
  const url = webUrl(repository.url);
  const action = repository.action ?? (await chooseAction(repository.fullName, url));
  switch (action) {
    case 'open':
      return openInBrowser(url);
    case 'copy':
      return copyUrl(url);
    case 'pullRequests': {
      const pullRequest = await pickPullRequest(session, repository.integration, repository.fullName);
      if (pullRequest) await openInBrowser(pullRequest.htmlUrl);
      return;
    }
    case 'reveal':
      if (!(await reveal(repository.integration, repository))) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t({
            message: '{0} is not among the repositories loaded in the view (its owner may list it further down).',
            args: [repository.fullName],
            comment: ['{0} is owner/name'],
          }),
        );
      }
      return;
    default:
      return;
  }
}

/** Enter on a search result (no item button): the list of what can be done with it. */
async function chooseAction(fullName: string, url: string | undefined): Promise<RepositoryAction | undefined> {
  const actions: (vscode.QuickPickItem & { action: RepositoryAction })[] = [
    ...(url
      ? [
          { action: 'open' as const, label: `$(link-external) ${vscode.l10n.t('Open in Browser')}`, description: url },
          { action: 'copy' as const, label: `$(copy) ${vscode.l10n.t('Copy URL')}` },
        ]
      : []),
    { action: 'pullRequests', label: `$(git-pull-request) ${vscode.l10n.t('Show Pull Requests')}` },
    { action: 'reveal', label: `$(list-tree) ${vscode.l10n.t('Reveal in the Scalingo View')}` },
  ];
  return (await vscode.window.showQuickPick(actions, { title: fullName }))?.action;
}
