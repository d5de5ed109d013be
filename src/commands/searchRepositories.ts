import * as vscode from 'vscode';
import type { Integration, Repository } from '../api/publicTypes';
import type { ScalingoSession } from '../auth/session';
import { namespaceProblem, organizationNamespace } from '../tree/namespaces';
import { OwnerNode } from '../tree/nodes/ownerNode';
import { IntegrationNode } from '../tree/nodes/integrationNode';
import { isGitLab, platformName } from '../tree/platforms';
import { webUrl } from '../util/urls';
import { includeForks } from '../config';
import { describeError } from '../errorMessages';
import { LiveSearch, showLiveSearch, type ResultItem } from './liveSearch';
import { pickIntegration } from './pickIntegration';

/** How many results one search shows; refining the words beats scrolling. */
const RESULTS_PER_SEARCH = 30;

export interface RepositorySearchScope {
  readonly integration: Integration;
  /** Start narrowed to this user or organization. */
  readonly owner?: string;
}

/** What can be done with a repository found; the search's item buttons do it in one pick. */
export type RepositoryAction = 'open' | 'copy' | 'pullRequests' | 'reveal';

export interface ChosenRepository extends Repository {
  readonly integration: Integration;
  /** Set when an item button was clicked; Enter leaves it unset (the action list follows). */
  readonly action?: RepositoryAction;
}

function actionButtons(repository: Repository): (vscode.QuickInputButton & { action: RepositoryAction })[] {
  return [
    ...(webUrl(repository.url)
      ? [
          { action: 'open' as const, iconPath: new vscode.ThemeIcon('link-external'), tooltip: vscode.l10n.t('Open in Browser') },
          { action: 'copy' as const, iconPath: new vscode.ThemeIcon('copy'), tooltip: vscode.l10n.t('Copy URL') },
        ]
      : []),
    { action: 'pullRequests', iconPath: new vscode.ThemeIcon('git-pull-request'), tooltip: vscode.l10n.t('Show Pull Requests') },
    { action: 'reveal', iconPath: new vscode.ThemeIcon('list-tree'), tooltip: vscode.l10n.t('Reveal in the Scalingo View') },
  ];
}

/**
 * `scalingo.searchRepositories`, from the palette or an integration/organization node: results
 * follow the typing. Buttons toggle forks and narrow to one owner. Returns the chosen repository.
 */
export async function searchRepositories(session: ScalingoSession, node?: unknown): Promise<ChosenRepository | undefined> {
  const scope = await scopeOf(session, node);
  if (!scope) return undefined;
  return pickRepository(session, scope, { withActions: true });
}

async function scopeOf(session: ScalingoSession, node: unknown): Promise<RepositorySearchScope | undefined> {
  if (node instanceof OwnerNode) return { integration: node.integration, owner: node.namespace };
  if (node instanceof IntegrationNode) return { integration: node.integration };
  const integration = await pickIntegration(session, vscode.l10n.t('Search repositories on which code host?'));
  return integration && { integration };
}

/**
 * With `withActions`, each result carries the action buttons. Until something is typed it lists
 * the integration user's own repositories (`user:<username>`): an empty `query` is not a search
 * the reference allows, and Scalingo may refuse it. Without a username, a hint and no request.
 */
