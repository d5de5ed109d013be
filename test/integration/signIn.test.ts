import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FakeScalingoApi } from '../fakeApi/server';
import { stubWindow } from './stubs';
import { uiDriver } from './uiDriver';
import { answerInputBoxes, filesHolding, children, extensionApi, signIn, signOut, startFakeApi, TEST_API_TOKEN } from './helpers';

describe('sign in and out', () => {
  let api: FakeScalingoApi;

  before(async () => {
    api = await startFakeApi();
  });

  after(async () => {
    await signOut();
    await api.close();
  });

  it('contributes the view and the commands', async () => {
    // Lazy activation: the commands are registered once something activates the extension.
    await extensionApi();
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['scalingo.signIn', 'scalingo.signOut', 'scalingo.refresh', 'scalingo.openInBrowser']) {
      assert.ok(commands.includes(command), `${command} is not registered`);
    }
    const manifest = vscode.extensions.getExtension('scalingo-community.scalingo-scm')!.packageJSON;
    assert.equal(manifest.contributes.views.scalingo[0].id, 'scalingo.integrations');
  });

  it('refuses a revoked token without storing it, and says what to do', async () => {
    const extension = await extensionApi();
    const errors = stubWindow('showErrorMessage', () => undefined);
    try {
      await signIn('tk-us-not-a-real-token');
    } finally {
      errors.restore();
    }
    assert.equal(await extension.session.isSignedIn(), false);
    assert.deepEqual(await children(extension), []);
    assert.match(String(errors.calls[0]?.[0]), /invalid or was revoked/u);
    assert.ok(!JSON.stringify(errors.calls).includes('tk-us-not-a-real-token'), 'the refused token was shown');
  });

  it('checks the token with an exchange, then keeps it in SecretStorage only', async () => {
    const extension = await extensionApi();
    api.clearRequests();
    await signIn();
    assert.equal(await extension.session.isSignedIn(), true);
    assert.ok(api.requestsTo('exchange').length >= 1, 'the token was not checked with the API');
    const config = JSON.stringify(vscode.workspace.getConfiguration('scalingo'));
    assert.ok(!config.includes(TEST_API_TOKEN), 'the token is in the settings');
    assert.deepEqual(await filesHolding([TEST_API_TOKEN]), [], 'the token was written to a file');
  });

  it("shows the account in VS Code's Accounts menu without lending the token", async () => {
    await signIn();
    const accounts = await vscode.authentication.getAccounts('scalingo');
    assert.deepEqual(accounts.map((account) => account.label), ['ada-lovelace']);
    const extension = await extensionApi();
    const [session] = await extension.accounts.getSessions();
    assert.equal(session?.accessToken, '');
    await signOut();
    assert.deepEqual(await vscode.authentication.getAccounts('scalingo'), []);
  });

  it('refuses to send the token over plain http to anything but this machine', async () => {
    const extension = await extensionApi();
    const config = vscode.workspace.getConfiguration('scalingo');
    await config.update('authUrl', 'http://auth.example.com', vscode.ConfigurationTarget.Global);
    const errors = stubWindow('showErrorMessage', () => undefined);
    try {
      api.clearRequests();
      await signIn();
      assert.equal(await extension.session.isSignedIn(), false);
      assert.match(String(errors.calls[0]?.[0]), /must be an https URL/u);
      assert.ok(errors.calls[0]?.includes('Open Settings'), 'no Open Settings action');
    } finally {
      errors.restore();
      await config.update('authUrl', api.url, vscode.ConfigurationTarget.Global);
    }
  });

  it('does nothing when the input is dismissed', async () => {
    const answers = answerInputBoxes(undefined);
    try {
      assert.equal(await vscode.commands.executeCommand('scalingo.signIn'), false);
    } finally {
      answers.restore();
    }
  });

  it("offers in the palette only the commands that fit the sign-in state", async function () {
    const driver = uiDriver();
    if (!driver) this.skip();
    const paletteShows = async (text: string) => {
      await driver!.press('F1');
      await driver!.type(`Scalingo: ${text}`);
      const state = await driver!.waitForQuickInput((current) => current.visible && current.value.endsWith(text));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const labels = (await driver!.quickInput()).items.map((item) => item.label);
      await driver!.press('Escape');
      await driver!.waitForQuickInput((current) => !current.visible);
      return state.visible && labels.some((label) => label.includes(`Scalingo: ${text}`));
    };
    await signIn();
    assert.equal(await paletteShows('Sign Out'), true, 'Sign Out is missing while signed in');
    assert.equal(await paletteShows('Sign In with API Token'), false, 'Sign In is offered while signed in');
    await signOut();
    assert.equal(await paletteShows('Search Repositories'), false, 'a signed-in command is offered while signed out');
    assert.equal(await paletteShows('Sign In with API Token'), true);
  });

  it('follows a sign-in and a sign-out made in another window', async () => {
    const extension = await extensionApi();
    await signOut();
    const changed = () => new Promise<void>((resolve) => {
      const listener = extension.session.onDidChange(() => {
        listener.dispose();
        resolve();
      });
    });
    let next = changed();
    await extension.secrets.store('scalingo.apiToken', TEST_API_TOKEN);
    await next;
    assert.equal(await extension.session.isSignedIn(), true);
    assert.ok((await children(extension)).length > 0, 'the view did not follow the other window');
    next = changed();
    await extension.secrets.delete('scalingo.apiToken');
    await next;
    assert.equal(await extension.session.isSignedIn(), false);
    assert.deepEqual(await children(extension), []);
  });

  it('signs out, which empties the view', async () => {
    const extension = await extensionApi();
    await signIn();
    assert.ok((await children(extension)).length > 0);
    await signOut();
    assert.equal(await extension.session.isSignedIn(), false);
    assert.deepEqual(await children(extension), []);
    await signIn(TEST_API_TOKEN);
  });
});
