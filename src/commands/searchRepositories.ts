import * as vscode from 'vscode';
import type { Integration, Repository } from '../api/publicTypes';
import type { ScalingoSession } from '../auth/session';
import { namespaceProblem, organizationNamespace } from '../tree/namespaces';
import { OwnerNode } from '../tree/nodes/ownerNode';
import { IntegrationNode } from '../tree/nodes/integrationNode';
import { platformName } from '../tree/platforms';
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

/**
 * `scalingo.searchRepositories`, from the palette or an integration/organization node: results
 * follow the typing. Buttons toggle forks and narrow to one owner. Returns the chosen repository.
 */
export async function searchRepositories(session: ScalingoSession, node?: unknown): Promise<Repository & { integration: Integration } | undefined> {
  const scope = await scopeOf(session, node);
  if (!scope) return undefined;
  return pickRepository(session, scope);
}

async function scopeOf(session: ScalingoSession, node: unknown): Promise<RepositorySearchScope | undefined> {
  if (node instanceof OwnerNode) return { integration: node.integration, owner: node.namespace };
  if (node instanceof IntegrationNode) return { integration: node.integration };
  const integration = await pickIntegration(session, vscode.l10n.t('Search repositories on which code host?'));
  return integration && { integration };
}

export function pickRepository(
  session: ScalingoSession,
  scope: RepositorySearchScope,
): Promise<(Repository & { integration: Integration }) | undefined> {
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

  const search = new LiveSearch<Repository>(
    pick,
    async (text, signal) => {
      const client = await session.client();
      const page = await client.searchRepositories(integration.id, { keywords: text, includeForks: withForks, user: owner }, { perPage: RESULTS_PER_SEARCH }, signal);
      return page.repositories;
    },
    (repository) => ({
      label: `$(repo) ${repository.fullName}`,
      description: repository.description ?? '',
      detail: webUrl(repository.url),
      result: repository,
    }),
    vscode.l10n.t('No repository matches. Try other words, or include forks.'),
  );

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
      const owners = [
        ...(integration.username ? [{ name: integration.username, path: integration.username }] : []),
        ...organizations.map((organization) => ({ name: organization.login, path: organizationNamespace(organization) })),
      ].filter((candidate) => namespaceProblem(candidate.path) === undefined);
      pick.items = owners.map(({ name, path }) => ({ label: `$(organization) ${name}`, description: path === name ? '' : path, login: path }));
    } catch (error) {
      pick.items = [{ label: `$(error) ${describeError(error).message}` }];
    } finally {
      pick.busy = false;
    }
  };

  return showLiveSearch(pick, search, {
    acceptsTyping: () => !choosingOwner,
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
  }).then((chosen) => chosen && { ...chosen, integration });
}
