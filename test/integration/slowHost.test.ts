/**
 * A code host that hangs, seen in the real tree view: after "Refresh", expanding another
 * integration must list its children at once, not when the hanging requests time out.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/tree/treeNode';
import type { FakeScalingoApi } from '../fakeApi/server';
import { childLabelled, children, eventually, extensionApi, signIn, signOut, startFakeApi } from './helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a code host that hangs does not stall the others', () => {
  let api: FakeScalingoApi;
  const expanded = new Set<string>();
  const listeners: vscode.Disposable[] = [];

  before(async () => {
    api = await startFakeApi();
    await signIn();
    const extension = await extensionApi();
    listeners.push(
      extension.view.onDidExpandElement(({ element }) => expanded.add(element.id)),
      extension.view.onDidCollapseElement(({ element }) => expanded.delete(element.id)),
    );
  });

  after(async () => {
    for (const listener of listeners) listener.dispose();
    api.clearFaults();
    await signOut();
    await api.close();
  });

  it('after Refresh, a healthy integration expands within a second or two, and stays expanded', async function () {
    this.timeout(60_000);
    const extension = await extensionApi();
    await vscode.commands.executeCommand('scalingo.integrations.focus');
    // The GitHub Enterprise rows expanded as a person would have them: the integration, its two
    // owners and a repository under each.
    const ghe = await childLabelled(extension, undefined, 'GitHub Enterprise');
    const expandInView = async (node: TreeNode) => {
      await extension.view.reveal(node, { expand: true });
      await eventually(() => expanded.has(node.id), { what: `${node.id} did not expand` });
    };
    await expandInView(ghe);
    // Only rows that expand: the seed also gives GitHub Enterprise an organization it cannot use.
    for (const owner of (await children(extension, ghe)).filter((node) => node.getChildren)) {
      await expandInView(owner);
      const [repository] = (await children(extension, owner)).filter((node) => node.getChildren);
      if (repository) await expandInView(repository);
    }
    const gheId = api.state.integrationOfType('github-enterprise').id;
    const gitlabId = api.state.integrationOfType('gitlab').id;
    const hang = { delayMs: 120_000, match: (request: { path: string }) => request.path.includes(gheId) };
    api.inject('orgs', hang);
    api.inject('searchRepos', hang);
    api.inject('searchPullRequests', hang);

    const beforeRefresh = api.requests.length;
    await vscode.commands.executeCommand('scalingo.refresh');
    await sleep(300);
    const gitlab = await childLabelled(extension, undefined, 'GitLab');
    const clicked = Date.now();
    void extension.view.reveal(gitlab, { expand: true });
    await eventually(() => api.requestsTo('orgs').some((request) => request.path.includes(gitlabId) && request.at >= clicked), {
      what: "GitLab's organizations were not asked for after the click",
      timeoutMs: 10_000,
    });
    const waited = Date.now() - clicked;
    assert.ok(waited < 2000, `GitLab's organizations were asked for ${waited} ms after the click`);
    await eventually(() => expanded.has(gitlab.id), { what: 'GitLab did not expand', timeoutMs: 2000 });
    const owners = await children(extension, gitlab);
    assert.ok(owners.some((node) => node.getTreeItem().label === 'grace-hopper'), 'GitLab lists no owners');
    await sleep(1000);
    assert.ok(expanded.has(gitlab.id), 'GitLab sprang back to collapsed: the click was lost');
    const hanging = api.requests.filter((request) => request.path.includes(gheId) && request.status === 0).length;
    const sent = api.requests.slice(beforeRefresh).map((request) => `${request.route}${request.path.includes(gheId) ? ' (GHE, hanging)' : ''}`);
    console.log(`    slow host: sent after Refresh: ${sent.join(', ')}; ${hanging} hanging; GitLab asked ${waited} ms after the click`);
  });
});
