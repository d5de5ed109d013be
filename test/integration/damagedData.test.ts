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

  beforeEach(async () => {
    (await extensionApi()).tree.refreshAll();
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
