/**
 * One code-server (VS Code 1.139 served to a browser) started the way this offline machine needs
 * (see /work/shared/VSCODE_HOST.md): Node 24, a private temp folder for user data, extensions and
 * code-server's own config, settings that keep start-up quiet, an environment that cannot send it
 * elsewhere, and a process group stopped as a whole. Used by the offline test host, the demo, the
 * packaging check and the screenshot script.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { codeServerEntry, node24BinDir } from './hostInstall';

/** Written to User/ and Machine/ settings (machine- and application-scoped ones are read from there). */
const BASE_SETTINGS: Readonly<Record<string, unknown>> = {
  // VS Code 1.139 opens the Chat side bar at start-up and then fails offline.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // Nothing should open, check or fetch anything beside what we do.
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
};

export interface CodeServerOptions {
  /** Start of the temp folder's name, to tell whose it is. */
  readonly name: string;
  /** A fixed port on 127.0.0.1 (refused if taken); default a free one. */
  readonly port?: number;
  /** Merged over the quiet defaults above. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

export interface StartOptions {
  /** The folder the workbench opens; default an empty one in the temp folder. */
  readonly folder?: string;
  /** Added to the environment the extension host inherits. */
  readonly env?: NodeJS.ProcessEnv;
  /** More command-line options for code-server. */
  readonly args?: readonly string[];
}

