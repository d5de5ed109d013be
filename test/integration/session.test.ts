import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ScalingoSession } from '../../src/auth/session';
import { TokenStore } from '../../src/auth/tokenStore';
import type { ScalingoExtensionApi } from '../../src/extension';
import type { Log } from '../../src/log';
import type { FakeScalingoApi } from '../fakeApi/server';
import { childLabelled, children, extensionApi, signIn, signOut, startFakeApi, TEST_API_TOKEN } from './helpers';
import { uiDriver } from './uiDriver';

/** How long "the following idle minute" lasts; a developer's loop may shorten it, CI never does. */
const IDLE_MS = Number(process.env.SCALINGO_TEST_IDLE_SECONDS ?? 60) * 1000;

function nextChange(extension: ScalingoExtensionApi, event: 'onDidChange' | 'onDidChangeAccount' = 'onDidChange'): Promise<void> {
  return new Promise<void>((resolve) => {
    const listener = extension.session[event](() => {
      listener.dispose();
      resolve();
    });
  });
}

async function paletteOffers(text: string): Promise<boolean | undefined> {
  const driver = uiDriver();
  if (!driver) return undefined;
  await driver.press('F1');
  await driver.type(`Scalingo: ${text}`);
  await driver.waitForQuickInput((current) => current.visible && current.value.endsWith(text));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const labels = (await driver.quickInput()).items.map((item) => item.label);
  await driver.press('Escape');
  await driver.waitForQuickInput((current) => !current.visible);
  return labels.some((label) => label.includes(`Scalingo: ${text}`));
}

describe('session: revoked tokens, other windows, one connection', () => {
  let api: FakeScalingoApi;

  before(async () => {
    api = await startFakeApi();
  });

  afterEach(() => {
    api.restoreApiToken(TEST_API_TOKEN);
    api.clearFaults();
  });

  after(async () => {
    await signOut();
    await api.close();
  });

  it("keeps a sign-in made while the start-up read of the secret storage is still on its way", async () => {
    // SecretStorage whose first reads are slow, as a fresh code-server's browser-side store or a
    // keychain waking up can be: the sign-in lands before the start-up read answers "no token".
    const values = new Map<string, string>();
    const changes = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
    let slowReads = 2;
    const secrets: vscode.SecretStorage = {
      get: async (key) => {
        const value = values.get(key);
        if (slowReads-- > 0) await new Promise((resolve) => setTimeout(resolve, 500));
        return value;
      },
      store: async (key, value) => {
        values.set(key, value);
        changes.fire({ key });
      },
      delete: async (key) => {
        values.delete(key);
        changes.fire({ key });
      },
      onDidChange: changes.event,
    };
    const quiet: Log = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    const session = new ScalingoSession(new TokenStore(secrets), 'scalingo-scm-tests', quiet, quiet);
    try {
      const startUp = session.isSignedIn();
      await session.signIn(TEST_API_TOKEN);
      assert.equal(await startUp, true, 'the start-up read undid the sign-in');
      assert.equal(await session.isSignedIn(), true);
      assert.equal(session.account?.username, 'ada-lovelace');
    } finally {
      session.dispose();
      changes.dispose();
    }
  });

  it('signs out when Scalingo refuses the token, and then sends nothing for a minute', async function () {
    this.timeout(IDLE_MS + 30_000);
    const extension = await extensionApi();
    await signIn();
    const github = await childLabelled(extension, undefined, 'GitHub');
    assert.ok((await children(extension, github)).length > 0);
    api.revokeApiToken(TEST_API_TOKEN);
    api.clearRequests();
    const signedOut = nextChange(extension);
    extension.tree.refreshNode(github);
    await children(extension, github);
    await signedOut;

    assert.equal(await extension.session.isSignedIn(), false, 'still signed in with a refused token');
    assert.deepEqual(await children(extension), [], 'the view still lists the refused account');
    assert.match(extension.view.message ?? '', /refused your API token/u);
    assert.deepEqual(await vscode.authentication.getAccounts('scalingo'), [], 'the Accounts menu still shows the account');
    assert.equal(await extension.secrets.get('scalingo.apiToken'), undefined, 'the refused token is still stored');
    const offered = await paletteOffers('Sign In with API Token');
    if (offered !== undefined) assert.equal(offered, true, 'the palette does not offer Sign In');
    const sentOnRefusal = api.requests.map((request) => request.route);
    // The refused orgs request, its retry with a new bearer, which needs the exchange that is refused.
    assert.deepEqual(sentOnRefusal, ['orgs', 'exchange']);

    api.clearRequests();
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    assert.deepEqual(api.requests.map((request) => request.route), [], 'requests were sent after the token was refused');
  });

  it("sends exactly one exchange for a sign-in and the view's first load", async () => {
    const extension = await extensionApi();
    await signOut();
    api.clearRequests();
    let changes = 0;
    const counting = extension.session.onDidChange(() => changes++);
    try {
      await signIn();
      // SecretStorage echoes this window's write; give the echo time to arrive and be (mis)handled.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } finally {
      counting.dispose();
    }
    assert.equal(changes, 1, 'the sign-in was announced more than once (its own write taken for another window)');
    const integrations = await children(extension);
    assert.ok(integrations.length > 0, 'the first load came back empty');
    assert.ok((await children(extension, await childLabelled(extension, undefined, 'GitLab'))).length > 0);
    assert.equal(api.requestsTo('exchange').length, 1);
    assert.equal(api.requestsTo('list').length, 1);
  });

  it('follows an account whose name arrives after its token from another window', async () => {
    const extension = await extensionApi();
    await signOut();
    const signedIn = nextChange(extension);
    await extension.secrets.store('scalingo.apiToken', TEST_API_TOKEN);
    await signedIn;
    assert.equal(await extension.session.isSignedIn(), true);
    const named = nextChange(extension, 'onDidChangeAccount');
    await extension.secrets.store('scalingo.account', JSON.stringify({ id: 'us-other-window', username: 'grace-hopper' }));
    await named;
    const accounts = await vscode.authentication.getAccounts('scalingo');
    assert.deepEqual(accounts.map((account) => account.label), ['grace-hopper']);
  });

  it('gives concurrent first callers one client, one exchange; an aborted call starts nothing', async () => {
    const extension = await extensionApi();
    await signOut();
    const signedIn = nextChange(extension);
    await extension.secrets.store('scalingo.apiToken', TEST_API_TOKEN);
    await signedIn;
    await assert.rejects(extension.session.client(AbortSignal.abort()), { kind: 'cancelled' });
    api.clearRequests();
    const clients = await Promise.all([1, 2, 3, 4, 5].map(() => extension.session.client()));
    assert.equal(new Set(clients).size, 1, 'concurrent callers got different clients');
    await Promise.all(clients.map((client) => client.listIntegrations()));
    assert.equal(api.requestsTo('exchange').length, 1);
  });
});
