/**
 * An "executable of VS Code" for machines without internet (see /work/shared/VSCODE_HOST.md).
 * `runTests()` of @vscode/test-electron spawns it as `vscodeExecutablePath` (through the bash
 * launcher test/host/offline-vscode) with the arguments it would give VS Code; this runs the same
 * test index in code-server's real Node extension host instead, driven by Debian's Chromium, and
 * exits with the tests' exit code. Everything it creates lives in one temp folder, removed at the end.
 * Tests can also use the workbench as a person would through its UI driver (see UiCommand below).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { CodeServer, tail } from './codeServer';
import { CODE_SERVER_VERSION, offlineHostInstalled } from './hostInstall';

// The whole suite (four areas of tests, one of them waiting out an idle minute) on a loaded 2-core
// machine took over 10 minutes; 25 leave room without letting a hung run go on for ever.
const TIMEOUT_MS = Number(process.env.SCALINGO_TEST_TIMEOUT_MS) || 25 * 60 * 1000;

/**
 * Browser console errors every offline run has: code-server lacks Microsoft's proprietary `vsda`
 * module (404), and the extension gallery (open-vsx.org) cannot be reached.
 */
const OFFLINE_NOISE = /vsda|open-vsx\.org/u;

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
  | { readonly action: 'clickItemButton'; readonly label: string; readonly tooltip: string }
  /** Clicks the side bar's tree row labelled `label`, the topmost shown when several are. */
  | { readonly action: 'clickTreeItem'; readonly label: string }
  | { readonly action: 'screenshot'; readonly path: string }
  | { readonly action: 'notifications' }
  | { readonly action: 'openedUrls' }
  /** Everything the page keeps: localStorage and every IndexedDB store (globalState lives there under code-server). */
  | { readonly action: 'browserStorage' };

export interface QuickInputItem {
  readonly label: string;
  readonly description: string;
  readonly detail: string;
  /** The row Enter would accept. */
  readonly focused: boolean;
  /** The separator label drawn above this row, when the row starts a group. */
  readonly separator?: string;
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
  contains(other: DomElement | null): boolean;
}

/** The page's global object, only for the functions below that Playwright runs inside the page. */
declare const window: {
  readonly document: DomElement & { readonly activeElement: DomElement | null };
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
    items: rows.map((row) => {
      // The label comes first in the row; the detail is a second label under `-meta`.
      const separator = text(row, '.quick-input-list-separator');
      return {
        label: text(row, '.label-name'),
        description: text(row, '.label-description'),
        detail: text(row, '.quick-input-list-label-meta .label-name'),
        focused: row.classList.contains('focused'),
        ...(separator ? { separator } : {}),
      };
    }),
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

/**
 * A quick input that is showing takes the focus a moment after it appears; on a loaded machine,
 * keys sent in that moment go to the editor and are lost. Wait for it (bounded: the test may mean
 * to type somewhere else, and a quick input that never takes the focus is for the test to see).
 */
async function quickInputFocused(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const widget = window.document.querySelector('.quick-input-widget');
        return !widget?.checkVisibility() || widget.contains(window.document.activeElement);
      },
      undefined,
      { timeout: 2000, polling: 20 },
    )
    .catch(() => undefined);
}

