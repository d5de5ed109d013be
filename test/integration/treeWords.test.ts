/**
 * Say more on each row (issue 13, point 2): who is signed in, open and closed pull requests told
 * apart, and the words a screen reader says where a label alone is ambiguous.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FakeScalingoApi } from '../fakeApi/server';
import { children, eventually, extensionApi, nodeAt, signIn, signOut, startFakeApi } from './helpers';

describe('tree words', () => {
  let api: FakeScalingoApi;

  before(async () => {
    api = await startFakeApi();
    await signIn();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('scalingo').update('pullRequests.state', undefined, vscode.ConfigurationTarget.Global);
    await signOut();
    await api.close();
  });

  it('names the signed-in Scalingo user in the view description, and nobody once signed out', async () => {
    const extension = await extensionApi();
    await eventually(() => extension.view.description === 'as ada-lovelace', { what: `description is ${String(extension.view.description)}` });
    await signOut();
    try {
      await eventually(() => !extension.view.description, { what: `description stays ${String(extension.view.description)}` });
    } finally {
      await signIn();
    }
    await eventually(() => extension.view.description === 'as ada-lovelace', { what: 'no description after signing in again' });
  });

  it('with pullRequests.state all, tells open from closed ones by icon and word, open first', async () => {
    await vscode.workspace.getConfiguration('scalingo').update('pullRequests.state', 'all', vscode.ConfigurationTarget.Global);
    const extension = await extensionApi();
    const repository = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app');
    api.clearRequests();
    // The repository's app rows come first (issue 12); the pull requests follow.
    const rows = (await children(extension, repository)).filter((node) => node.id.includes('/pr#')).map((node) => node.getTreeItem());
    assert.deepEqual(
      rows.map((item) => [item.label, (item.iconPath as vscode.ThemeIcon).id, item.description]),
      [
        ['#8 Add feature', 'git-pull-request', 'open · ada-lovelace/scalingo-app'],
        ['#3 Add logo', 'git-pull-request', 'open · ada-lovelace/scalingo-app'],
        ['#2 Initial setup', 'git-pull-request-closed', 'closed · ada-lovelace/scalingo-app'],
      ],
    );
    assert.deepEqual(api.requestsTo('searchPullRequests').map((request) => request.query.query).sort(), [
      'is:closed repo:ada-lovelace/scalingo-app',
      'is:open repo:ada-lovelace/scalingo-app',
    ]);
  });

  it('says what each row is to a screen reader where the label alone is ambiguous', async () => {
    const extension = await extensionApi();
    const a11y = (node: { getTreeItem(): vscode.TreeItem }) => node.getTreeItem().accessibilityInformation?.label ?? '';
    const github = await nodeAt(extension, 'GitHub');
    assert.equal(a11y(github), 'GitHub integration, ada-lovelace on github.com');
    const you = await nodeAt(extension, 'GitHub', 'ada-lovelace');
    assert.equal(a11y(you), 'ada-lovelace, your repositories');
    const organization = await nodeAt(extension, 'GitHub', 'babbage-labs');
    assert.equal(a11y(organization), 'Organization babbage-labs');
    const pullRequest = (await children(extension, await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app'))).find((node) => node.id.endsWith('/pr#8'));
    assert.equal(a11y(pullRequest!), 'Pull request 8, Add feature, open');
    const gitlabOwner = await nodeAt(extension, 'GitLab', 'cobol-crew');
    assert.equal(a11y(gitlabOwner), 'Group cobol-crew');
  });
});
