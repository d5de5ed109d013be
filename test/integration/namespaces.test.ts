/**
 * Namespaces are paths, not display names: the default seed's organization whose name is not its
 * path, GitLab's nested groups, and an organization Scalingo sends with nothing usable to search by.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/tree/treeNode';
import type { FakeScalingoApi } from '../fakeApi/server';
import { children, extensionApi, labelOf, nodeAt, signIn, signOut, startFakeApi } from './helpers';

async function copiedUrl(node: TreeNode): Promise<string> {
  await vscode.env.clipboard.writeText('');
  await vscode.commands.executeCommand('scalingo.copyUrl', node);
  return vscode.env.clipboard.readText();
}

describe('namespaces are paths', () => {
  let api: FakeScalingoApi;

  before(async () => {
    api = await startFakeApi();
    await signIn();
  });

  beforeEach(async () => {
    (await extensionApi()).tree.refreshAll();
    api.clearRequests();
  });

  after(async () => {
    await signOut();
    await api.close();
  });

  it('searches and links an organization by the path in its URL, and shows its display name', async () => {
    const extension = await extensionApi();
    const organization = await nodeAt(extension, 'GitHub', 'Another Organization');
    assert.deepEqual((await children(extension, organization)).map(labelOf), ['website']);
    assert.equal(api.requestsTo('searchRepos').at(-1)?.query.query, 'user:another-org');
    assert.equal(await copiedUrl(organization), 'https://github.com/another-org');
  });

  it('lists a GitLab subgroup, links it with its slashes, and loads its merge requests by full path', async () => {
    const extension = await extensionApi();
    const group = await nodeAt(extension, 'GitLab', 'platform/backend');
    assert.equal(await copiedUrl(group), 'https://gitlab.com/platform/backend');
    const repository = await nodeAt(extension, 'GitLab', 'platform/backend', 'orders-api');
    assert.equal(await copiedUrl(repository), 'https://gitlab.com/platform/backend/orders-api');
    assert.deepEqual((await children(extension, repository)).map(labelOf), ['#7 Idempotent order creation']);
    assert.equal(api.requestsTo('searchPullRequests').at(-1)?.query.query, 'is:open repo:platform/backend/orders-api');
  });

  it('reveals a repository of a subgroup under that subgroup, not under its parent group', async () => {
    const extension = await extensionApi();
    const gitlab = api.state.integrationOfType('gitlab');
    const seeded = gitlab.repositories.find((repository) => repository.name === 'orders-api')!;
    const repository = { id: seeded.id, name: seeded.name, fullName: 'platform/backend/orders-api', url: undefined, description: undefined };
    assert.equal(await extension.tree.revealRepository(gitlab.id, repository), true);
    const [selected] = extension.view.selection;
    assert.equal(labelOf(selected!), 'orders-api');
    assert.equal(labelOf(selected!.parent!), 'platform/backend');
  });

  it('turns an organization with nothing to search by into a row that says so, keeping its siblings', async () => {
    const extension = await extensionApi();
    const rows = await children(extension, await nodeAt(extension, 'GitHub Enterprise'));
    assert.deepEqual(rows.slice(0, 2).map(labelOf), ['alan-turing', 'bletchley']);
    const damaged = rows[2]!;
    assert.match(labelOf(damaged), /Research Lab/u);
    assert.match(labelOf(damaged), /spaces/u);
    assert.equal(rows.length, 3);
    for (const row of rows) assert.doesNotMatch(labelOf(row), /unexpected/iu);
  });
});
