import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/tree/treeNode';
import type { FakeScalingoApi } from '../fakeApi/server';
import { children, extensionApi, filesHolding, filesUnder, signIn, signOut, startFakeApi } from './helpers';
import { stubWindow } from './stubs';
import { uiDriver } from './uiDriver';

const API_TOKEN_CANARY = 'tk-us-canary-api-token-4242';
const ACCESS_TOKEN_CANARY = 'canary-code-host-token-9f9f';
const TYPED_TOKEN_CANARY = 'glpat-canary-typed-token-7777';
const CANARIES = [API_TOKEN_CANARY, ACCESS_TOKEN_CANARY, TYPED_TOKEN_CANARY];

async function walk(node: TreeNode | undefined, depth: number, seen: string[]): Promise<void> {
  const extension = await extensionApi();
  for (const child of await children(extension, node)) {
    const item = child.getTreeItem();
    const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
    seen.push(JSON.stringify({ label: item.label, description: item.description, tooltip, title: item.command?.title }));
    if (depth < 3 && child.getChildren) await walk(child, depth + 1, seen);
  }
}

describe('secrets', () => {
  let api: FakeScalingoApi;

  before(async () => {
    api = await startFakeApi({ apiTokens: [API_TOKEN_CANARY], accessTokenCanary: ACCESS_TOKEN_CANARY });
    // The most talkative log level, so a leak into any log line would be written down.
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'trace').then(undefined, () => undefined);
  });

  after(async () => {
    await signOut();
    await api.close();
  });

  it('lets no token reach a tree item, a message, a quick pick, a log or a file', async function () {
    this.timeout(60_000);
    const shown: unknown[][] = [];
    const stubs = (['showErrorMessage', 'showWarningMessage', 'showInformationMessage'] as const).map((name) =>
      stubWindow(name, (...args) => {
        shown.push(args);
        return undefined;
      }),
    );
    const seen: string[] = [];
    try {
      await signIn(API_TOKEN_CANARY);
      const extension = await extensionApi();
      extension.tree.refreshAll();
      await walk(undefined, 0, seen);

      // Failures that carry server text: an error echoing the typed token, a proxy page, a 401.
      api.inject('link', { status: 422, body: { errors: { access_token: [`${TYPED_TOKEN_CANARY} is invalid`] } } });
      await extension.session.client().then((client) =>
        client.linkIntegration({ scmType: 'gitlab-self-hosted', url: 'https://gitlab.canary.test', accessToken: TYPED_TOKEN_CANARY }).catch((error: Error) => {
          seen.push(error.message, error.stack ?? '', JSON.stringify(error));
        }),
      );
      api.inject('importKeys', { status: 400, body: { error: `bad ${API_TOKEN_CANARY}` } });
      const [first] = await children(extension);
      await vscode.commands.executeCommand('scalingo.importKeys', first);

      const driver = uiDriver();
      if (driver) {
        const github = (await children(extension)).find((node) => node.id.startsWith('integration:'));
        const search = vscode.commands.executeCommand('scalingo.searchRepositories', github);
        const state = await driver.waitForQuickInput((current) => current.visible && current.items.length > 0);
        seen.push(JSON.stringify(state));
        await driver.press('Escape');
        await search;
      }
    } finally {
      for (const stub of stubs) stub.restore();
    }
    seen.push(JSON.stringify(shown));
    for (const canary of CANARIES) {
      assert.ok(!seen.some((text) => text.includes(canary)), `${canary} reached the UI or an error`);
    }
    assert.ok(seen.length > 20, `only ${seen.length} places were checked`);

    // Everything VS Code and the extension wrote: settings, state, logs (the output channel too).
    const extension = await extensionApi();
    const userData = join(extension.globalStorageUri.fsPath, '..', '..', '..');
    const logFile = filesUnder(userData).find((file) => /Scalingo\.log$/u.test(file));
    assert.ok(logFile, 'the Scalingo log file was not found under the user data');
    assert.match(readFileSync(logFile, 'utf8'), /\[api\] GET \/v1\/scm_integrations → 200/u, 'the request log lines were not written');
    assert.deepEqual(await filesHolding(CANARIES), []);
  });

  it('ignores scalingo.authUrl in workspace settings, so a cloned repository cannot redirect the token', async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) this.skip();
    const settingsDir = join(folder!.uri.fsPath, '.vscode');
    mkdirSync(settingsDir, { recursive: true });
    const changed = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidChangeConfiguration(() => {
        listener.dispose();
        resolve();
      });
      setTimeout(resolve, 3000);
    });
    writeFileSync(join(settingsDir, 'settings.json'), JSON.stringify({ 'scalingo.authUrl': 'https://attacker.example' }));
    try {
      await changed;
      assert.equal(vscode.workspace.getConfiguration('scalingo').get('authUrl'), api.url);
      await signIn(API_TOKEN_CANARY);
      const extension = await extensionApi();
      api.clearRequests();
      extension.tree.refreshAll();
      assert.ok((await children(extension)).length > 0);
      assert.ok(api.requestsTo('list').length === 1, 'the request did not reach the configured API');
    } finally {
      rmSync(settingsDir, { recursive: true, force: true });
    }
  });
});
