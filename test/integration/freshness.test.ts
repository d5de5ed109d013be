/**
 * Fresh without clicking Refresh (issue 13, point 1). The window's focus cannot be moved from a
 * test, nor five minutes waited: the test calls what the focus event calls, and moves the
 * extension's clock on. Everything else is the extension in the real host against the fake API.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ScalingoExtensionApi } from '../../src/extension';
import type { FakeScalingoApi } from '../fakeApi/server';
import { children, eventually, extensionApi, labelOf, nodeAt, signIn, signOut, startFakeApi } from './helpers';
import { stubWindow } from './stubs';
import { uiDriver } from './uiDriver';

const MINUTE = 60_000;

async function settle(api: FakeScalingoApi, count: number, timeoutMs = 5000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; api.requests.length < count && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  // And nothing more arrives.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('fresh without clicking', () => {
  let api: FakeScalingoApi;
  let extension: ScalingoExtensionApi;
  let offset = 0;

  before(async () => {
    api = await startFakeApi();
    await signIn();
    extension = await extensionApi();
    extension.clock.now = () => Date.now() + offset;
  });

  after(async () => {
    extension.clock.now = Date.now;
    api.clearFaults();
    await signOut();
    await api.close();
  });

  /** The view shown, with GitHub, ada-lovelace and scalingo-app expanded in it: a typical tree. */
  async function showTypicalTree(): Promise<void> {
    await vscode.commands.executeCommand('workbench.view.extension.scalingo');
    extension.tree.refreshAll();
    for (const path of [['GitHub'], ['GitHub', 'ada-lovelace'], ['GitHub', 'ada-lovelace', 'scalingo-app']]) {
      await extension.view.reveal(await nodeAt(extension, ...path), { expand: true });
    }
    await children(extension, await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app'));
  }

  it('reloads what is shown on focus once it is older than 5 minutes, as Refresh would, then not again soon', async () => {
    await showTypicalTree();
    const routes = () => api.requests.flatMap((request) => (request.route ? [request.route] : [])).sort();
    // What the Refresh button sends for this tree: one request per loaded row (and whatever rows
    // earlier tests left expanded in this view, and the app index of issue 12).
    await settle(api, 0);
    api.clearRequests();
    extension.tree.refreshAll();
    await settle(api, 4);
    const manual = routes();
    for (const route of ['list', 'orgs', 'searchPullRequests', 'searchRepos']) assert.ok((manual as string[]).includes(route), `Refresh sent no ${route}`);
    api.clearRequests();
    offset += 4 * MINUTE;
    assert.equal(await extension.focusRefresh.windowFocused(), false, 'reloaded data 4 minutes old');
    offset += 2 * MINUTE;
    assert.equal(await extension.focusRefresh.windowFocused(), true, 'did not reload data 6 minutes old');
    await settle(api, manual.length);
    assert.deepEqual(routes(), manual);
    offset += MINUTE;
    assert.equal(await extension.focusRefresh.windowFocused(), false, 'reloaded again a minute later');
  });

  it('never reloads while the view is hidden, nor while a load runs', async () => {
    offset += 10 * MINUTE;
    await vscode.commands.executeCommand('workbench.view.explorer');
    await eventually(() => !extension.view.visible, { what: 'the view did not hide' });
    api.clearRequests();
    assert.equal(await extension.focusRefresh.windowFocused(), false, 'reloaded a hidden view');
    await vscode.commands.executeCommand('workbench.view.extension.scalingo');
    await eventually(() => extension.view.visible, { what: 'the view did not show' });
    await settle(api, 0);
    api.inject('list', { delayMs: 1500, times: 1 });
    extension.tree.refreshAll();
    const loading = extension.tree.getChildren();
    await new Promise((resolve) => setTimeout(resolve, 200));
    offset += 10 * MINUTE;
    assert.equal(extension.tree.isLoading, true, 'the slow load is not running');
    assert.equal(await extension.focusRefresh.windowFocused(), false, 'reloaded during a load');
    await loading;
    await settle(api, 1, 4000);
  });

  it('keeps what was shown when the focus refresh fails', async () => {
    const before = (await children(extension)).map(labelOf);
    offset += 10 * MINUTE;
    api.inject('list', { status: 503, times: 5 });
    api.clearRequests();
    assert.equal(await extension.focusRefresh.windowFocused(), true);
    // The client retries a 503 twice, backing off: three answers, about a second and a half.
    await settle(api, 3, 8000);
    api.clearFaults();
    assert.ok(api.requestsTo('list').every((request) => request.status === 503), 'a list request succeeded');
    assert.match(String(extension.view.message), /Could not refresh/u);
    assert.deepEqual((await children(extension)).map(labelOf), before);
  });

  describe('after the github.com OAuth page', () => {
    it('looks for the new integration on return, a few times spaced out, and reveals it', async function () {
      const driver = uiDriver();
      if (!driver) this.skip();
      extension.linkReturn.delaysMs = [0, 100, 300];
      const info = stubWindow('showInformationMessage', () => undefined);
      try {
        await driver!.waitForQuickInput((state) => !state.visible);
        const done = vscode.commands.executeCommand('scalingo.linkIntegration');
        await driver!.waitForQuickInput((state) => state.items.some((item) => item.label === 'GitHub'));
        await driver!.type('github.com');
        await driver!.press('Enter');
        await done;
      } finally {
        info.restore();
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      api.clearRequests();
      // The user finishes in the browser: Scalingo now has a second github.com integration.
      const linked = api.state.link({ scm_type: 'github', url: 'https://github.com', access_token: 'gho_new' }, new Date().toISOString());
      const found = await extension.linkReturn.windowFocused();
      assert.equal(found?.id, linked.id);
      assert.deepEqual(extension.view.selection.map((node) => node.id), [`integration:${linked.id}`]);
      assert.equal(api.requestsTo('list').length >= 1, true);
      assert.equal(await extension.linkReturn.windowFocused(), undefined, 'still looking after it was found');
      api.state.removeIntegration(linked.id);
    });

    it('stops looking after the last try when nothing appears', async () => {
      extension.linkReturn.delaysMs = [0, 100, 300];
      // The reveal before refreshed the view: let its requests land first.
      await settle(api, 0, 0);
      extension.linkReturn.expect('gitlab');
      await settle(api, 0, 0);
      api.clearRequests();
      assert.equal(await extension.linkReturn.windowFocused(), undefined);
      assert.equal(api.requestsTo('list').length, 3, 'one look per delay');
      api.clearRequests();
      assert.equal(await extension.linkReturn.windowFocused(), undefined);
      assert.equal(api.requests.length, 0, 'looked again after stopping');
    });
  });
});
