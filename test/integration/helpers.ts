import * as assert from 'node:assert/strict';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ScalingoExtensionApi } from '../../src/extension';
import type { TreeNode } from '../../src/tree/treeNode';
import { FakeScalingoApi, type FakeScalingoOptions } from '../fakeApi/server';
import { stubWindow } from './stubs';
import { uiDriver, type UiDriver } from './uiDriver';

export const EXTENSION_ID = 'scalingo-community.scalingo-scm';
export const TEST_API_TOKEN = 'tk-us-test-token';

export async function extensionApi(): Promise<ScalingoExtensionApi> {
  const extension = vscode.extensions.getExtension<ScalingoExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in the host`);
  const api = await extension.activate();
  assert.ok(api, 'the extension returned no test API: is the host running it in test mode?');
  return api;
}

/** A fake Scalingo API for one test file, with the extension pointed at it. */
export async function startFakeApi(options: FakeScalingoOptions = {}): Promise<FakeScalingoApi> {
  const api = await FakeScalingoApi.start({ seed: 'default', ...options });
  await vscode.workspace.getConfiguration('scalingo').update('authUrl', api.url, vscode.ConfigurationTarget.Global);
  return api;
}

export interface SignedInSuiteOptions extends FakeScalingoOptions {
  /** The suite drives the workbench (quick inputs, opened URLs): skipped where no UI driver can be had. */
  readonly driver?: boolean;
}

/** What the suite's tests reach for; read them inside hooks and tests, once `before` has run. */
export interface SignedInSuite {
  readonly api: FakeScalingoApi;
  /** Only with `{ driver: true }`. */
  readonly driver: UiDriver;
}

/**
 * The setup every signed-in suite had copied, as mocha hooks of the `describe` it is called in:
 * before, the fake API started (the extension pointed at it; `options` go to the fake) and a
 * sign-in, the suite skipped first when it wants a UI driver and none can be had; after each test,
 * the fake's faults cleared and a quick input left open closed with Escape; after, sign-out and
 * the fake closed. Hooks the suite adds itself run after these ones of the same kind.
 */
export function signedInSuite(options: SignedInSuiteOptions = {}): SignedInSuite {
  const { driver: wantsDriver = false, ...fakeOptions } = options;
  let api: FakeScalingoApi | undefined;
  let driver: UiDriver | undefined;

  before(async function () {
    if (wantsDriver) {
      driver = uiDriver();
      if (!driver) this.skip();
    }
    api = await startFakeApi(fakeOptions);
    await signIn();
  });

  afterEach(async () => {
    api?.clearFaults();
    // A wizard that a failed test left on a later step needs one Escape per step it shows.
    for (let tries = 0; driver && tries < 5 && (await driver.quickInput()).visible; tries++) {
      await driver.press('Escape');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  after(async () => {
    if (!api) return;
    await signOut();
    await api.close();
  });

  return {
    get api() {
      assert.ok(api, 'the fake API is not started: read suite.api inside a hook or a test');
      return api;
    },
    get driver() {
      assert.ok(driver, 'no UI driver: ask for one with signedInSuite({ driver: true })');
      return driver;
    },
  };
}

/**
 * Polls `probe` until it gives something other than `false` or `undefined`, and returns that:
 * a condition (`() => toasts.length > 0`) or a lookup (`() => rows.find(…)`). Fails with
 * "`what` within `timeoutMs` ms" when it never does.
 */
export async function eventually<T>(
  probe: () => T | false | undefined | Promise<T | false | undefined>,
  { what = 'timed out waiting', timeoutMs = 5000, everyMs = 25 }: { what?: string; timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; ) {
    const value = await probe();
    if (value !== false && value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Answers the next input boxes with `values`, in order, as a person typing them would. */
export function answerInputBoxes(...values: (string | undefined)[]): { readonly calls: unknown[][]; restore(): void } {
  return stubWindow('showInputBox', () => values.shift());
}

export async function signIn(token = TEST_API_TOKEN): Promise<void> {
  const answers = answerInputBoxes(token);
  try {
    await vscode.commands.executeCommand('scalingo.signIn');
  } finally {
    answers.restore();
  }
}

export async function signOut(): Promise<void> {
  await vscode.commands.executeCommand('scalingo.signOut');
}

export async function children(api: ScalingoExtensionApi, node?: TreeNode): Promise<TreeNode[]> {
  return api.tree.getChildren(node);
}

export function labelOf(node: TreeNode): string {
  const label = node.getTreeItem().label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

/** Walks down the tree by labels: `nodeAt(api, 'GitHub', 'ada-lovelace', 'scalingo-app')`. */
export async function nodeAt(api: ScalingoExtensionApi, ...labels: string[]): Promise<TreeNode> {
  let node: TreeNode | undefined;
  for (const label of labels) node = await childLabelled(api, node, label);
  assert.ok(node, 'no labels given');
  return node;
}

export async function childLabelled(api: ScalingoExtensionApi, parent: TreeNode | undefined, label: string): Promise<TreeNode> {
  const nodes = await children(api, parent);
  const found = nodes.find((node) => labelOf(node) === label);
  assert.ok(found, `no child "${label}" under ${parent?.id ?? 'the root'}: ${nodes.map(labelOf).join(', ')}`);
  return found;
}

/**
 * Entries of the extension host's own log (not our "Scalingo" channel) that are an error or an
 * unhandled rejection involving this extension.
 */
export async function hostLogErrors(): Promise<string[]> {
  const extension = await extensionApi();
  const userData = join(extension.globalStorageUri.fsPath, '..', '..', '..');
  const hostLogs = filesUnder(userData).filter((file) => /exthost\d*[\\/](remote)?exthost\.log$/u.test(file));
  assert.ok(hostLogs.length > 0, 'no extension host log found');
  const entries = hostLogs.flatMap((file) => readFileSync(file, 'utf8').split(/\n(?=\d{4}-\d\d-\d\d )/u));
  return entries.filter(
    // The offline host lives under ~/.cache/scalingo-scm-test-host: its path names no extension.
    (entry) =>
      /\[error\]|unhandled|rejected promise/iu.test(entry) &&
      /scalingo|dist[\\/](extension|api)\.js/iu.test(entry.replaceAll('scalingo-scm-test-host', '')),
  );
}

/** Every file under the user-data folder (settings, state, logs) that contains one of `secrets`. */
export async function filesHolding(secrets: readonly string[]): Promise<string[]> {
  const extension = await extensionApi();
  const userData = join(extension.globalStorageUri.fsPath, '..', '..', '..');
  return filesUnder(userData).filter((file) => {
    try {
      const content = readFileSync(file);
      return secrets.some((secret) => content.includes(secret));
    } catch {
      return false;
    }
  });
}

/**
 * The regular files under `dir`. Symbolic links are not followed (one pointing up would recurse
 * without end) and sockets or pipes are not files: reading a named pipe blocks for ever.
 */
export function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      const entry = lstatSync(path);
      if (entry.isDirectory()) return filesUnder(path);
      return entry.isFile() ? [path] : [];
    });
  } catch {
    return [];
  }
}
