/**
 * The web workbench opened without the test payload and used as a person would, from outside:
 * clicks, the command palette, keys. For the packaging check and the screenshot script.
 */
import type { Browser, Locator, Page } from 'playwright-core';

/** A laptop-sized window: what the README's screenshots show. */
const VIEWPORT = { width: 1280, height: 800 };

/**
 * Resolves once the activity bar shows `viewContainer` (the extension's icon): its contributions
 * are then registered. The command palette lists only commands known when it opens, so opening it
 * any earlier finds none of them.
 */
export async function openWorkbench(browser: Browser, url: string, viewContainer: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await activityBarItem(page, viewContainer).waitFor({ timeout: 30_000 });
  return page;
}

/** The activity-bar icon of a view container, by its title ("Scalingo"). */
export function activityBarItem(page: Page, title: string): Locator {
  return page.locator(`.part.activitybar .action-label[aria-label^="${title}"]`);
}

/** F1, the command's title as the palette shows it ("Scalingo: Sign In with API Token"), Enter. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`>${title}`);
  // Enter runs the focused row: wait until it is this command, not a half-filtered list's first one.
  await page
    .locator('.quick-input-widget .monaco-list-row.focused')
    .filter({ has: labelled(page, title) })
    .waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** F1 and the command's title typed in: resolves once a row labelled exactly so shows, then closes the palette. */
export async function paletteOffers(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`>${title}`);
  try {
    await page.locator('.quick-input-widget .monaco-list-row').filter({ has: labelled(page, title) }).first().waitFor({ timeout: 5_000 });
  } finally {
    await page.keyboard.press('Escape');
  }
}

/** The quick input (quick pick or input box) while its title or placeholder is `text`. */
export async function waitForQuickInput(page: Page, text: string): Promise<Locator> {
  const shows = page.locator('.quick-input-title', { hasText: text }).or(page.locator(`.quick-input-box input[placeholder="${text}"]`));
  const widget = page.locator('.quick-input-widget').filter({ has: shows });
  await widget.waitFor({ timeout: 15_000 });
  return widget;
}

/** Clicks the quick pick row labelled `label`. */
export async function pickItem(page: Page, label: string): Promise<void> {
  await page.locator('.quick-input-widget .monaco-list-row').filter({ has: labelled(page, label) }).first().click({ timeout: 15_000 });
}

/** Expands the side bar's tree row labelled `label` (the first one, from the top): a single click, as in any tree view. */
export async function expandTreeItem(page: Page, label: string): Promise<void> {
  const rows = page.locator('.part.sidebar .monaco-list-row').filter({ has: labelled(page, label) });
  await rows.first().waitFor({ timeout: 15_000 });
  if ((await rows.first().getAttribute('aria-expanded')) !== 'true') await rows.first().click();
  await rows.and(page.locator('[aria-expanded="true"]')).first().waitFor({ timeout: 15_000 });
}

/** A list row's label, exactly (rows also hold a description and a detail). */
function labelled(page: Page, label: string): Locator {
  return page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`, 'u') });
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/gu, '\\$&');
}
