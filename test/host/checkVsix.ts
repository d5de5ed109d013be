/**
 * `npm run test:vsix`: packages the extension as `npm run package` does, installs the .vsix into a
 * fresh offline host with code-server's own --install-extension, opens the workbench without the
 * test payload, and checks that it activates there as it would for a person, and only when needed:
 * the activity bar shows its icon while the extension is still inactive (no activation at start-up),
 * the command palette already offers every command, running one that needs an account while signed
 * out activates the extension and offers Sign In, the welcome view's "Sign in with API token" button
 * runs the sign-in command, and the extension host log records the activation.
 * Prints one PASS or FAIL line and exits non-zero on failure.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from './chromium';
import { CodeServer, delay, tail } from './codeServer';
import { offlineHostInstalled } from './hostInstall';
import { activityBarItem, openWorkbench, paletteOffers, runCommand, waitForQuickInput } from './workbenchPage';

const root = resolve(__dirname, '..', '..', '..');
interface Manifest {
  readonly publisher: string;
  readonly name: string;
  readonly contributes: {
    readonly commands: readonly { readonly command: string; readonly title: string; readonly category?: string }[];
    readonly menus: { readonly commandPalette: readonly { readonly command: string; readonly when?: string }[] };
  };
}
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const strings = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
const TIME_LIMIT_MS = 90_000;

/** `vsce package`, whose prepublish script builds the production bundle. */
function packageVsix(vsix: string): void {
  const vsce = spawnSync(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '-o', vsix], { cwd: root, encoding: 'utf8' });
  if (vsce.status !== 0) throw new Error(`vsce package failed (${vsce.status ?? vsce.signal}):\n${vsce.stdout}${vsce.stderr}`);
  // vsce ends with "DONE  Packaged: <file> (16 files, 162.08 KB)".
  const files = /Packaged: .* \((\d+) files?,/u.exec(vsce.stdout)?.[1] ?? '?';
  console.log(`vsix: ${files} files, ${(statSync(vsix).size / 1024).toFixed(0)} KiB`);
}

/** The extension host logs `_doActivateExtension <id>` when it activates the extension, and one of these if that throws. */
const ACTIVATION_FAILED = [`Activating extension ${EXTENSION_ID} failed`, `Activating extension '${EXTENSION_ID}' failed`];

/** How long the workbench gets to finish starting before we check that nothing activated us. */
const STARTUP_SETTLE_MS = 4000;

function activationLogged(host: CodeServer): boolean {
  const log = host.extensionHostLog();
  return !!log && readFileSync(log, 'utf8').includes(`_doActivateExtension ${EXTENSION_ID}`);
}

/** "Scalingo: Sign In with API Token" for every command the palette may show (not those hidden with `"when": "false"`). */
function paletteTitles(): string[] {
  const hidden = new Set(manifest.contributes.menus.commandPalette.filter((entry) => entry.when === 'false').map((entry) => entry.command));
  const localised = (text: string) => strings[/^%(.+)%$/u.exec(text)?.[1] ?? ''] ?? text;
  return manifest.contributes.commands
    .filter((command) => !hidden.has(command.command))
    .map((command) => `${command.category ? `${localised(command.category)}: ` : ''}${localised(command.title)}`);
}

async function waitForActivationInLog(host: CodeServer): Promise<void> {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await delay(250)) {
    const log = host.extensionHostLog();
    const text = log ? readFileSync(log, 'utf8') : '';
    if (ACTIVATION_FAILED.some((line) => text.includes(line))) throw new Error('the extension failed to activate');
    if (text.includes(`_doActivateExtension ${EXTENSION_ID}`)) return;
  }
  throw new Error('the extension host log never recorded the activation');
}

/** Runs one step of the check; a failure says which step, in a line (Playwright's call logs follow it). */
async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\u001b\[[0-9;]*m/gu, '');
    throw new Error(`${what}: ${message}`);
  }
}

async function check(host: CodeServer): Promise<void> {
  const vsix = join(host.temp, 'scalingo-scm.vsix');
  await step('package the .vsix', async () => packageVsix(vsix));
  await step('install it with code-server --install-extension', () => host.installVsix(vsix));
  await step('start code-server', () => host.start());
  const browser = await launchChromium();
  try {
    const page = await step('show the Scalingo icon in the activity bar', () => openWorkbench(browser, host.url, 'Scalingo'));
    await delay(STARTUP_SETTLE_MS);
    await step('stay inactive through start-up (no view, command, account request or URI yet)', async () => {
      if (activationLogged(host)) throw new Error('the extension host activated the extension at start-up');
    });
    for (const title of paletteTitles()) {
      await step(`offer "${title}" in the command palette before activation`, () => paletteOffers(page, title));
    }
    await step('still be inactive after the palette listed its commands', async () => {
      if (activationLogged(host)) throw new Error('opening the command palette activated the extension');
    });
    await runCommand(page, 'Scalingo: Search Repositories…');
    const toast = page.locator('.notification-toast').filter({ hasText: 'Sign in to Scalingo first.' });
    await step('say "Sign in to Scalingo first." when a command that needs an account runs signed out', () => toast.waitFor({ timeout: 15_000 }));
    await toast.getByRole('button', { name: 'Sign In' }).click();
    await step('open the sign-in input box from that toast\'s Sign In button', () => waitForQuickInput(page, 'Sign in to Scalingo'));
    await page.keyboard.press('Escape');
    await activityBarItem(page, 'Scalingo').click();
    const signIn = page.getByRole('button', { name: 'Sign in with API token' });
    await step('show the welcome view with its "Sign in with API token" button', () => signIn.waitFor({ timeout: 15_000 }));
    await signIn.click();
    await step('open the sign-in input box from that button (the extension activated)', () => waitForQuickInput(page, 'Sign in to Scalingo'));
    await step('record the activation in the extension host log', () => waitForActivationInLog(host));
  } finally {
    await browser.close();
  }
}

async function main(): Promise<number> {
  if (!offlineHostInstalled()) throw new Error('the offline host is missing: run scripts/install-test-host.sh (as root)');
  const started = Date.now();
  const host = await CodeServer.prepare({ name: 'scalingo-scm-vsix' });
  try {
    await Promise.race([
      check(host),
      delay(TIME_LIMIT_MS).then(() => Promise.reject(new Error(`no answer within ${TIME_LIMIT_MS / 1000} s`))),
    ]);
    console.log(`PASS: the .vsix installs and activates in code-server (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return 0;
  } catch (error) {
    const log = host.extensionHostLog();
    console.error(log ? `--- extension host log, last 30 lines ---\n${tail(log, 30)}` : `--- code-server output ---\n${tail(host.serverLog, 30)}`);
    console.error(`FAIL: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await host.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`FAIL: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
