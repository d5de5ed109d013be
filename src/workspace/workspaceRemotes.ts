import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import { parseGitRemote, type RemoteRepository } from './gitRemote';

/** The part of the built-in git extension's API (vscode.git, API version 1) this extension reads. */
interface GitRepository {
  readonly state: {
    readonly remotes: readonly { readonly fetchUrl?: string; readonly pushUrl?: string }[];
    readonly onDidChange: vscode.Event<void>;
  };
}
interface GitApi {
  readonly repositories: readonly GitRepository[];
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
  readonly onDidCloseRepository: vscode.Event<GitRepository>;
}
interface GitExtension {
  getAPI(version: 1): GitApi;
}

/** Where the git API comes from: the built-in extension, or a stand-in in tests. */
export type GitApiSource = () => Promise<GitApi | undefined>;

/**
 * The repositories the open folders push to, read from the built-in git extension. Looked up when
 * the tree first asks, not at activation; repositories opened or closed later fire a change.
 */
export class WorkspaceRemotes extends Disposable {
  /** One state listener per open repository, disposed when the repository closes. */
  private readonly watched = new Map<GitRepository, vscode.Disposable>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private git: Promise<GitApi | undefined> | undefined;
  /** What the tree was last told, so the frequent status changes of a repository stay silent. */
  private lastKeys = '';

  constructor(private readonly gitApi: GitApiSource = builtInGitApi) {
    super();
    this._register({ dispose: () => this.watched.forEach((listener) => listener.dispose()) });
  }

  /** How many repositories are watched (for tests: closed ones must not stay). */
  get watchedRepositories(): number {
    return this.watched.size;
  }

  async remotes(): Promise<RemoteRepository[]> {
    const git = await (this.git ??= this.connect());
    if (!git) return [];
    const remotes = this.read(git);
    this.lastKeys = keysOf(remotes);
    return remotes;
  }

  private read(git: GitApi): RemoteRepository[] {
    const seen = new Set<string>();
    const remotes: RemoteRepository[] = [];
    for (const repository of git.repositories) {
      for (const remote of repository.state.remotes) {
        const parsed = parseGitRemote(remote.fetchUrl ?? remote.pushUrl ?? '');
        const key = parsed && `${parsed.host}/${parsed.fullName}`.toLowerCase();
        if (parsed && key && !seen.has(key)) {
          seen.add(key);
          remotes.push(parsed);
        }
      }
    }
    return remotes;
  }

  private async connect(): Promise<GitApi | undefined> {
    const git = await this.gitApi();
    if (!git) return undefined;
    // A repository's remotes load after it opens, so its state changes are watched too.
    const check = () => {
      if (keysOf(this.read(git)) !== this.lastKeys) this.changed.fire();
    };
    const watch = (repository: GitRepository) => {
      if (!this.watched.has(repository)) this.watched.set(repository, repository.state.onDidChange(check));
    };
    git.repositories.forEach(watch);
    this._register(git.onDidOpenRepository((repository) => (watch(repository), check())));
    this._register(
      git.onDidCloseRepository((repository) => {
        this.watched.get(repository)?.dispose();
        this.watched.delete(repository);
        check();
      }),
    );
    return git;
  }
}

async function builtInGitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  try {
    return (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
  } catch {
    // Git disabled or missing: the tree simply has no "This workspace" row.
    return undefined;
  }
}

function keysOf(remotes: readonly RemoteRepository[]): string {
  return remotes.map((remote) => `${remote.host}/${remote.fullName}`.toLowerCase()).join('\n');
}
