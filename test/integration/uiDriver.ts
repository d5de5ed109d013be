/**
 * Drives the workbench UI as a person would, from a test running in the extension host: the offline
 * host (test/host/offlineVscode.ts) owns the page and performs what we POST to SCALINGO_UI_DRIVER_URL.
 * Under a real VS Code (@vscode/test-electron) there is no such bridge: uiDriver() is undefined and
 * the tests that need it skip themselves.
 */
import { resolve } from 'node:path';
import type { QuickInputState, UiCommand } from '../host/offlineVscode';

export type { QuickInputItem, QuickInputState } from '../host/offlineVscode';

const POLL_MS = 50;

export class UiDriver {
  constructor(private readonly url: string) {}

  /** Types into whatever has the focus, one key event per character, `delayMs` apart. */
  async type(text: string, options: { readonly delayMs?: number } = {}): Promise<void> {
    await this.send({ action: 'type', text, delayMs: options.delayMs });
  }

  /** A key or chord in Playwright's spelling: 'Enter', 'Escape', 'ArrowDown', 'Control+A'. */
  async press(key: string): Promise<void> {
    await this.send({ action: 'press', key });
  }

  quickInput(): Promise<QuickInputState> {
    return this.send({ action: 'quickInput' });
  }

  /**
   * Polls quickInput() until `predicate` holds, and returns that state. The widget stays visible
   * about 200 ms after the API's promise settles: wait for `!visible` before showing the next one,
   * or wait for what tells it apart (its title, prompt or items) rather than for `visible` alone.
   */
  async waitForQuickInput(predicate: (state: QuickInputState) => boolean, timeoutMs = 5000): Promise<QuickInputState> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await this.quickInput();
      if (predicate(state)) return state;
      if (Date.now() > deadline) throw new Error(`quick input not as expected after ${timeoutMs} ms: ${JSON.stringify(state)}`);
      await new Promise((wait) => setTimeout(wait, POLL_MS));
    }
  }

  /** Clicks, with the mouse, the quick input's button that has this tooltip. */
  async clickQuickInputButton(tooltip: string): Promise<void> {
    await this.send({ action: 'clickQuickInputButton', tooltip });
  }

  /** Clicks, with the mouse, the button with this tooltip on the quick pick row labelled `label` (hovered first). */
  async clickItemButton(label: string, tooltip: string): Promise<void> {
    await this.send({ action: 'clickItemButton', label, tooltip });
  }

  /** Clicks, with the mouse, the side bar's tree row labelled `label` (the topmost, when several are). */
  async clickTreeItem(label: string): Promise<void> {
    await this.send({ action: 'clickTreeItem', label });
  }

  /** PNG of the whole page; a relative path is taken from this process's folder, not the host's. */
  async screenshot(path: string): Promise<void> {
    await this.send({ action: 'screenshot', path: resolve(path) });
  }

  /**
   * Messages of the notifications on screen. The offline host runs the workbench with
   * enable-smoke-test-driver, which shows no toasts: this finds some only while the notification
   * centre is open (command `notifications.showList`).
   */
  notifications(): Promise<string[]> {
    return this.send({ action: 'notifications' });
  }

  /** URLs that vscode.env.openExternal opened in the page since it loaded, oldest first. */
  openedUrls(): Promise<string[]> {
    return this.send({ action: 'openedUrls' });
  }

  /** localStorage and IndexedDB of the workbench page, one text per record (where globalState lives under code-server). */
  browserStorage(): Promise<string[]> {
    return this.send({ action: 'browserStorage' });
  }

  private async send<T>(command: UiCommand): Promise<T> {
    const response = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(command) });
    const answer: unknown = await response.json();
    if (!response.ok) throw new Error(`UI driver, ${command.action}: ${(answer as { error?: string }).error ?? response.statusText}`);
    return answer as T;
  }
}

/** The bridge of the offline host, or undefined under a VS Code that has none. */
export function uiDriver(): UiDriver | undefined {
  const url = process.env.SCALINGO_UI_DRIVER_URL;
  return url ? new UiDriver(url) : undefined;
}