export function pickRepository(
  session: ScalingoSession,
  scope: RepositorySearchScope,
  { withActions = false } = {},
): Promise<ChosenRepository | undefined> {
  const { integration } = scope;
  let withForks = includeForks();
  let owner = scope.owner;
  const pick = vscode.window.createQuickPick<ResultItem<Repository>>();
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const describeScope = () =>
    owner
      ? vscode.l10n.t({
          message: 'Search repositories of {0} on {1}',
          args: [owner, platformName(integration.scmType)],
          comment: ['{0} is a user or organization', '{1} is a platform name'],
        })
      : vscode.l10n.t({ message: 'Search repositories on {0}', args: [platformName(integration.scmType)], comment: ['{0} is a platform name'] });
  const forksButton = () => ({
    iconPath: new vscode.ThemeIcon(withForks ? 'repo-forked' : 'repo'),
    tooltip: withForks ? vscode.l10n.t('Forks included (click to hide them)') : vscode.l10n.t('Forks hidden (click to include them)'),
  });
  const ownerButton = () => ({
    iconPath: new vscode.ThemeIcon(owner ? 'clear-all' : 'organization'),
    tooltip: owner
      ? vscode.l10n.t({ message: 'Narrowed to {0} (click to search everywhere)', args: [owner], comment: ['{0} is a user or organization'] })
      : vscode.l10n.t('Narrow to one user or organization (or type user:name)'),
  });
  let shownForksButton = forksButton();
  const refreshChrome = () => {
    pick.title = describeScope();
    shownForksButton = forksButton();
    pick.buttons = [shownForksButton, ownerButton()];
  };
  pick.placeholder = vscode.l10n.t('Type words from a repository name or description');
  refreshChrome();

  // What an empty search lists: the integration user's own repositories, when a search can name them.
  const ownNamespace = integration.username && namespaceProblem(integration.username) === undefined ? integration.username : undefined;
  const search = new LiveSearch<Repository>(
    pick,
    async (text, signal) => {
      const client = await session.client();
      const user = owner ?? (text.trim() ? undefined : ownNamespace);
      const page = await client.searchRepositories(integration.id, { keywords: text, includeForks: withForks, user }, { perPage: RESULTS_PER_SEARCH }, signal);
      return page.repositories;
    },
    (repository) => ({
      label: `$(repo) ${repository.fullName}`,
      description: repository.description ?? '',
      detail: webUrl(repository.url),
      result: repository,
      ...(withActions ? { buttons: actionButtons(repository) } : {}),
    }),
    vscode.l10n.t('No repository matches. Try other words, or include forks.'),
    {
      rateLimitWaits: session.onDidRateLimit,
      idleLabel: () => (owner || ownNamespace ? undefined : vscode.l10n.t('Type words from a repository name or description')),
      groupOf: () =>
        !pick.value.trim() && !owner && ownNamespace
          ? vscode.l10n.t({ message: 'Repositories of {0} (type to search everywhere)', args: [ownNamespace], comment: ['{0} is a user name'] })
          : undefined,
    },
  );
  let clickedAction: RepositoryAction | undefined;

  let choosingOwner = false;
  let searchText = '';
  /** Swaps the results for the integration's namespaces in the same pick: a second pick would close this one. */
  const showOwnerChoices = async () => {
    choosingOwner = true;
    searchText = pick.value;
    pick.value = '';
    pick.title = vscode.l10n.t('Narrow to a user or organization');
    pick.buttons = [];
    pick.busy = true;
    try {
      const client = await session.client();
      const organizations = await client.listOrganizations(integration.id, session.signal);
      // Shown by name, searched by path (namespaces.ts); a namespace with spaces could not be searched.
      const gitLab = isGitLab(integration.scmType);
      const searchable = (path: string) => namespaceProblem(path) === undefined;
      const organizationChoices = organizations
        .map((organization) => ({ name: organization.login, path: organizationNamespace(organization) }))
        .filter(({ path }) => searchable(path))
        .map(({ name, path }) => ({ label: `$(organization) ${name}`, description: path === name ? '' : path, login: path }));
      const choices: (ResultItem<Repository> & { login?: string })[] = [
        ...(integration.username && searchable(integration.username)
          ? [
              { label: vscode.l10n.t('You'), kind: vscode.QuickPickItemKind.Separator },
              { label: `$(account) ${integration.username}`, login: integration.username },
            ]
          : []),
        ...(organizationChoices.length > 0
          ? [{ label: gitLab ? vscode.l10n.t('Groups') : vscode.l10n.t('Organizations'), kind: vscode.QuickPickItemKind.Separator }]
          : []),
        ...organizationChoices,
      ];
      pick.items = choices;
    } catch (error) {
      pick.items = [{ label: `$(error) ${describeError(error).message}` }];
    } finally {
      pick.busy = false;
    }
  };

  return showLiveSearch(pick, search, {
    acceptsTyping: () => !choosingOwner,
    onItemButton: (_item, button) => {
      clickedAction = (button as { action?: RepositoryAction }).action;
      return clickedAction !== undefined;
    },
    onButton: (button) => {
      if (button === shownForksButton) {
        withForks = !withForks;
      } else if (owner) {
        owner = undefined;
      } else {
        void showOwnerChoices();
        return;
      }
      refreshChrome();
      void search.run();
    },
    interceptAccept: (selected) => {
      if (!choosingOwner) return false;
      choosingOwner = false;
      if (selected && 'login' in selected) owner = selected.login as string;
      pick.value = searchText;
      refreshChrome();
      void search.run();
      return true;
    },
  }).then((chosen) => chosen && { ...chosen, integration, ...(clickedAction ? { action: clickedAction } : {}) });
}
