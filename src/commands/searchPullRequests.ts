import * as vscode from 'vscode';
import type { Integration, PullRequest, PullRequestState } from '../api/publicTypes';
import type { ScalingoSession } from '../auth/session';
import { pullRequestState } from '../config';
import { searchPullRequestsByState, type StatedPullRequest } from '../api/pullRequestsByState';
import { RepositoryNode } from '../tree/nodes/repositoryNode';
import { isGitLab } from '../tree/platforms';
import { webUrl } from '../util/urls';
import { openInBrowser } from './browserCommands';
import { LiveSearch, showLiveSearch, type ResultItem } from './liveSearch';
import { pickIntegration } from './pickIntegration';
import { showError } from './showError';
import { pickRepository } from './searchRepositories';

const NEXT_STATE: Record<PullRequestState, PullRequestState> = { open: 'closed', closed: 'all', all: 'open' };

/**
 * `scalingo.searchPullRequests`, from a repository node or the palette (which first asks for the
 * code host and the repository): the repository's pull/merge requests, filtered by the typed
 * words, in the state the button shows. Choosing one opens it in the browser.
 */
export async function searchPullRequests(session: ScalingoSession, node?: unknown): Promise<void> {
  let target: Awaited<ReturnType<typeof repositoryOf>>;
  try {
    target = await repositoryOf(session, node);
  } catch (error) {
    // Listing the integrations failed (signed out, offline…): say so, with the way out.
    showError(error, { retry: () => searchPullRequests(session, node) });
    return;
  }
  if (!target) return;
  const chosen = await pickPullRequest(session, target.integration, target.fullName);
  if (chosen) await openInBrowser(chosen.htmlUrl);
}

async function repositoryOf(session: ScalingoSession, node: unknown): Promise<{ integration: Integration; fullName: string } | undefined> {
  if (node instanceof RepositoryNode) return { integration: node.integration, fullName: node.repository.fullName };
  const integration = await pickIntegration(session, vscode.l10n.t('Search pull requests on which code host?'));
  if (!integration) return undefined;
  const repository = await pickRepository(session, { integration });
  return repository && { integration, fullName: repository.fullName };
}

export function pickPullRequest(session: ScalingoSession, integration: Integration, fullName: string): Promise<PullRequest | undefined> {
  let state = pullRequestState();
  const gitLab = isGitLab(integration.scmType);
  const pick = vscode.window.createQuickPick<ResultItem<StatedPullRequest>>();
  const stateButton = () => ({
    iconPath: new vscode.ThemeIcon(state === 'open' ? 'git-pull-request' : state === 'closed' ? 'git-pull-request-closed' : 'list-flat'),
    tooltip: stateLabel(state, gitLab),
  });
  const refreshChrome = () => {
    pick.title = `${fullName} — ${stateLabel(state, gitLab)}`;
    pick.buttons = [stateButton()];
  };
  pick.placeholder = gitLab
    ? vscode.l10n.t('Type words from a merge request title')
    : vscode.l10n.t('Type words from a pull request title');
  refreshChrome();
  const search = new LiveSearch<StatedPullRequest>(
    pick,
    async (text, signal) => {
      const client = await session.client();
      return searchPullRequestsByState(client, integration.id, { keywords: text, repo: fullName, state }, signal);
    },
    (pullRequest) => ({
      label: `$(${pullRequest.state === 'open' ? 'git-pull-request' : 'git-pull-request-closed'}) #${pullRequest.number} ${pullRequest.title}`,
      description: pullRequest.sourceRepoName ?? '',
      detail: webUrl(pullRequest.htmlUrl),
      result: pullRequest,
    }),
    gitLab ? vscode.l10n.t('No merge request matches.') : vscode.l10n.t('No pull request matches.'),
    // With both states listed, a separator before each: open ones, then closed ones.
    {
      groupOf: (pullRequest) => (state === 'all' ? stateLabel(pullRequest.state, gitLab) : undefined),
      rateLimitWaits: session.onDidRateLimit,
    },
  );

  return showLiveSearch(pick, search, {
    onButton: () => {
      state = NEXT_STATE[state];
      refreshChrome();
      void search.run();
    },
  });
}

function stateLabel(state: PullRequestState, gitLab: boolean): string {
  switch (state) {
    case 'open':
      return gitLab ? vscode.l10n.t('Open merge requests') : vscode.l10n.t('Open pull requests');
    case 'closed':
      return gitLab ? vscode.l10n.t('Closed merge requests') : vscode.l10n.t('Closed pull requests');
    case 'all':
      return gitLab ? vscode.l10n.t('All merge requests') : vscode.l10n.t('All pull requests');
  }
}
