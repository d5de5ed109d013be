import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WorkspaceRemotes, type GitApiSource } from '../../src/workspace/workspaceRemotes';

/** A stand-in for the git extension's API that counts the listeners still attached to each repository. */
function fakeGit() {
  const opened = new vscode.EventEmitter<FakeRepository>();
  const closed = new vscode.EventEmitter<FakeRepository>();
  const repositories: FakeRepository[] = [];
  let listening = 0;
  const repository = (url: string): FakeRepository => ({
    state: {
      remotes: [{ fetchUrl: url }],
      onDidChange: () => {
        listening++;
        let disposed = false;
        return { dispose: () => void (disposed || (listening--, (disposed = true))) };
      },
    },
  });
  const api = { repositories, onDidOpenRepository: opened.event, onDidCloseRepository: closed.event };
  return {
    source: (async () => api) as unknown as GitApiSource,
    open(url: string) {
      const added = repository(url);
      repositories.push(added);
      opened.fire(added);
      return added;
    },
    close(gone: FakeRepository) {
      repositories.splice(repositories.indexOf(gone), 1);
      closed.fire(gone);
    },
    get listening() {
      return listening;
    },
  };
}

interface FakeRepository {
  readonly state: { readonly remotes: { fetchUrl: string }[]; onDidChange(listener: () => void): vscode.Disposable };
}

describe('git repositories that close', () => {
  it('have their listeners disposed', async () => {
    const git = fakeGit();
    const remotes = new WorkspaceRemotes(git.source);
    try {
      await remotes.remotes();
      const first = git.open('git@github.com:ada-lovelace/scalingo-app.git');
      const second = git.open('https://gitlab.com/grace-hopper/compiler.git');
      assert.equal(git.listening, 2);
      git.close(first);
      assert.equal(git.listening, 1, 'a closed repository is still listened to');
      git.close(second);
      assert.equal(git.listening, 0);
      assert.deepEqual(await remotes.remotes(), []);
    } finally {
      remotes.dispose();
    }
  });
});
