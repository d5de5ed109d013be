/**
 * The fake Scalingo API with its demo data, started through its own command line
 * (test/fakeApi/main.ts, the one the F5 launch configuration runs too), so that the demo data, the
 * token it accepts and what it prints are defined once, there. Resolves with what it printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface DemoApi {
  readonly url: string;
  /** The API token the demo accepts: the person pastes it when signing in. */
  readonly token: string;
  /** Resolves if the API stops before stop() is called. */
  readonly exited: Promise<void>;
  stop(): void;
}

export function startDemoApi(outDir: string): Promise<DemoApi> {
  const child: ChildProcess = spawn(process.execPath, [join(outDir, 'test', 'fakeApi', 'main.js'), '--seed', 'demo', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  return new Promise((resolveApi, reject) => {
    let url: string | undefined;
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      url ??= /^fake Scalingo API .* on (http\S+)$/u.exec(line)?.[1];
      const token = /^API token: (\S+)$/u.exec(line)?.[1];
      if (url && token) resolveApi({ url, token, exited, stop: () => child.kill('SIGTERM') });
    });
    void exited.then(() => reject(new Error(`the demo Scalingo API exited (${child.exitCode ?? child.signalCode}) before it was ready`)));
  });
}
