import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/tree/treeNode';
import type { FakeScalingoApi } from '../fakeApi/server';
import { answerInputBoxes, children, extensionApi, filesHolding, filesUnder, signIn, signOut, startFakeApi } from './helpers';
import { stubWindow } from './stubs';
import { uiDriver } from './uiDriver';

const API_TOKEN_CANARY = 'tk-us-canary-api-token-4242';
const ACCESS_TOKEN_CANARY = 'canary-code-host-token-9f9f';
const TYPED_TOKEN_CANARY = 'glpat-canary-typed-token-7777';
const CANARIES = [API_TOKEN_CANARY, ACCESS_TOKEN_CANARY, TYPED_TOKEN_CANARY];

/** A TreeItem as text, every field, with nodes in command arguments named by their id (a node holds the session). */
function asText(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field && typeof field === 'object' && 'getTreeItem' in field ? `node:${(field as TreeNode).id}` : field,
  );
}

async function collect(node: TreeNode | undefined, depth: number, into: TreeNode[]): Promise<void> {
  const extension = await extensionApi();
  for (const child of await children(extension, node)) {
    into.push(child);
    if (depth < 3 && child.getChildren) await collect(child, depth + 1, into);
  }
}

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

  it('lets no secret reach any field of a tree item, the view message, progress, the clipboard, opened URLs, quick input words or browser storage', async function () {
    this.timeout(60_000);
    const extension = await extensionApi();
    await signOut();
    const texts: string[] = [];
    const record = (where: string, value: unknown) => texts.push(`${where}: ${typeof value === 'string' ? value : asText(value)}`);
    const originalProgress = vscode.window.withProgress;
    const progress = stubWindow('withProgress', (options, task) => {
      record('progress', (options as vscode.ProgressOptions).title);
      return originalProgress.call(vscode.window, options as vscode.ProgressOptions, task as never);
    });
    const shown = (['showErrorMessage', 'showWarningMessage', 'showInformationMessage'] as const).map((name) =>
      stubWindow(name, (...args) => void record(name, args)),
    );
    const opened: string[] = [];
    const env = vscode.env as { openExternal: typeof vscode.env.openExternal };
    const originalOpen = env.openExternal;
    let openStubbed = true;
    try {
      env.openExternal = async (target: vscode.Uri) => (opened.push(target.toString()), true);
    } catch {
      openStubbed = false;
    }
    try {
      const answers = answerInputBoxes(API_TOKEN_CANARY);
      try {
        await vscode.commands.executeCommand('scalingo.signIn');
      } finally {
        answers.restore();
      }
      assert.equal((answers.calls[0]?.[0] as vscode.InputBoxOptions | undefined)?.password, true, 'the token box does not hide what is typed');
      record('sign-in box', answers.calls[0]?.[0]);
      const bearer = api.requests.map((request) => request.authorization ?? '').find((value) => value.startsWith('Bearer '))?.slice(7);
      assert.ok(bearer, 'no bearer seen by the fake');
      const secrets = [...CANARIES, bearer, Buffer.from(`:${API_TOKEN_CANARY}`).toString('base64')];

      // Failures whose server text carries secrets: a proxy page echoing the request headers, a
      // code host error echoing its access_token; then a failed refresh, which speaks on the view.
      const gitlabId = api.state.integrationOfType('gitlab').id;
      const githubId = api.state.integrationOfType('github').id;
      api.inject('orgs', { status: 400, echoRequestHeaders: true, contentType: 'application/json', match: (request) => request.path.includes(gitlabId) });
      api.inject('searchRepos', {
        status: 500,
        body: { error: `refused access_token=${ACCESS_TOKEN_CANARY}` },
        match: (request) => request.path.includes(githubId) && request.query.query?.includes('babbage-labs') === true,
      });
      const nodes: TreeNode[] = [];
      await collect(undefined, 0, nodes);
      extension.tree.refreshAll();
      api.inject('list', { status: 502, echoRequestHeaders: true });
      await children(extension);
      record('view message', extension.view.message);
      api.clearFaults();

      for (const node of nodes) {
        record(`tree item ${node.id}`, node.getTreeItem());
        await vscode.commands.executeCommand('scalingo.copyUrl', node);
        record('clipboard', await vscode.env.clipboard.readText());
        if (openStubbed) await vscode.commands.executeCommand('scalingo.openInBrowser', node);
      }
      record('opened', opened);

      const driver = uiDriver();
      if (driver) {
        const signingIn = vscode.commands.executeCommand('scalingo.signIn');
        await driver.waitForQuickInput((state) => state.visible && state.title.includes('Scalingo'));
        await driver.type(` ${API_TOKEN_CANARY} `);
        await driver.press('Control+A');
        await driver.press('Backspace');
        const state = await driver.waitForQuickInput((current) => current.validationMessage !== '');
        record('quick input', { ...state, value: undefined });
        await driver.press('Escape');
        await signingIn;
        const stored = await driver.browserStorage();
        assert.ok(stored.length > 0, 'the browser storage could not be read');
        record('browser storage', stored.join('\n'));
      }
      assert.ok(nodes.length > 10, `only ${nodes.length} tree items were checked`);
      // A prefix catches a secret cut short by an excerpt too (a bearer's first 24 characters are any JWT's header).
      for (const secret of secrets.map((value) => value.slice(0, 24))) {
        const leak = texts.find((text) => text.includes(secret));
        assert.equal(leak, undefined, `a secret (${secret.slice(0, 12)}…) reached ${leak?.slice(0, 80)}`);
      }
      assert.ok(texts.some((text) => text.includes('Bearer •••')), 'the echoed headers were not among what was checked');
      // And every file VS Code and the extension wrote by now, the log among them: the bearer and
      // the Basic value too, which the echoing proxy page and the code host error carried.
      assert.deepEqual(await filesHolding(secrets), []);
    } finally {
      progress.restore();
      for (const stub of shown) stub.restore();
      if (openStubbed) env.openExternal = originalOpen;
    }
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
