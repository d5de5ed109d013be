/**
 * Namespaces with more repositories than a page: "Load more…" in the server's order, Reveal of a
 * repository not loaded yet, and a server that sends no pagination metadata for search_repos.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Repository } from '../../src/api/publicTypes';
import type { TreeNode } from '../../src/tree/treeNode';
import type { FakeScalingoApi } from '../fakeApi/server';
import { children, extensionApi, labelOf, nodeAt, signIn, signOut, startFakeApi } from './helpers';
import { uiDriver } from './uiDriver';

const isRepository = (node: TreeNode) => node.getTreeItem().contextValue?.startsWith('repository') ?? false;

describe('big namespaces', () => {
  let api: FakeScalingoApi;

  before(async () => {
    api = await startFakeApi();
    const github = api.state.integrationOfType('github');
    for (const owner of ['babbage-labs', 'analytical-engines']) api.state.addRepositories(github.id, owner, 120);
    // A code host lists by its own ranking, not by name: the newest first here.
    github.repositories.reverse();
    await signIn();
  });

  beforeEach(async () => {
    api.behaviour.searchReposPagination = 'meta';
    (await extensionApi()).tree.refreshAll();
    api.clearRequests();
  });

  after(async () => {
    await signOut();
    await api.close();
  });

  /** The names the fake lists for `owner`, in its order. */
  const serverOrder = (owner: string) =>
    api.state
      .integrationOfType('github')
      .repositories.filter((repository) => repository.owner === owner && !repository.fork)
      .map((repository) => repository.name);

  /** A repository as the search answers it, for Reveal. */
  const searched = (owner: string, name: string): Repository => {
    const found = api.state.integrationOfType('github').repositories.find((repository) => repository.owner === owner && repository.name === name)!;
    return { id: found.id, name, fullName: `${owner}/${name}`, url: `https://github.com/${owner}/${name}`, description: found.description ?? undefined };
  };

  it('appends "Load more…" pages in the server\'s order and keeps the rows shown, expanded ones with their pull requests', async () => {
    const extension = await extensionApi();
    const owner = await nodeAt(extension, 'GitHub', 'babbage-labs');
    const first = (await children(extension, owner)).filter(isRepository);
    assert.deepEqual(first.map(labelOf), serverOrder('babbage-labs').slice(0, 50));
    await children(extension, first[0]);
    const pullRequestSearches = api.requestsTo('searchPullRequests').length;

    await vscode.commands.executeCommand('scalingo.loadMore', owner);
    const after = (await children(extension, owner)).filter(isRepository);
    assert.deepEqual(after.map(labelOf), serverOrder('babbage-labs').slice(0, 100));
    assert.ok(first.every((row, index) => after[index] === row), 'the rows already shown were replaced');
    await children(extension, after[0]);
    assert.equal(api.requestsTo('searchPullRequests').length, pullRequestSearches, 'the expanded repository reloaded its pull requests');
  });

  it('reveals a repository on a page not loaded yet, paging until it is found', async () => {
    const extension = await extensionApi();
    const target = serverOrder('analytical-engines')[110]!;
    assert.equal(await extension.tree.revealRepository(api.state.integrationOfType('github').id, searched('analytical-engines', target)), true);
    const [selected] = extension.view.selection;
    assert.equal(labelOf(selected!), target);
    assert.equal(labelOf(selected!.parent!), 'analytical-engines');
    assert.deepEqual(api.requestsTo('searchRepos').map((request) => request.query.page), ['1', '2', '3']);
  });

  it('stops paging for a Reveal that was cancelled', async () => {
    const extension = await extensionApi();
    const cancelled = new vscode.CancellationTokenSource();
    cancelled.cancel();
    const target = searched('analytical-engines', serverOrder('analytical-engines')[110]!);
    assert.equal(await extension.tree.revealRepository(api.state.integrationOfType('github').id, target, cancelled.token), false);
    assert.ok(api.requestsTo('searchRepos').length <= 1, `${api.requestsTo('searchRepos').length} pages asked for after the cancel`);
  });

  it('ends a full page without pagination metadata with "Search in <owner>…", never a list that looks complete', async () => {
    const extension = await extensionApi();
    api.behaviour.searchReposPagination = 'none';
    const owner = await nodeAt(extension, 'GitHub', 'babbage-labs');
    const rows = await children(extension, owner);
    assert.equal(rows.filter(isRepository).length, 50);
    const last = rows.at(-1)!;
    assert.equal(labelOf(last), 'Search in babbage-labs…');
    assert.ok(!rows.some((row) => labelOf(row) === 'Load more…'));
    const command = last.getTreeItem().command!;
    assert.equal(command.command, 'scalingo.searchRepositories');
    assert.equal(command.arguments?.[0], owner);

    // A namespace that fits in one page is complete, metadata or not.
    const small = await children(extension, await nodeAt(extension, 'GitHub', 'ada-lovelace'));
    assert.deepEqual(small.map(labelOf).sort(), ['notes', 'scalingo-app']);

    const driver = uiDriver();
    if (!driver) return;
    await driver.waitForQuickInput((state) => !state.visible);
    const done = vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const shown = await driver.waitForQuickInput((state) => state.visible && state.title !== '');
    assert.equal(shown.title, 'Search repositories of babbage-labs on GitHub');
    await driver.press('Escape');
    await done;
  });

  it('with pagination metadata, a full page ends with "Load more…" and no search row', async () => {
    const extension = await extensionApi();
    const rows = await children(extension, await nodeAt(extension, 'GitHub', 'babbage-labs'));
    assert.equal(labelOf(rows.at(-1)!), 'Load more…');
    assert.ok(!rows.some((row) => labelOf(row).startsWith('Search in')));
  });
});