async function perform(page: Page, command: UiCommand): Promise<unknown> {
  switch (command.action) {
    case 'type':
      await quickInputFocused(page);
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
    case 'clickItemButton': {
      // A row's buttons show on hover (or focus): hover the row whose label is this, then click.
      const row = page
        .locator('.quick-input-widget .quick-input-list .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: command.label }) })
        .first();
      await row.hover({ timeout: 5000 });
      return row
        .locator('.action-label')
        .and(page.getByRole('button', { name: new RegExp(`^${escapeRegExp(command.tooltip)}( \\(.+\\))?$`, 'u') }))
        .click({ timeout: 5000 });
    }
    case 'clickTreeItem': {
      const rows = page.locator('.part.sidebar .monaco-list-row').filter({
        has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(command.label)}$`, 'u') }),
      });
      // The virtual list positions its rows absolutely: the DOM order is not the order shown.
      const indexes = await rows.evaluateAll((found) => found.map((row) => Number(row.getAttribute('data-index'))));
      if (indexes.length === 0) throw new Error(`no tree row labelled "${command.label}" on screen`);
      return rows.nth(indexes.indexOf(Math.min(...indexes))).click({ timeout: 5000 });
    }
    case 'screenshot':
      await page.screenshot({ path: command.path });
      return undefined;
    case 'notifications':
      return page.locator('.notification-list-item-message').filter({ visible: true }).allInnerTexts();
    case 'openedUrls':
      return page.evaluate(() => window.scalingoOpenedUrls ?? []);
    case 'browserStorage':
      return page.evaluate(READ_BROWSER_STORAGE);
    default:
      throw new Error(`unknown action: ${JSON.stringify(command)}`);
  }
}

/**
 * Runs in the page: localStorage, then every record of every IndexedDB database, as text. A string,
 * because this file is compiled without the DOM's types.
 */
const READ_BROWSER_STORAGE = `(async () => {
  const texts = [];
  for (let index = 0; index < localStorage.length; index++) {
    const key = localStorage.key(index) ?? '';
    texts.push('localStorage ' + key + '=' + (localStorage.getItem(key) ?? ''));
  }
  const asText = (value) => value instanceof Uint8Array || value instanceof ArrayBuffer
    ? new TextDecoder().decode(value) : typeof value === 'string' ? value : JSON.stringify(value);
  const done = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    const db = await done(indexedDB.open(name));
    for (const storeName of Array.from(db.objectStoreNames)) {
      const store = db.transaction(storeName, 'readonly').objectStore(storeName);
      const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
      keys.forEach((key, index) => texts.push('indexedDB ' + name + '/' + storeName + ' ' + asText(key) + '=' + asText(values[index])));
    }
    db.close();
  }
  return texts;
})()`;

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

/** Says why a run failed: the extension host's log, the browser's console errors, else code-server's output. */
function printDiagnostics(host: CodeServer, consoleErrors: readonly string[]): void {
  const hostLog = host.extensionHostLog();
  const sections = hostLog
    ? [`extension host log (${hostLog}), last 40 lines`, tail(hostLog, 40)]
    : ['no extension host log; code-server output, last 40 lines', tail(host.serverLog, 40)];
  sections.push(`browser console errors (${consoleErrors.length}), last 30`, consoleErrors.slice(-30).join('\n') || '(none)');
  for (let i = 0; i < sections.length; i += 2) console.error(`\n--- ${sections[i]} ---\n${sections[i + 1]}`);
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
  const host = await CodeServer.prepare({ name: 'scalingo-scm-host' });
  const folder = request.folder ?? host.workspace;
  const outputFile = process.env.SCALINGO_TEST_OUTPUT || join(host.temp, 'test-output.log');
  const consoleErrors: string[] = [];
  const stopStreaming = streamToStdout(outputFile);
  let browser: Browser | undefined;
  let uiDriver: UiDriverServer | undefined;
  let code = 1;
  try {
    console.log(`offline VS Code host: code-server ${CODE_SERVER_VERSION} on 127.0.0.1:${host.port}`);
    const run = async () => {
      const driver = await startUiDriverServer();
      uiDriver = driver;
      await host.start({
        folder,
        // The environment reaches the extension host (SCALINGO_TEST_* included) through code-server.
        env: { SCALINGO_TEST_OUTPUT: outputFile, SCALINGO_UI_DRIVER_URL: driver.url },
        args: [
          // Makes the web workbench honour the `payload` URL parameter that carries the test paths.
          '--vscode-option', 'enable-smoke-test-driver',
          // Under tests the workbench refuses to show dialogs, link protection's "Do you want code-server
          // to open the external website?" included, so openExternal would reject for any untrusted domain.
          '--link-protection-trusted-domains', '*',
        ],
      });
      const launched = await launchChromium();
      browser = launched;
      const crashed = new Promise<never>((_, reject) =>
        launched.once('disconnected', () => reject(new Error('Chromium closed before the tests finished'))),
      );
      return Promise.race([runWorkbench(launched, workbenchUrl(host.port, request, folder), consoleErrors, driver), crashed]);
    };
    code = await Promise.race([run(), limits()]);
  } catch (error) {
    console.error(`offline VS Code host: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    stopStreaming();
    if (code !== 0) printDiagnostics(host, consoleErrors);
    uiDriver?.close();
    await browser?.close().catch(() => undefined);
    await host.dispose();
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
