/**
 * Shape the tree (issue 13, point 3): hide integrations and organizations, show them again from the
 * title menu, pin an organization first; remembered in globalState, and no request for any of it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FakeScalingoApi } from '../fakeApi/server';
import { children, extensionApi, labelOf, nodeAt, signIn, signOut, startFakeApi } from './helpers';

const SHAPE_KEY = 'scalingo.treeShape';

describe('tree shape', () => {
  let api: FakeScalingoApi;

  before(async () => {
    api = await startFakeApi();
    await signIn();
  });

  after(async () => {
    const extension = await extensionApi();
    await extension.globalState.update(SHAPE_KEY, undefined);
    await signOut();
    await api.close();
  });

  it('hides an integration and an organization, shows them again on demand, with no request', async () => {
    const extension = await extensionApi();
    extension.tree.refreshAll();
    const enterprise = await nodeAt(extension, 'GitHub Enterprise');
    const babbage = await nodeAt(extension, 'GitHub', 'babbage-labs');
    const everyOwner = (await children(extension, await nodeAt(extension, 'GitHub'))).map(labelOf);
    const withoutBabbage = everyOwner.filter((label) => label !== 'babbage-labs');
    api.clearRequests();

    await vscode.commands.executeCommand('scalingo.hideFromView', enterprise);
    await vscode.commands.executeCommand('scalingo.hideFromView', babbage);
    assert.ok(!(await children(extension)).map(labelOf).includes('GitHub Enterprise'), 'the hidden integration is still listed');
    const github = await nodeAt(extension, 'GitHub');
    assert.deepEqual((await children(extension, github)).map(labelOf), withoutBabbage);

    await vscode.commands.executeCommand('scalingo.showHiddenItems');
    const shown = await nodeAt(extension, 'GitHub Enterprise');
    assert.match(String(shown.getTreeItem().description), /hidden/u);
    assert.equal(shown.getTreeItem().contextValue, 'integration.github-enterprise.hidden');
    assert.deepEqual((await children(extension, github)).map(labelOf), everyOwner);

    await vscode.commands.executeCommand('scalingo.hideHiddenItems');
    await vscode.commands.executeCommand('scalingo.unhideFromView', babbage);
    assert.deepEqual((await children(extension, github)).map(labelOf), everyOwner);
    assert.equal(api.requests.length, 0, `requests: ${api.requests.map((request) => request.route).join(', ')}`);

    // Remembered for the next start: globalState, not a setting a workspace could change.
    assert.deepEqual(extension.globalState.get(SHAPE_KEY), { hidden: [enterprise.id], showHidden: false });
    const settings = Object.keys(vscode.extensions.getExtension('scalingo-community.scalingo-scm')?.packageJSON.contributes.configuration.properties ?? {});
    assert.ok(!settings.some((setting) => /hidden|pinned/iu.test(setting)), `a setting holds the shape: ${settings.join(', ')}`);
  });

  it('moves a pinned organization first, and back when unpinned', async () => {
    const extension = await extensionApi();
    const github = await nodeAt(extension, 'GitHub');
    const babbage = await nodeAt(extension, 'GitHub', 'babbage-labs');
    const before = (await children(extension, github)).map(labelOf);
    await vscode.commands.executeCommand('scalingo.pinOrganization', babbage);
    const pinned = await children(extension, github);
    assert.deepEqual(pinned.map(labelOf), ['babbage-labs', ...before.filter((label) => label !== 'babbage-labs')]);
    assert.equal(pinned[0]!.getTreeItem().contextValue, 'owner.organization.pinned');
    await vscode.commands.executeCommand('scalingo.unpinOrganization', babbage);
    assert.deepEqual((await children(extension, github)).map(labelOf), before);
  });
});
