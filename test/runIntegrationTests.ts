/**
 * `npm run test:integration`: runs out/test/integration/index.js inside a real VS Code extension
 * host through @vscode/test-electron's runTests(), whichever VS Code this machine has:
 *   1. SCALINGO_TEST_VSCODE: path of a VS Code executable (a developer's or CI's own);
 *   2. else the offline host (code-server + Chromium, scripts/install-test-host.sh) when installed;
 *   3. else none given, and test-electron downloads VS Code (needs internet).
 * The spawned host's stdout and stderr are copied to ours by runTests().
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { offlineHostInstalled } from './host/hostInstall';
import { makeTestCertificates } from './host/testCertificates';

const root = resolve(__dirname, '..', '..');

function pickHost(): { readonly executable: string | undefined; readonly description: string } {
  const own = process.env.SCALINGO_TEST_VSCODE;
  if (own) return { executable: own, description: `VS Code at ${own} (SCALINGO_TEST_VSCODE)` };
  if (offlineHostInstalled() || installOfflineHost()) {
    return { executable: join(root, 'test', 'host', 'offline-vscode'), description: 'offline host (code-server + Chromium)' };
  }
  return {
    executable: undefined,
    description: 'VS Code downloaded by @vscode/test-electron (without internet, run scripts/install-test-host.sh for the offline host)',
  };
}

/**
 * On Linux x64 a new machine gets the offline host installed here, so `npm test` needs nothing done
 * by hand (the script needs root only for Debian packages that are missing). Elsewhere, or when
 * that fails, test-electron downloads VS Code.
 */
function installOfflineHost(): boolean {
  if (process.platform !== 'linux' || process.arch !== 'x64') return false;
  console.log('integration tests: installing the offline host (scripts/install-test-host.sh)…');
  const result = spawnSync('bash', [join(root, 'scripts', 'install-test-host.sh')], { stdio: 'inherit' });
  return result.status === 0 && offlineHostInstalled();
}

async function main(): Promise<void> {
  // Absolute: the extension host does not run in this folder. A stale file must not pass for this run's.
  const summaryFile = resolve(process.env.SCALINGO_TEST_SUMMARY || join(root, 'out', 'test-results', 'integration.json'));
  rmSync(summaryFile, { force: true });
  const host = pickHost();
  const certificates = makeTestCertificates();
  console.log(`integration tests: ${host.description}`);
  await runTests({
    vscodeExecutablePath: host.executable,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'integration', 'index.js'),
    extensionTestsEnv: {
      SCALINGO_TEST_SUMMARY: summaryFile,
      SCALINGO_TEST_SUITE: 'integration',
      // A private CA the host trusts only through NODE_EXTRA_CA_CERTS, as a company's would be.
      NODE_EXTRA_CA_CERTS: certificates.caFile,
      // Another, only in what OpenSSL (so Node's system store) reads as the system's certificate file.
      SSL_CERT_FILE: certificates.systemCaFile,
      SCALINGO_TEST_TLS_DIR: certificates.dir,
    },
  });
}

main().catch((error: unknown) => {
  console.error(`integration tests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
