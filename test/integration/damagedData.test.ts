/**
 * Damaged data and wrong hints: the default seed's two damaged integrations (`url: null`, no `id`),
 * an integration unlinked elsewhere (404), and GitHub Enterprise without organizations.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/tree/treeNode';
import type { FakeScalingoApi } from '../fakeApi/server';
import { childLabelled, children, extensionApi, labelOf, nodeAt, signIn, signOut, startFakeApi } from './helpers';

const isIntegration = (node: TreeNode) => node.getTreeItem().contextValue?.startsWith('integration.') ?? false;

describe('damaged data and hints', () => {
  let api: FakeScalingoApi;

  before(async () => {
    api = await startFakeApi();
    await signIn();
  });

  // A new session per test: a Refresh keeps the rows that did not change, with their children.
  beforeEach(async () => {
    await signOut();
    await signIn();
  });

  after(async () => {
    await signOut();
    await api.close();
  });

  it('shows each damaged integration as an error row of its own; the others are listed and work', async () => {
    const extension = await extensionApi();
    const rows = await children(extension);
    assert.deepEqual(rows.filter(isIntegration).map(labelOf), ['GitHub', 'GitLab', 'GitHub Enterprise', 'GitLab self-hosted']);
    const damaged = rows.filter((row) => !isIntegration(row)).map(labelOf);
    assert.deepEqual(damaged, [
      "Couldn't read a linked GitLab self-hosted integration: url missing or invalid",
      "Couldn't read a linked GitHub Enterprise integration: id missing or invalid",
    ]);
    assert.equal(rows.at(-1)!.getTreeItem().command?.command, 'scalingo.showLog');
    assert.ok((await children(extension, await childLabelled(extension, undefined, 'GitLab'))).length > 0, 'a healthy integration does not expand');
  });

  it('shows a damaged organization or repository as a row of its own; its siblings stay', async () => {
    const extension = await extensionApi();
    const owners = await children(extension, await nodeAt(extension, 'GitHub Enterprise'));
    assert.ok(owners.some((row) => labelOf(row) === 'bletchley'));
    assert.ok(owners.some((row) => labelOf(row) === "Couldn't read an organization Scalingo sent (hut-6): id missing or invalid"));
    const repositories = await children(extension, await nodeAt(extension, 'GitHub Enterprise', 'bletchley'));
    assert.deepEqual(repositories.map(labelOf), ['bombe', "Couldn't read a repository Scalingo sent (#2): fullName missing or invalid"]);
    assert.equal(repositories[1]!.getTreeItem().command?.command, 'scalingo.showLog');
  });

  it('shows an organization or pull request sent twice once (pages that shifted between two requests)', async () => {
    const extension = await extensionApi();
    const github = api.state.integrationOfType('github');
    const twice = github.organizations[0]!;
    github.organizations.push(twice);
    github.pullRequests.push(github.pullRequests[0]!);
    try {
      const owners = await children(extension, await nodeAt(extension, 'GitHub'));
      assert.equal(owners.filter((row) => labelOf(row) === twice.login).length, 1);
      assert.equal(new Set(owners.map((row) => row.id)).size, owners.length, 'two rows share an id');
      // The apps that deploy from it come first; then one row per pull request.
      const rows = await children(extension, await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app'));
      assert.deepEqual(rows.map(labelOf).filter((label) => label.startsWith('#')), ['#8 Add feature', '#3 Add logo']);
    } finally {
      github.organizations.pop();
      github.pullRequests.pop();
    }
  });

  it('offers "Refresh the List", not Retry, for an integration unlinked elsewhere (404)', async () => {
    const extension = await extensionApi();
    const gitlab = await nodeAt(extension, 'GitLab');
    const unlinked = api.state.integrationOfType('gitlab');
    api.state.removeIntegration(unlinked.id);
    try {
      const [row, ...others] = await children(extension, gitlab);
      assert.equal(others.length, 0);
      assert.match(labelOf(row!), /unlinked/u);
      const item = row!.getTreeItem();
      assert.equal(item.command?.command, 'scalingo.refresh');
      assert.equal(item.command?.title, 'Refresh the List');
      assert.notEqual(item.contextValue, 'message.error', 'the inline Retry would show');
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
      assert.ok(!(await children(extension)).some((node) => labelOf(node) === 'GitLab'), 'the list still shows the unlinked integration');
    } finally {
      api.state.addIntegration(unlinked);
    }
  });

  it('explains GitHub Enterprise without organizations by its token scope, linking to that host\'s token settings', async () => {
    const extension = await extensionApi();
    api.state.integrationOfType('github-enterprise').organizations.length = 0;
    const hint = (await children(extension, await nodeAt(extension, 'GitHub Enterprise'))).at(-1)!;
    assert.equal(labelOf(hint), 'No organizations visible');
    const item = hint.getTreeItem();
    assert.match(String(item.tooltip), /read:org/u);
    assert.doesNotMatch(String(item.tooltip), /OAuth/u);
    assert.deepEqual(item.command?.arguments, ['https://ghe.example.com/settings/tokens']);

    api.state.integrationOfType('github').organizations.length = 0;
    const github = (await children(extension, await nodeAt(extension, 'GitHub'))).at(-1)!.getTreeItem();
    assert.match(String(github.tooltip), /OAuth application/u);
    assert.deepEqual(github.command?.arguments, ['https://github.com/settings/connections/applications']);
  });
});
