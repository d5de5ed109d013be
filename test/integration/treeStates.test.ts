import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FakeScalingoApi } from '../fakeApi/server';
import { childLabelled, children, extensionApi, labelOf, nodeAt, signIn, signOut, startFakeApi } from './helpers';

const byLabel = (label: string) => (node: Parameters<typeof labelOf>[0]) => labelOf(node) === label;
const isRepository = (node: Parameters<typeof labelOf>[0]) => node.getTreeItem().contextValue?.startsWith('repository') ?? false;

describe('integrations tree: errors, hints, paging, settings', () => {
  let api: FakeScalingoApi;

  before(async () => {
    api = await startFakeApi();
    await signIn();
  });

  beforeEach(async () => {
    api.clearFaults();
    (await extensionApi()).tree.refreshAll();
  });

  after(async () => {
    const config = vscode.workspace.getConfiguration('scalingo');
    await config.update('repositories.includeForks', undefined, vscode.ConfigurationTarget.Global);
    await config.update('pullRequests.state', undefined, vscode.ConfigurationTarget.Global);
    await signOut();
    await api.close();
  });

  it('shows a failed load as an error node with Retry, keeping the siblings', async () => {
    const extension = await extensionApi();
    const github = await childLabelled(extension, undefined, 'GitHub');
    const gitlab = await childLabelled(extension, undefined, 'GitLab');
    api.inject('orgs', { status: 500, body: { error: 'boom' }, times: 1 });
    const [error, ...rest] = await children(extension, github);
    assert.equal(rest.length, 0);
    const item = error!.getTreeItem();
    assert.match(String(item.label), /^Couldn't load the organizations: Scalingo had a problem \(HTTP 500\)/u);
    assert.equal(item.command?.command, 'scalingo.refreshNode');
    assert.ok((await children(extension, gitlab)).length > 0, 'a sibling was lost');
    api.clearRequests();
    // As the error row's inline Retry sends it: the row itself is the argument.
    await vscode.commands.executeCommand('scalingo.refreshNode', error);
    const owners = await children(extension, github);
    assert.deepEqual(owners.map(labelOf), ['ada-lovelace', 'analytical-engines', 'Another Organization', 'babbage-labs']);
    assert.equal(api.requestsTo('orgs').length, 1);
  });

  it('turns a revoked API token into a "Sign in again" node', async () => {
    const extension = await extensionApi();
    api.expireAllBearers();
    api.revokeApiToken('tk-us-test-token');
    try {
      const [node] = await children(extension);
      const item = node!.getTreeItem();
      assert.match(String(item.label), /^Sign in again/u);
      assert.equal(item.command?.command, 'scalingo.signIn');
    } finally {
      api.restoreApiToken('tk-us-test-token');
    }
  });

  it('lists a code host type it does not know under its raw name', async () => {
    const extension = await extensionApi();
    api.inject('list', {
      status: 200,
      body: { scm_integrations: [{ id: 'future-1', scm_type: 'bitbucket', url: 'https://bitbucket.org', username: 'ada' }] },
      times: 1,
    });
    extension.tree.refreshAll();
    const [node] = await children(extension);
    assert.equal(labelOf(node!), 'bitbucket');
    assert.equal(node!.getTreeItem().contextValue, 'integration.bitbucket');
  });

  it('explains an empty group list instead of showing nothing', async () => {
    const extension = await extensionApi();
    const selfHosted = await childLabelled(extension, undefined, 'GitLab self-hosted');
    const nodes = await children(extension, selfHosted);
    assert.deepEqual(nodes.map(labelOf), ['margaret-hamilton', 'No groups visible']);
    assert.match(String(nodes[1]!.getTreeItem().tooltip), /api and read_user/u);
  });

  it('sends nothing when a loaded node is expanded again', async () => {
    const extension = await extensionApi();
    const github = await childLabelled(extension, undefined, 'GitHub');
    const user = await childLabelled(extension, github, 'ada-lovelace');
    await children(extension, user);
    api.clearRequests();
    await children(extension, github);
    await children(extension, user);
    assert.deepEqual(api.requests, []);
  });

  it('pages a large namespace with "Load more…", one request a page', async () => {
    const extension = await extensionApi();
    const github = api.state.integrationOfType('github');
    api.state.addRepositories(github.id, 'babbage-labs', 120);
    const githubNode = await childLabelled(extension, undefined, 'GitHub');
    const owner = await childLabelled(extension, githubNode, 'babbage-labs');
    api.clearRequests();
    let nodes = await children(extension, owner);
    assert.equal(nodes.length, 51);
    assert.equal(labelOf(nodes.at(-1)!), 'Load more…');
    assert.equal(nodes.at(-1)!.getTreeItem().description, '71 more');
    await vscode.commands.executeCommand('scalingo.loadMore', owner);
    nodes = await children(extension, owner);
    assert.equal(nodes.length, 101);
    await vscode.commands.executeCommand('scalingo.loadMore', owner);
    nodes = await children(extension, owner);
    assert.equal(nodes.length, 121);
    assert.ok(!nodes.some(byLabel('Load more…')));
    assert.equal(api.requestsTo('searchRepos').length, 3);
  });

  it('keeps the pages shown when "Load more…" fails, and its Retry asks for that page again', async () => {
    const extension = await extensionApi();
    const github = api.state.integrationOfType('github');
    api.state.addRepositories(github.id, 'analytical-engines', 80);
    const owner = await nodeAt(extension, 'GitHub', 'analytical-engines');
    assert.equal((await children(extension, owner)).length, 51);
    api.inject('searchRepos', { status: 500, body: { error: 'boom' }, times: 1 });
    await vscode.commands.executeCommand('scalingo.loadMore', owner);
    const afterFailure = await children(extension, owner);
    const error = afterFailure.find((node) => labelOf(node).startsWith("Couldn't load the repositories"));
    assert.ok(error, 'no error row after the failed page');
    assert.equal(afterFailure.filter(isRepository).length, 50, 'the first page was lost');
    api.clearRequests();
    const retry = error.getTreeItem().command!;
    await vscode.commands.executeCommand(retry.command, ...(retry.arguments ?? []));
    const afterRetry = await children(extension, owner);
    assert.equal(afterRetry.filter(isRepository).length, 82);
    assert.equal(api.requestsTo('searchRepos')[0]?.query.page, '2');
  });

  it('keeps the last good children when a refresh fails', async () => {
    const extension = await extensionApi();
    const before = (await children(extension)).map(labelOf);
    api.inject('list', { status: 500, body: { error: 'down' }, times: 1 });
    extension.tree.refreshAll();
    assert.deepEqual((await children(extension)).map(labelOf), before);
  });

  it('lists forks and closed pull requests when the settings ask for them', async () => {
    const extension = await extensionApi();
    const config = vscode.workspace.getConfiguration('scalingo');
    const github = await childLabelled(extension, undefined, 'GitHub');
    const user = await childLabelled(extension, github, 'ada-lovelace');
    assert.ok(!(await children(extension, user)).some(byLabel('forked-lib')));
    await config.update('repositories.includeForks', true, vscode.ConfigurationTarget.Global);
    await config.update('pullRequests.state', 'closed', vscode.ConfigurationTarget.Global);
    const githubAgain = await childLabelled(extension, undefined, 'GitHub');
    const userAgain = await childLabelled(extension, githubAgain, 'ada-lovelace');
    assert.ok((await children(extension, userAgain)).some(byLabel('forked-lib')));
    const app = await childLabelled(extension, userAgain, 'scalingo-app');
    assert.deepEqual((await children(extension, app)).map(labelOf), ['ada-scalingo-app', 'ada-scalingo-app-staging', '#2 Initial setup']);
  });
});
