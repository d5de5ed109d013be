/**
 * Help paths (issue 13, point 6): the way out of a settings problem leads to this extension's
 * settings, and "Report Issue" reaches VS Code's issue reporter with versions and no secrets.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FakeScalingoApi } from '../fakeApi/server';
import { eventually, extensionApi, signIn, signOut, startFakeApi, TEST_API_TOKEN } from './helpers';
import { stubCommand, stubWindow } from './stubs';

const EXTENSION_ID = 'scalingo-community.scalingo-scm';

describe('help paths', () => {
  let api: FakeScalingoApi;

  before(async () => {
    api = await startFakeApi({ accessTokenCanary: 'gho_canaryAccessToken000000000000000000' });
    await signIn();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('scalingo').update('authUrl', api.url, vscode.ConfigurationTarget.Global);
    await signOut();
    await api.close();
  });

  async function clickOnError(button: string, command: string, setting: string): Promise<unknown[][]> {
    await vscode.workspace.getConfiguration('scalingo').update('authUrl', setting, vscode.ConfigurationTarget.Global);
    const errors = stubWindow('showErrorMessage', () => button);
    const opened = stubCommand(command);
    try {
      await vscode.commands.executeCommand('scalingo.importKeys');
      await eventually(() => opened.calls.length > 0, { what: `"${button}" ran nothing` });
      assert.ok(errors.calls[0]?.includes(button), `no "${button}" button: ${JSON.stringify(errors.calls[0])}`);
      return opened.calls;
    } finally {
      errors.restore();
      opened.restore();
      await vscode.workspace.getConfiguration('scalingo').update('authUrl', api.url, vscode.ConfigurationTarget.Global);
    }
  }

  it("opens this extension's settings (@ext: filter) from an error about a setting", async () => {
    const calls = await clickOnError('Open Settings', 'workbench.action.openSettings', 'ftp://auth.example.com');
    assert.deepEqual(calls, [[`@ext:${EXTENSION_ID}`]]);
  });

  it("opens VS Code's proxy settings when Scalingo cannot be reached", async () => {
    // A loopback port nobody listens on: the connection is refused, as behind a broken proxy.
    const calls = await clickOnError('Open Proxy Settings', 'workbench.action.openSettings', 'http://127.0.0.1:9');
    assert.deepEqual(calls, [['http.proxy']]);
  });

  it("opens VS Code's issue reporter for this extension with the versions, and nothing of the account", async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('workbench.action.openIssueReporter'), 'this VS Code has no issue reporter');
    const extension = await extensionApi();
    // Something loaded, so that the account's data is in memory and could leak.
    await extension.tree.getChildren();
    const reporter = stubCommand('workbench.action.openIssueReporter');
    try {
      await vscode.commands.executeCommand('scalingo.reportIssue');
    } finally {
      reporter.restore();
    }
    assert.equal(reporter.calls.length, 1);
    const [options] = reporter.calls[0] as [{ extensionId: string; data: string; issueBody: string }];
    assert.equal(options.extensionId, EXTENSION_ID);
    const version = String(vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.version);
    assert.match(options.data, new RegExp(`Scalingo SCM: ${version.replace(/\./gu, '\\.')}`, 'u'));
    assert.ok(options.data.includes(`VS Code: ${vscode.version}`), options.data);
    assert.match(options.data, /scalingo\.authUrl: custom \(not shown\)/u);
    const everything = JSON.stringify(options);
    for (const secret of [TEST_API_TOKEN, 'gho_canaryAccessToken', api.url, '127.0.0.1', 'ghe.example.com', 'gitlab.example.org', 'ada-lovelace']) {
      assert.ok(!everything.includes(secret), `the report holds ${secret}: ${everything}`);
    }
  });

  it('offers Report Issue in the view\'s overflow menu', () => {
    const menus = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.menus['view/title'] as { command: string; when: string; group: string }[];
    const entry = menus.find((menu) => menu.command === 'scalingo.reportIssue');
    assert.ok(entry, 'no Report Issue in view/title');
    assert.match(entry.when, /view == scalingo\.integrations/u);
    assert.doesNotMatch(entry.group, /^navigation/u, 'in the title bar, not the overflow menu');
  });
});