export class CodeServer {
  /** Everything this instance writes, removed by dispose(). */
  readonly temp: string;
  readonly userData: string;
  readonly extensions: string;
  readonly workspace: string;
  /** code-server's own stdout and stderr. */
  readonly serverLog: string;
  private readonly xdgConfig: string;
  private readonly xdgData: string;
  private readonly config: string;
  private server: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    options: CodeServerOptions,
  ) {
    this.temp = mkdtempSync(join(tmpdir(), `${options.name}-`));
    this.userData = join(this.temp, 'user-data');
    this.extensions = join(this.temp, 'extensions');
    this.workspace = join(this.temp, 'workspace');
    this.serverLog = join(this.temp, 'code-server.log');
    this.xdgConfig = join(this.temp, 'xdg-config');
    this.xdgData = join(this.temp, 'xdg-data');
    this.config = join(this.temp, 'config.yaml');
    for (const dir of [this.extensions, this.xdgConfig, this.xdgData, this.workspace]) mkdirSync(dir, { recursive: true });
    const settings = JSON.stringify({ ...BASE_SETTINGS, ...options.settings }, null, 2);
    for (const scope of ['User', 'Machine']) {
      mkdirSync(join(this.userData, scope), { recursive: true });
      writeFileSync(join(this.userData, scope, 'settings.json'), settings);
    }
    // Without --config, code-server writes ~/.config/code-server/config.yaml.
    writeFileSync(this.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  }

  /** A fresh profile, not started yet: install extensions first, then start(). */
  static async prepare(options: CodeServerOptions): Promise<CodeServer> {
    const port = options.port ?? (await freePort());
    if (options.port !== undefined && !(await portIsFree(options.port))) {
      throw new Error(`port ${options.port} on 127.0.0.1 is in use`);
    }
    return new CodeServer(port, options);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** Installs a .vsix the way a person would, with code-server's own --install-extension. */
  async installVsix(vsix: string): Promise<void> {
    await promisify(execFile)(join(node24BinDir, 'node'), [codeServerEntry, ...this.profileArgs(), '--install-extension', vsix], {
      env: this.env({}),
    });
  }

  /**
   * Installs an unpacked extension folder (the repository itself) as if from a .vsix, without the
   * smoke-test payload that hides notifications. VS Code 1.139 lists installed extensions only from
   * extensions.json. The entry points at a symlink inside the extensions folder, so that uninstalling
   * from the Extensions view deletes the link, never the folder it points at.
   */
  installFolder(folder: string): void {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    const id = `${manifest.publisher}.${manifest.name}`;
    const relativeLocation = `${id}-${manifest.version}`;
    const location = join(this.extensions, relativeLocation);
    symlinkSync(folder, location, 'dir');
    const entry = {
      identifier: { id },
      version: manifest.version,
      location: { $mid: 1, scheme: 'file', path: location },
      relativeLocation,
      // What --install-extension writes for a .vsix.
      metadata: { installedTimestamp: Date.now(), pinned: true, source: 'vsix' },
    };
    writeFileSync(join(this.extensions, 'extensions.json'), JSON.stringify([entry]));
  }

  /** Spawns code-server and resolves once it answers on its port. */
  async start(options: StartOptions = {}): Promise<void> {
    const log = openSync(this.serverLog, 'a');
    const args = [
      codeServerEntry,
      ...this.profileArgs(),
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${this.port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      ...(options.args ?? []),
      options.folder ?? this.workspace,
    ];
    // Own process group, so stopping it also stops the extension host and helpers it spawned.
    const server = spawn(join(node24BinDir, 'node'), args, { env: this.env(options.env ?? {}), detached: true, stdio: ['ignore', log, log] });
    closeSync(log);
    this.server = server;
    // Whatever happens to this process, do not leave code-server running.
    process.once('exit', () => killGroup(server, 'SIGKILL'));
    await this.waitUntilListening(server);
  }

  /** The newest extension host log: says whether and why an extension failed to activate. */
  extensionHostLog(): string | undefined {
    const logsDir = join(this.userData, 'logs');
    if (!existsSync(logsDir)) return undefined;
    return readdirSync(logsDir)
      .sort()
      .map((session) => join(logsDir, session, 'exthost1', 'remoteexthost.log'))
      .filter((file) => existsSync(file))
      .at(-1);
  }

  /** Stops code-server (if started) and removes the temp folder. */
  async dispose(): Promise<void> {
    if (this.server) await stopGroup(this.server);
    rmSync(this.temp, { recursive: true, force: true });
  }

  private profileArgs(): string[] {
    return ['--config', this.config, '--user-data-dir', this.userData, '--extensions-dir', this.extensions];
  }

  /**
   * Removed from ours: variables that would make code-server bind elsewhere or hand the folder to
   * another instance (PORT, VSCODE_IPC_HOOK_CLI when run from a VS Code terminal, VSCODE_OPTIONS…),
   * and the outer VS Code's git askpass hooks, which the built-in git extension would otherwise call.
   */
  private env(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [name, value] of Object.entries(process.env)) {
      if (!/^(PORT|PASSWORD|HASHED_PASSWORD|VSCODE_.*|CODE_SERVER_.*|CS_.*)$/u.test(name)) env[name] = value;
    }
    return {
      ...env,
      ...extra,
      // code-server spawns `node` for its own helpers: it must be Node 24 there too.
      PATH: `${node24BinDir}${delimiter}${process.env.PATH ?? ''}`,
      // Otherwise code-server writes under ~/.config and ~/.local/share.
      XDG_CONFIG_HOME: this.xdgConfig,
      XDG_DATA_HOME: this.xdgData,
    };
  }

  private async waitUntilListening(server: ChildProcess): Promise<void> {
    for (;;) {
      if (server.exitCode !== null || server.signalCode !== null) {
        throw new Error(`code-server exited (${server.exitCode ?? server.signalCode}) before listening:\n${tail(this.serverLog, 30)}`);
      }
      try {
        if ((await fetch(`${this.url}healthz`)).ok) return;
      } catch {
        // Not listening yet.
      }
      await delay(200);
    }
  }
}

export function tail(file: string, lines: number): string {
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : `(no ${file})`;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

/**
 * SIGTERM lets code-server stop its children; the SIGKILL that follows gets whatever is left in the
 * group (an extension host still shutting down), so nothing writes into the temp folder removed next.
 */
async function stopGroup(server: ChildProcess): Promise<void> {
  const exited =
    server.exitCode !== null || server.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolveExit) => server.once('exit', () => resolveExit()));
  killGroup(server, 'SIGTERM');
  await Promise.race([exited, delay(5000)]);
  killGroup(server, 'SIGKILL');
  await exited;
}

function killGroup(server: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (server.pid) process.kill(-server.pid, signal);
  } catch {
    // The group is already gone.
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}
