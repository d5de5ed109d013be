/**
 * `npm run screenshots`: retakes the README's pictures in media/screenshots/ from the running
 * extension, against the demo Scalingo API, by using the real workbench as a person would (command
 * palette, clicks, typing) in the offline host's Chromium. The extension is the one this clone
 * builds, installed as in the demo.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../host/chromium';
import { CodeServer } from '../host/codeServer';
import { offlineHostInstalled } from '../host/hostInstall';
import { activityBarItem, expandTreeItem, openWorkbench, pickItem, runCommand, waitForQuickInput } from '../host/workbenchPage';
import { startDemoApi } from './demoApi';

const root = resolve(__dirname, '..', '..', '..');
const outputDir = join(root, 'media', 'screenshots');

const PICTURES = ['tree.png', 'link-wizard.png', 'repository-search.png', 'deployment.png'] as const;
type Picture = (typeof PICTURES)[number];

/** Wide enough for the tree's descriptions (the default side bar cuts them short). */
const SIDEBAR_WIDTH = 560;

function picture(file: Picture): string {
  return join(outputDir, file);
}

async function signIn(page: Page, token: string): Promise<void> {
  await activityBarItem(page, 'Scalingo').click();
  await runCommand(page, 'Scalingo: Sign In with API Token');
  await waitForQuickInput(page, 'Sign in to Scalingo');
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
  // Signed in once the view's title shows the buttons of a signed-in session: the command palette
  // lists only the commands enabled when it opens, so the next ones must wait for this.
  await page.locator('.part.sidebar .title-actions .action-label[aria-label^="Link a Code Host"]').waitFor({ timeout: 15_000 });
  // The toast would cover the tree's corner in the pictures.
  await runCommand(page, 'Notifications: Clear All Notifications');
}

async function tree(page: Page): Promise<void> {
  await widenSidebar(page);
  // Integrations → user or organization → repositories → pull requests, on GitHub then GitLab.
  for (const label of ['GitHub', 'ada-lovelace', 'scalingo-app', 'GitLab', 'grace-hopper', 'compiler']) await expandTreeItem(page, label);
  // Away from the rows, so no hover shows.
  await page.mouse.move(1100, 700);
  await page.waitForTimeout(500);
  // The activity bar and the side bar, from below the title bar to a little below the last row.
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  const lastRow = await page.locator('.part.sidebar .monaco-list-row').last().boundingBox();
  if (!sidebar || !lastRow) throw new Error('the tree is not shown');
  const clip = { x: 0, y: sidebar.y, width: sidebar.x + sidebar.width, height: lastRow.y + lastRow.height + 12 - sidebar.y };
  await page.screenshot({ path: picture('tree.png'), clip });
}

/** Drags the sash between the side bar and the editor, as a person would. */
async function widenSidebar(page: Page): Promise<void> {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (!sidebar) throw new Error('no side bar');
  const edge = sidebar.x + sidebar.width;
  await page.mouse.move(edge, 400);
  await page.mouse.down();
  await page.mouse.move(edge + 100, 400, { steps: 5 });
  await page.mouse.move(SIDEBAR_WIDTH, 400, { steps: 5 });
  await page.mouse.up();
}

async function linkWizard(page: Page): Promise<void> {
  await runCommand(page, 'Scalingo: Link a Code Host…');
  await waitForQuickInput(page, 'Link a code host to Scalingo');
  await pickItem(page, 'GitLab self-hosted');
  const wizard = await waitForQuickInput(page, 'Link GitLab self-hosted');
  await page.keyboard.type('https://gitlab.example.com');
  await snapQuickInput(page, wizard, 'link-wizard.png');
  await page.keyboard.press('Escape');
}

async function repositorySearch(page: Page): Promise<void> {
  await runCommand(page, 'Scalingo: Search Repositories…');
  await waitForQuickInput(page, 'Search repositories on which code host?');
  await pickItem(page, 'GitHub');
  const search = await waitForQuickInput(page, 'Search repositories on GitHub');
  await page.keyboard.type('api');
  // Results follow the typing: until every row matches the whole word, some are still those of "a" or "ap".
  for (const deadline = Date.now() + 15_000; ; await page.waitForTimeout(100)) {
    const rows = await search.locator('.monaco-list-row').allInnerTexts();
    if (rows.length > 0 && rows.every((row) => /api/iu.test(row))) break;
    if (Date.now() > deadline) throw new Error(`the search for "api" did not settle: ${rows.join(' | ')}`);
  }
  await snapQuickInput(page, search, 'repository-search.png');
  await page.keyboard.press('Escape');
}

/** A deployment started from the palette, as it moves through its statuses in the notification. */
async function deployment(page: Page): Promise<void> {
  await runCommand(page, 'Scalingo: Deploy Branch…');
  const apps = await waitForQuickInput(page, 'Deploy which app?');
  // The first row is the demo's production app, scalingo-app (its icon is part of the label, so no exact label match).
  await apps.locator('.monaco-list-row.focused', { hasText: /scalingo-app\s*osc-fr1/u }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await waitForQuickInput(page, 'Deploy scalingo-app');
  // The link's branch comes first.
  await page.keyboard.press('Enter');
  await page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Deploy$/u }).click({ timeout: 15_000 });
  const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: 'Deploying main to scalingo-app' });
  await toast.filter({ hasText: /building|pushing/u }).waitFor({ timeout: 15_000 });
  await page.mouse.move(1100, 200);
  await toast.screenshot({ path: picture('deployment.png') });
}

/** The quick input alone, once its results came and its fade-in ended. */
async function snapQuickInput(page: Page, widget: Locator, file: Picture): Promise<void> {
  await widget.locator('.quick-input-progress.done').waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForTimeout(500);
  await widget.screenshot({ path: picture(file) });
}

async function main(): Promise<void> {
  if (!offlineHostInstalled()) throw new Error('the offline host is missing: run scripts/install-test-host.sh (as root)');
  mkdirSync(outputDir, { recursive: true });
  const api = await startDemoApi(join(root, 'out'));
  let host: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    host = await CodeServer.prepare({
      name: 'scalingo-scm-screenshots',
      // VS Code's default dark theme, whatever the browser's colour scheme.
      settings: { 'scalingo.authUrl': api.url, 'workbench.colorTheme': 'Default Dark Modern' },
    });
    host.installFolder(root);
    await host.start();
    browser = await launchChromium();
    const page = await openWorkbench(browser, host.url, 'Scalingo');
    await signIn(page, api.token);
    await tree(page);
    await linkWizard(page);
    await repositorySearch(page);
    await deployment(page);
    for (const file of PICTURES) console.log(`screenshots: ${picture(file)} (${(statSync(picture(file)).size / 1024).toFixed(0)} KiB)`);
  } finally {
    await browser?.close();
    api.stop();
    await host?.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
