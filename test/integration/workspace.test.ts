import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { FakeScalingoApi } from '../fakeApi/server';
import type { TreeNode } from '../../src/tree/treeNode';
import { children, eventually, extensionApi, hostLogErrors, labelOf, nodeAt, signIn, signOut, startFakeApi } from './helpers';
import { uiDriver } from './uiDriver';

interface GitApi {
  openRepository(root: vscode.Uri): Promise<unknown>;
  closeRepository?(repository: unknown): void;
}

/** The git extension opens repositories in its own time: looks at the tree wait longer than the default. */
const TREE_WAIT = { timeoutMs: 8000, everyMs: 100 };

describe('this workspace', () => {
  let api: FakeScalingoApi;
  let folder: string;
  /** Folders the tests open as repositories; removed after the suite, not before: git would close
   *  a deleted one while a later test looks at the rows (seen: a row gone between two readings). */
  const opened: string[] = [];

  before(async () => {
    api = await startFakeApi();
    await signIn();
    folder = mkdtempSync(join(tmpdir(), 'scalingo-workspace-'));
    execFileSync('git', ['init', '--quiet', folder]);
    execFileSync('git', ['-C', folder, 'remote', 'add', 'origin', 'git@github.com:ada-lovelace/scalingo-app.git']);
  });

  after(async () => {
    await signOut();
    await api.close();
    for (const path of [folder, ...opened]) rmSync(path, { recursive: true, force: true });
  });

  it('puts the open repository first, with its pull requests, when its remote is on a linked host', async () => {
    const extension = await extensionApi();
    extension.tree.refreshAll();
    assert.ok(!(await children(extension)).some((node) => labelOf(node) === 'This workspace'));
    const git = (await vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git')!.activate()).getAPI(1);
    await git.openRepository(vscode.Uri.file(folder));
    const node = await eventually(async () => (await children(extension)).find((candidate) => labelOf(candidate) === 'This workspace'), TREE_WAIT);
    assert.equal((await children(extension))[0], node, 'not at the top');
    assert.match(String(node.getTreeItem().description), /^ada-lovelace\/scalingo-app · GitHub$/u);
    const rows = (await children(extension, node)).map(labelOf);
    // The apps that deploy from it come first, then its pull requests.
    assert.deepEqual(rows, ['ada-scalingo-app', 'ada-scalingo-app-staging', '#8 Add feature', '#3 Add logo']);
  });

  it('offers "Link to a Scalingo App…" on a workspace repository no app deploys from', async () => {
    const extension = await extensionApi();
    const second = mkdtempSync(join(tmpdir(), 'scalingo-workspace-'));
    opened.push(second);
    execFileSync('git', ['init', '--quiet', second]);
    execFileSync('git', ['-C', second, 'remote', 'add', 'origin', 'https://github.com/ada-lovelace/notes.git']);
    const git = (await vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git')!.activate()).getAPI(1);
    const workspaceRows = async () => (await children(extension)).filter((candidate) => labelOf(candidate) === 'This workspace');
    const [first] = await workspaceRows();
    assert.ok(first, 'the first test left no workspace row');
    await git.openRepository(vscode.Uri.file(second));
    const node = await eventually(
      async () =>
        (await children(extension)).find((candidate) => labelOf(candidate) === 'This workspace' && /notes/u.test(String(candidate.getTreeItem().description))),
      TREE_WAIT,
    );
    // Another folder's repository opening recomposes the rows: the one already shown keeps its object (and what it loaded).
    assert.ok((await workspaceRows()).includes(first), 'the workspace row of the first repository was rebuilt');
    const rows = await children(extension, node);
    const hint = rows.find((row) => labelOf(row) === 'Link to a Scalingo App…');
    assert.ok(hint, `no link hint: ${rows.map(labelOf).join(', ')}`);
    assert.equal(hint.getTreeItem().command?.command, 'scalingo.linkApp');
    assert.equal(hint.getTreeItem().command?.arguments?.[0], node);
  });

  it('keeps its pull requests apart from the same ones under their owner: ids unique, both rows work', async function () {
    const extension = await extensionApi();
    const workspace = await eventually(async () => (await children(extension)).find((candidate) => labelOf(candidate) === 'This workspace'), TREE_WAIT);
    const pullRequestsOf = async (node: Parameters<typeof children>[1]) => (await children(extension, node)).filter((row) => labelOf(row).startsWith('#'));
    const [underWorkspace] = await pullRequestsOf(workspace);
    const path = ['GitHub', 'ada-lovelace', 'scalingo-app'];
    const expanded = new Set([workspace, ...(await Promise.all(path.map((_, depth) => nodeAt(extension, ...path.slice(0, depth + 1)))))]);
    const underOwner = await pullRequestsOf(await nodeAt(extension, ...path));
    assert.deepEqual(underOwner.map(labelOf), ['#8 Add feature', '#3 Add logo']);
    assert.ok(underWorkspace && labelOf(underWorkspace) === '#8 Add feature');

    const ids = new Map<string, string>();
    for (const node of await rowsOf(await children(extension), expanded)) {
      const where = `${labelOf(node)} under ${node.parent ? labelOf(node.parent) : 'the root'}`;
      assert.ok(!ids.has(node.id), `"${where}" has the id of "${ids.get(node.id)}": ${node.id}`);
      ids.set(node.id, where);
    }

    // As a person would: the workspace's pull request shown, then the same one under its owner.
    await extension.view.reveal(underWorkspace, { select: false, focus: true });
    await extension.view.reveal(underOwner[0]!, { select: false, expand: true });
    const errorsBefore = (await hostLogErrors()).length;
    const driver = uiDriver();
    if (!driver) return;
    // The topmost row labelled so is the one under "This workspace".
    await driver.clickTreeItem('#8 Add feature');
    const url = 'https://github.com/ada-lovelace/scalingo-app/pull/8';
    await eventually(async () => (await driver.openedUrls()).includes(url), { timeoutMs: 4000 });
    assert.deepEqual(extension.view.selection, [underWorkspace], 'the click selected another row');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual((await hostLogErrors()).slice(errorsBefore), []);
  });

  it('gives every row the same id after a refresh, so VS Code keeps what was expanded and selected', async () => {
    const extension = await extensionApi();
    const path = ['GitHub', 'ada-lovelace', 'scalingo-app'];
    const idsNow = async () => {
      const workspace = (await children(extension)).find((candidate) => labelOf(candidate) === 'This workspace')!;
      const expanded = new Set([workspace, ...(await Promise.all(path.map((_, depth) => nodeAt(extension, ...path.slice(0, depth + 1)))))]);
      return (await rowsOf(await children(extension), expanded)).map((node) => node.id);
    };
    const before = await idsNow();
    extension.tree.refreshAll();
    assert.deepEqual(await idsNow(), before);
  });
});

describe('this workspace, on a code host installed under a path', () => {
  let api: FakeScalingoApi;
  const folders: string[] = [];

  before(async () => {
    api = await startFakeApi();
    await signIn();
    // The seed's GitLab self-hosted lives at https://code.example.org/gitlab.
    const remotes = [
      'https://code.example.org/gitlab/margaret-hamilton/apollo-guidance.git',
      // GitLab's ssh addresses carry no path prefix.
      'git@code.example.org:margaret-hamilton/priority-displays.git',
    ];
    for (const remote of remotes) {
      const folder = mkdtempSync(join(tmpdir(), 'scalingo-prefix-'));
      execFileSync('git', ['init', '--quiet', folder]);
      execFileSync('git', ['-C', folder, 'remote', 'add', 'origin', remote]);
      folders.push(folder);
    }
  });

  after(async () => {
    await signOut();
    await api.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('matches https and ssh remotes under the integration\'s path, and links to them without doubling it', async () => {
    const extension = await extensionApi();
    const git = (await vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git')!.activate()).getAPI(1);
    for (const folder of folders) await git.openRepository(vscode.Uri.file(folder));
    extension.tree.refreshAll();
    const selfHosted = (node: TreeNode) => labelOf(node) === 'This workspace' && String(node.getTreeItem().description).endsWith('GitLab self-hosted');
    const rows = await eventually(async () => {
      const found = (await children(extension)).filter(selfHosted);
      return found.length === 2 ? found : undefined;
    }, TREE_WAIT);
    assert.deepEqual(rows.map((row) => String(row.getTreeItem().description)).sort(), [
      'margaret-hamilton/apollo-guidance · GitLab self-hosted',
      'margaret-hamilton/priority-displays · GitLab self-hosted',
    ]);
    const apollo = rows.find((row) => String(row.getTreeItem().description).includes('apollo-guidance'))!;
    assert.equal((apollo as unknown as { webUrl: string }).webUrl, 'https://code.example.org/gitlab/margaret-hamilton/apollo-guidance');
    // No app deploys from it: the workspace's repository offers to link one, before its merge requests.
    assert.deepEqual((await children(extension, apollo)).map(labelOf), ['Link to a Scalingo App…', '#3 Restart on overload']);
    assert.equal(api.requestsTo('searchPullRequests').at(-1)?.query.query, 'is:open repo:margaret-hamilton/apollo-guidance');
  });
});

/** The rows of `nodes` and, for those in `expanded`, their children: what this test has loaded. */
async function rowsOf(nodes: readonly TreeNode[], expanded: ReadonlySet<TreeNode>): Promise<TreeNode[]> {
  const rows: TreeNode[] = [];
  for (const node of nodes) {
    rows.push(node);
    if (expanded.has(node)) rows.push(...(await rowsOf(await children(await extensionApi(), node), expanded)));
  }
  return rows;
}
