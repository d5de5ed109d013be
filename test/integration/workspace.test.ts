import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { FakeScalingoApi } from '../fakeApi/server';
import { children, extensionApi, labelOf, signIn, signOut, startFakeApi } from './helpers';

interface GitApi {
  openRepository(root: vscode.Uri): Promise<unknown>;
  closeRepository?(repository: unknown): void;
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('this workspace', () => {
  let api: FakeScalingoApi;
  let folder: string;

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
    rmSync(folder, { recursive: true, force: true });
  });

  it('puts the open repository first, with its pull requests, when its remote is on a linked host', async () => {
    const extension = await extensionApi();
    extension.tree.refreshAll();
    assert.ok(!(await children(extension)).some((node) => labelOf(node) === 'This workspace'));
    const git = (await vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git')!.activate()).getAPI(1);
    await git.openRepository(vscode.Uri.file(folder));
    const node = await eventually(async () => (await children(extension)).find((candidate) => labelOf(candidate) === 'This workspace'));
    assert.equal((await children(extension))[0], node, 'not at the top');
    assert.match(String(node.getTreeItem().description), /^ada-lovelace\/scalingo-app · GitHub$/u);
    const rows = (await children(extension, node)).map(labelOf);
    // The apps that deploy from it come first, then its pull requests.
    assert.deepEqual(rows, ['ada-scalingo-app', 'ada-scalingo-app-staging', '#8 Add feature', '#3 Add logo']);
  });

  it('offers "Link to a Scalingo App…" on a workspace repository no app deploys from', async () => {
    const extension = await extensionApi();
    const second = mkdtempSync(join(tmpdir(), 'scalingo-workspace-'));
    try {
      execFileSync('git', ['init', '--quiet', second]);
      execFileSync('git', ['-C', second, 'remote', 'add', 'origin', 'https://github.com/ada-lovelace/notes.git']);
      const git = (await vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git')!.activate()).getAPI(1);
      await git.openRepository(vscode.Uri.file(second));
      const node = await eventually(async () =>
        (await children(extension)).find((candidate) => labelOf(candidate) === 'This workspace' && /notes/u.test(String(candidate.getTreeItem().description))),
      );
      const rows = await children(extension, node);
      const hint = rows.find((row) => labelOf(row) === 'Link to a Scalingo App…');
      assert.ok(hint, `no link hint: ${rows.map(labelOf).join(', ')}`);
      assert.equal(hint.getTreeItem().command?.command, 'scalingo.linkApp');
      assert.equal(hint.getTreeItem().command?.arguments?.[0], node);
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  });
});
