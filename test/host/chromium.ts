/**
 * Debian's headless Chromium driven by playwright-core (never `playwright install`: it downloads a
 * browser), with the flags this closed network needs (see /work/shared/VSCODE_HOST.md).
 */
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from './hostInstall';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    // Playwright would otherwise exit on these signals itself, skipping its callers' clean-up.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
