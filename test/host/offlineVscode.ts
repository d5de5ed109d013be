/**
 * An "executable of VS Code" for machines without internet (see /work/shared/VSCODE_HOST.md).
 * `runTests()` of @vscode/test-electron spawns it as `vscodeExecutablePath` (through the bash
 * launcher test/host/offline-vscode) with the arguments it would give VS Code; this runs the same
 * test index in code-server's real Node extension host instead, driven by Debian's Chromium, and
 * exits with the tests' exit code. Everything it creates lives in one temp folder, removed at the end.
 * Tests can also use the workbench as a person would through its UI driver (see UiCommand below).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, fstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CODE_SERVER_VERSION, chromiumPath, codeServerEntry, node24BinDir, offlineHostInstalled } from './hostInstall';

const TIMEOUT_MS = Number(process.env.SCALINGO_TEST_TIMEOUT_MS) || 10 * 60 * 1000;

/** Written to User/ and Machine/ settings (machine- and application-scoped ones are read from there). */
const SETTINGS = {
  // VS Code 1.139 opens the Chat side bar at start-up and then fails offline.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // Nothing should open, check or fetch anything beside what the tests do.
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

/**
 * Browser console errors every offline run has: code-server lacks Microsoft's proprietary `vsda`
 * module (404), and the extension gallery (open-vsx.org) cannot be reached.
 */
const OFFLINE_NOISE = /vsda|open-vsx\.org/u;

/** Flags VSCODE_HOST.md found this closed network needs. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface LaunchRequest {
  readonly developmentPaths: string[];
  readonly testsPath: string;
  readonly folder: string | undefined;
}

/**
 * Reads what runTests() passes, in its `--name=value` form. `--user-data-dir`/`--extensions-dir`
 * are ignored on purpose: every run gets fresh temp ones (test-electron's defaults are shared
 * folders under .vscode-test/), and the Electron flags (sandbox, GPU, updates…) mean nothing here.
 */
function parseArgs(argv: readonly string[]): LaunchRequest {
  const developmentPaths: string[] = [];
  let testsPath: string | undefined;
  let folder: string | undefined;
  for (const arg of argv) {
    const [name, value = ''] = arg.split(/=(.*)/su);
    if (name === '--extensionDevelopmentPath') developmentPaths.push(resolve(value));
    else if (name === '--extensionTestsPath') testsPath = resolve(value);
    else if (!arg.startsWith('-')) folder = resolve(arg);
  }
  if (developmentPaths.length === 0 || !testsPath) {
    throw new Error('usage: offline-vscode --extensionDevelopmentPath=<dir> --extensionTestsPath=<file> [folder]');
  }
  return { developmentPaths, testsPath, folder };
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

type Profile = ReturnType<typeof prepareProfile>;

/** Fresh profile: empty extensions, settings that silence start-up noise, a private config.yaml. */
function prepareProfile(temp: string, port: number) {
  const dirs = {
    userData: join(temp, 'user-data'),
    extensions: join(temp, 'extensions'),
    xdgConfig: join(temp, 'xdg-config'),
    xdgData: join(temp, 'xdg-data'),
    workspace: join(temp, 'workspace'),
    config: join(temp, 'config.yaml'),
    serverLog: join(temp, 'code-server.log'),
  };
  for (const dir of [dirs.extensions, dirs.xdgConfig, dirs.xdgData, dirs.workspace]) mkdirSync(dir, { recursive: true });
  for (const scope of ['User', 'Machine']) {
    mkdirSync(join(dirs.userData, scope), { recursive: true });
    writeFileSync(join(dirs.userData, scope, 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  }
  // Without --config, code-server writes ~/.config/code-server/config.yaml.
  writeFileSync(dirs.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  return dirs;
}

/**
 * The environment reaches the extension host (SCALINGO_TEST_* and the UI driver's URL included) through code-server.
 * Removed: variables that would make code-server bind elsewhere or hand the folder to another
 * instance (PORT, VSCODE_IPC_HOOK_CLI when run from a VS Code terminal, VSCODE_OPTIONS…), and the
 * outer VS Code's git askpass hooks, which the built-in git extension would otherwise call.
 */
function serverEnv(dirs: Profile, outputFile: string, uiDriverUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(PORT|PASSWORD|HASHED_PASSWORD|VSCODE_.*|CODE_SERVER_.*|CS_.*)$/u.test(name)) env[name] = value;
  }
  return {
    ...env,
    // code-server spawns `node` for its own helpers: it must be Node 24 there too.
    PATH: `${node24BinDir}${delimiter}${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    SCALINGO_TEST_OUTPUT: outputFile,
    SCALINGO_UI_DRIVER_URL: uiDriverUrl,
  };
}

function startCodeServer(dirs: Profile, port: number, folder: string, env: NodeJS.ProcessEnv): ChildProcess {
  const log = openSync(dirs.serverLog, 'a');
  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', dirs.config,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    // Makes the web workbench honour the `payload` URL parameter that carries the test paths.
    '--vscode-option', 'enable-smoke-test-driver',
    // Under tests the workbench refuses to show dialogs, link protection's "Do you want code-server
    // to open the external website?" included, so openExternal would reject for any untrusted domain.
    '--link-protection-trusted-domains', '*',
    folder,
  ];
  // Own process group, so stopping it also stops the extension host and helpers it spawned.
  const server = spawn(join(node24BinDir, 'node'), args, { env, detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  return server;
}

/**
 * SIGTERM lets code-server stop its children; the SIGKILL that follows gets whatever is left in the
 * group (an extension host still shutting down), so nothing writes into the temp folder we remove next.
 */
async function stopCodeServer(server: ChildProcess): Promise<void> {
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

async function waitUntilListening(server: ChildProcess, port: number, serverLog: string): Promise<void> {
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`code-server exited (${server.exitCode ?? server.signalCode}) before listening:\n${tail(serverLog, 30)}`);
    }
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(200);
  }
}

/** The workbench URL whose `payload` makes code-server's extension host run the tests. */
function workbenchUrl(port: number, request: LaunchRequest, folder: string): string {
  const remote = (path: string) => `vscode-remote://127.0.0.1:${port}${pathToFileURL(path).pathname}`;
  const payload = [
    ...request.developmentPaths.map((path) => ['extensionDevelopmentPath', remote(path)]),
    ['extensionTestsPath', remote(request.testsPath)],
    ['skipWelcome', 'true'],
  ];
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * UI driver: tests run in the extension host, a process apart from the Playwright that owns the
 * page, yet some must use the workbench as a person would (type into a quick pick, press Enter,
 * click its buttons, read what it shows). They POST one JSON command at a time to
 * SCALINGO_UI_DRIVER_URL and get the JSON result back, or `{ error }` with status 500.
 * Client: test/integration/uiDriver.ts.
 */
export type UiCommand =
  | { readonly action: 'type'; readonly text: string; readonly delayMs?: number }
  | { readonly action: 'press'; readonly key: string }
  | { readonly action: 'quickInput' }
  | { readonly action: 'clickQuickInputButton'; readonly tooltip: string }
  | { readonly action: 'screenshot'; readonly path: string }
  | { readonly action: 'notifications' }
  | { readonly action: 'openedUrls' };

export interface QuickInputItem {
  readonly label: string;
  readonly description: string;
  readonly detail: string;
  /** The row Enter would accept. */
  readonly focused: boolean;
}

/** What the quick input (quick pick or input box) shows; empty strings for what it does not show. */
export interface QuickInputState {
  readonly visible: boolean;
  readonly title: string;
  readonly value: string;
  readonly placeholder: string;
  /** An input box's prompt: the message area shows it while no validation message replaces it. */
  readonly prompt: string;
  readonly validationMessage: string;
  /** The progress bar runs: VS Code starts it 800 ms after `busy` is set. */
  readonly busy: boolean;
  /** The rendered rows, in order: the list is virtual, so a long one renders only what fits (about 14). */
  readonly items: readonly QuickInputItem[];
  /** Tooltips of the buttons (title bar, inline, in the input box). */
  readonly buttons: readonly string[];
}

/** The buttons of the quick input itself, not those on its items. */
const QUICK_INPUT_BUTTONS = ['.quick-input-titlebar', '.quick-input-inline-action-bar', '.quick-input-box']
  .map((part) => `.quick-input-widget ${part} .action-label`)
  .join(', ');

/** The little of the DOM that the functions run inside the page use (this project compiles without lib.dom). */
interface DomElement {
  readonly textContent: string | null;
  readonly value?: string;
  readonly classList: { contains(name: string): boolean };
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  checkVisibility(): boolean;
}

/** The page's global object, only for the functions below that Playwright runs inside the page. */
declare const window: {
  readonly document: DomElement;
  open: (url?: unknown) => unknown;
  scalingoOpenedUrls?: string[];
};

/** Runs in the page (self-contained: Playwright sends its source). */
function readQuickInput(buttonsSelector: string): QuickInputState {
  const shown = (element: DomElement | null): element is DomElement => !!element?.checkVisibility();
  const text = (root: DomElement, selector: string) => {
    const element = root.querySelector(selector);
    return shown(element) ? (element.textContent ?? '').trim() : '';
  };
  const widget = window.document.querySelector('.quick-input-widget');
  if (!shown(widget)) {
    return { visible: false, title: '', value: '', placeholder: '', prompt: '', validationMessage: '', busy: false, items: [], buttons: [] };
  }
  const input = widget.querySelector('.quick-input-box input');
  const message = text(widget, '.quick-input-message');
  // A validation message marks the input box with its severity; otherwise the message is the prompt.
  const inputBox = widget.querySelector('.quick-input-box .monaco-inputbox');
  const invalid = ['error', 'warning', 'info'].some((severity) => inputBox?.classList.contains(severity));
  // The virtual list positions its rows absolutely: their DOM order is not the order shown.
  const rows = [...widget.querySelectorAll('.quick-input-list .monaco-list-row')]
    .filter(shown)
    .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')));
  return {
    visible: true,
    title: text(widget, '.quick-input-title'),
    value: input?.value ?? '',
    placeholder: input?.getAttribute('placeholder') ?? '',
    prompt: invalid ? '' : message,
    validationMessage: invalid ? message : '',
    busy: !widget.querySelector('.quick-input-progress')?.classList.contains('done'),
    items: rows.map((row) => ({
      // The label comes first in the row; the detail is a second label under `-meta`.
      label: text(row, '.label-name'),
      description: text(row, '.label-description'),
      detail: text(row, '.quick-input-list-label-meta .label-name'),
      focused: row.classList.contains('focused'),
    })),
    buttons: [...window.document.querySelectorAll(buttonsSelector)].filter(shown).map((button) => button.getAttribute('aria-label') ?? ''),
  };
}

/**
 * Runs in the page before the workbench loads. vscode.env.openExternal ends in window.open, which
 * would open a real tab (a popup steals focus and slows headless Chromium badly): record the URL instead.
 */
function recordWindowOpen(): void {
  const opened: string[] = [];
  window.scalingoOpenedUrls = opened;
  window.open = (url?: unknown) => {
    opened.push(String(url));
    return null;
  };
}

async function perform(page: Page, command: UiCommand): Promise<unknown> {
  switch (command.action) {
    case 'type':
      return page.keyboard.type(command.text, { delay: command.delayMs ?? 0 });
    case 'press':
      return page.keyboard.press(command.key);
    case 'quickInput':
      return page.evaluate(readQuickInput, QUICK_INPUT_BUTTONS);
    case 'clickQuickInputButton':
      // A real mouse click on the button whose accessible name (aria-label) is the tooltip, which
      // VS Code may follow with its keybinding: "Back (Ctrl+Alt+-)".
      return page
        .locator(QUICK_INPUT_BUTTONS)
        .and(page.getByRole('button', { name: new RegExp(`^${escapeRegExp(command.tooltip)}( \\(.+\\))?$`, 'u') }))
        .click({ timeout: 5000 });
    case 'screenshot':
      await page.screenshot({ path: command.path });
      return undefined;
    case 'notifications':
      return page.locator('.notification-list-item-message').filter({ visible: true }).allInnerTexts();
    case 'openedUrls':
      return page.evaluate(() => window.scalingoOpenedUrls ?? []);
    default:
      throw new Error(`unknown action: ${JSON.stringify(command)}`);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/gu, '\\$&');
}

async function readBody(request: IncomingMessage): Promise<string> {
  request.setEncoding('utf8');
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

interface UiDriverServer {
  readonly url: string;
  /** Call before the page loads the workbench (it adds an init script). */
  attach(page: Page): Promise<void>;
  close(): void;
}

/**
 * Started before code-server, so that its URL is in the environment the extension host inherits;
 * commands that arrive before the page exists are refused.
 */
function startUiDriverServer(): Promise<UiDriverServer> {
  let page: Page | undefined;
  const server = createHttpServer(async (request, response) => {
    let status = 200;
    let answer: unknown;
    try {
      if (!page) throw new Error('the workbench page is not open yet');
      answer = (await perform(page, JSON.parse(await readBody(request)) as UiCommand)) ?? null;
    } catch (error) {
      status = 500;
      // Playwright colours its call logs; the message ends up in mocha's plain-text output.
      answer = { error: (error instanceof Error ? error.message : String(error)).replace(/\u001b\[[0-9;]*m/gu, '') };
    }
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address !== 'object' || !address) return reject(new Error('UI driver: no port'));
      resolveServer({
        url: `http://127.0.0.1:${address.port}/`,
        attach: async (opened) => {
          await opened.addInitScript(recordWindowOpen);
          page = opened;
        },
        close: () => {
          server.closeAllConnections();
          server.close();
        },
      });
    });
  });
}

/**
 * Opens the workbench and resolves with the code the extension host exits with once the test
 * index's run() settles: the workbench then calls window.codeAutomationExit(code).
 */
async function runWorkbench(browser: Browser, url: string, consoleErrors: string[], uiDriver: UiDriverServer): Promise<number> {
  const page = await browser.newPage();
  await uiDriver.attach(page);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // "Failed to load resource" names no resource in its text; the location has it.
    const text = message.text().startsWith('Failed to load resource') ? `${message.text()}: ${message.location().url}` : message.text();
    // The head of a message says what failed; the workbench's long internal stacks do not.
    if (!OFFLINE_NOISE.test(text)) consoleErrors.push(text.split('\n').slice(0, 8).join('\n'));
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const exitCode = new Promise<number>((resolveCode) => {
    void page.exposeFunction('codeAutomationExit', (code: number) => resolveCode(Number(code)));
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return exitCode;
}

/** Copies what the test index appends to `file` (SCALINGO_TEST_OUTPUT) to our stdout as it comes. */
function streamToStdout(file: string): () => void {
  const fd = openSync(file, 'a+');
  let offset = fstatSync(fd).size;
  const buffer = Buffer.alloc(64 * 1024);
  const pump = () => {
    for (let read; (read = readSync(fd, buffer, 0, buffer.length, offset)) > 0; offset += read) {
      process.stdout.write(buffer.subarray(0, read));
    }
  };
  const timer = setInterval(pump, 100);
  return () => {
    clearInterval(timer);
    pump();
    closeSync(fd);
  };
}

function tail(file: string, lines: number): string {
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : `(no ${file})`;
}

/** Says why a run failed: the extension host's log, the browser's console errors, else code-server's output. */
function printDiagnostics(dirs: Profile, consoleErrors: readonly string[]): void {
  const logsDir = join(dirs.userData, 'logs');
  const hostLogs = existsSync(logsDir)
    ? readdirSync(logsDir)
        .sort()
        .map((session) => join(logsDir, session, 'exthost1', 'remoteexthost.log'))
        .filter(existsSync)
    : [];
  const hostLog = hostLogs.at(-1);
  const sections = hostLog
    ? [`extension host log (${hostLog}), last 40 lines`, tail(hostLog, 40)]
    : ['no extension host log; code-server output, last 40 lines', tail(dirs.serverLog, 40)];
  sections.push(`browser console errors (${consoleErrors.length}), last 30`, consoleErrors.slice(-30).join('\n') || '(none)');
  for (let i = 0; i < sections.length; i += 2) console.error(`\n--- ${sections[i]} ---\n${sections[i + 1]}`);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}

/** Rejects after the hard limit, or when a signal asks us to stop (runTests forwards Ctrl+C as SIGINT). */
function limits(): Promise<never> {
  return new Promise((_, reject) => {
    setTimeout(
      () => reject(new Error(`tests did not finish within ${TIMEOUT_MS / 1000} s (SCALINGO_TEST_TIMEOUT_MS)`)),
      TIMEOUT_MS,
    ).unref();
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => reject(new Error(`stopped by ${signal}`)));
  });
}

async function main(): Promise<number> {
  const request = parseArgs(process.argv.slice(2));
  if (!offlineHostInstalled()) throw new Error('Node 24, code-server or Chromium is missing: run scripts/install-test-host.sh');
  const port = await freePort();
  const temp = mkdtempSync(join(tmpdir(), 'scalingo-scm-host-'));
  const dirs = prepareProfile(temp, port);
  const folder = request.folder ?? dirs.workspace;
  const outputFile = process.env.SCALINGO_TEST_OUTPUT || join(temp, 'test-output.log');
  const consoleErrors: string[] = [];
  const stopStreaming = streamToStdout(outputFile);
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let uiDriver: UiDriverServer | undefined;
  // Whatever happens to this process, do not leave code-server running.
  process.once('exit', () => server && killGroup(server, 'SIGKILL'));
  let code = 1;
  try {
    console.log(`offline VS Code host: code-server ${CODE_SERVER_VERSION} on 127.0.0.1:${port}`);
    const run = async () => {
      const driver = await startUiDriverServer();
      uiDriver = driver;
      server = startCodeServer(dirs, port, folder, serverEnv(dirs, outputFile, driver.url));
      await waitUntilListening(server, port, dirs.serverLog);
      const launched = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: CHROMIUM_ARGS,
        // Playwright would otherwise exit on these signals itself, skipping our clean-up below.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      browser = launched;
      const crashed = new Promise<never>((_, reject) =>
        launched.once('disconnected', () => reject(new Error('Chromium closed before the tests finished'))),
      );
      return Promise.race([runWorkbench(launched, workbenchUrl(port, request, folder), consoleErrors, driver), crashed]);
    };
    code = await Promise.race([run(), limits()]);
  } catch (error) {
    console.error(`offline VS Code host: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    stopStreaming();
    if (code !== 0) printDiagnostics(dirs, consoleErrors);
    uiDriver?.close();
    await browser?.close().catch(() => undefined);
    if (server) await stopCodeServer(server);
    rmSync(temp, { recursive: true, force: true });
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`offline VS Code host: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
