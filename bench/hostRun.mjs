// Runs one bench module (bench/host/*.cjs) in a fresh offline VS Code host, the way the integration
// suite runs its tests: code-server's real extension host, a new process and a new temp profile each
// time. Returns the JSON the module wrote to BENCH_RESULT.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, STAGE, stagedModule } from './stage.mjs';

const HOST_TIMEOUT_MS = 3 * 60 * 1000;
let runs = 0;

/** Is the offline host (code-server, Node 24, Chromium) installed? scripts/install-test-host.sh puts it there. */
export function offlineHostAvailable() {
  return stagedModule('test/host/hostInstall.js').offlineHostInstalled();
}

export async function runInHost({ extensionPath, module, env = {} }) {
  const resultFile = join(tmpdir(), `scalingo-bench-${process.pid}-${++runs}.json`);
  rmSync(resultFile, { force: true });
  // What test/host/offline-vscode execs, from the bench's staged copy of out/.
  const launcher = join(STAGE, 'out', 'test', 'host', 'offlineVscode.js');
  const child = spawn(process.execPath, [launcher, `--extensionDevelopmentPath=${extensionPath}`, `--extensionTestsPath=${join(ROOT, 'bench', 'host', module)}`], {
    env: { ...process.env, ...env, BENCH_RESULT: resultFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  // SIGTERM lets the launcher stop its code-server and Chromium before it exits.
  const timer = setTimeout(() => child.kill('SIGTERM'), HOST_TIMEOUT_MS);
  const [code] = await once(child, 'exit');
  clearTimeout(timer);
  if (code !== 0 || !existsSync(resultFile)) {
    throw new Error(`${module} in the offline host exited with ${code}:\n${output.trim().split('\n').slice(-40).join('\n')}`);
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  rmSync(resultFile, { force: true });
  return result;
}
