import * as vscode from 'vscode';
import type { RateLimitWait } from '../api/client';
import { isScalingoError } from '../api/errors';
import { describeError, rateLimitWaitMessage } from '../errorMessages';
import { countdown } from '../util/countdown';

/** How long typing must pause before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 250;

/** A quick pick row that carries its result; message rows (no results, errors) carry none. */
export interface ResultItem<T> extends vscode.QuickPickItem {
  readonly result?: T;
}

/**
 * Server-side search behind a QuickPick as the user types: debounced, the superseded request
 * aborted, and a sequence number so a late answer never replaces a newer one. Results are
 * `alwaysShow`, or the QuickPick would hide valid matches whose label lacks the typed text.
 */
export class LiveSearch<T> implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private controller: AbortController | undefined;
  private sequence = 0;
  /** The sequence number of the search waiting for its answer, if any. */
  private inFlight: number | undefined;
  private waitCountdown: vscode.Disposable | undefined;
  private readonly rateLimitListener: vscode.Disposable | undefined;

  constructor(
    private readonly pick: vscode.QuickPick<ResultItem<T>>,
    private readonly search: (text: string, signal: AbortSignal) => Promise<T[]>,
    private readonly toItem: (result: T) => ResultItem<T>,
    private readonly noResultsLabel: string,
    private readonly options: LiveSearchOptions<T> = {},
  ) {
    this.rateLimitListener = options.rateLimitWaits?.((wait) => this.showRateLimitWait(wait));
  }

  /** After a keystroke: waits for a pause in the typing. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), this.options.debounceMs ?? SEARCH_DEBOUNCE_MS);
  }

  /** Now: a changed option (a toggle) or the first search. */
  async run(): Promise<void> {
    clearTimeout(this.timer);
    this.stopCountdown();
    // A superseded search is no longer waited for, even when the next one sends nothing (the hint).
    this.inFlight = undefined;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const sequence = ++this.sequence;
    const idle = this.pick.value.trim() ? undefined : this.options.idleLabel?.();
    if (idle !== undefined) {
      // Nothing typed and nothing worth asking for: a hint, and no request.
      this.pick.busy = false;
      this.pick.items = [{ label: idle, alwaysShow: true }];
      return;
    }
    this.pick.busy = true;
    this.inFlight = sequence;
    try {
      const results = await this.search(this.pick.value, controller.signal);
      if (sequence !== this.sequence) return;
      this.pick.items = results.length > 0 ? this.itemsOf(results) : [{ label: this.noResultsLabel, alwaysShow: true }];
    } catch (error) {
      if (sequence !== this.sequence || isScalingoError(error, 'cancelled')) return;
      this.pick.items = [{ label: `$(error) ${describeError(error).message}`, alwaysShow: true }];
    } finally {
      if (sequence === this.sequence) {
        this.pick.busy = false;
        this.inFlight = undefined;
        this.stopCountdown();
      }
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.stopCountdown();
    this.rateLimitListener?.dispose();
    this.controller?.abort();
  }

  /**
   * Requests wait (Scalingo answered 429, or this minute's budget is spent): while this search is
   * among them, a row counts the seconds down instead of leaving stale results under a spinner.
   */
  private showRateLimitWait(wait: RateLimitWait): void {
    const waiting = this.inFlight;
    if (waiting === undefined) return;
    this.stopCountdown();
    this.waitCountdown = countdown(wait.retryInMs, (left) => {
      if (this.inFlight !== waiting) return false;
      this.pick.items = [{ label: `$(watch) ${rateLimitWaitMessage({ ...wait, retryInMs: left })}`, alwaysShow: true }];
      return true;
    });
  }

  private stopCountdown(): void {
    this.waitCountdown?.dispose();
    this.waitCountdown = undefined;
  }

  /** The results as rows, with a separator wherever the group changes (open / closed, yours). */
  private itemsOf(results: readonly T[]): ResultItem<T>[] {
    const items: ResultItem<T>[] = [];
    let group: string | undefined;
    for (const result of results) {
      const next = this.options.groupOf?.(result);
      if (next !== undefined && next !== group) items.push({ label: next, kind: vscode.QuickPickItemKind.Separator });
      group = next;
      items.push({ ...this.toItem(result), alwaysShow: true });
    }
    return items;
  }
}

export interface LiveSearchOptions<T> {
  readonly debounceMs?: number;
  /** With nothing typed: a hint row to show instead of searching, or undefined to search anyway. */
  readonly idleLabel?: () => string | undefined;
  /** A result's group; consecutive results of one group sit under a separator with its name. */
  readonly groupOf?: (result: T) => string | undefined;
  /** The session's rate-limit waits (ScalingoSession.onDidRateLimit), shown while a search waits. */
  readonly rateLimitWaits?: vscode.Event<RateLimitWait>;
}

export interface LiveSearchHandlers<T> {
  readonly onButton: (button: vscode.QuickInputButton) => void;
  /** Returns true when it handled the accept itself (another mode of the same pick). */
  readonly interceptAccept?: (selected: ResultItem<T> | undefined) => boolean;
  /** Returns false to ignore a change of the typed text (another mode of the same pick). */
  readonly acceptsTyping?: () => boolean;
  /** A button on a result row; returns true when the pick should close with that result. */
  readonly onItemButton?: (item: ResultItem<T>, button: vscode.QuickInputButton) => boolean;
}

/** Shows `pick` with `search` behind it; resolves with the chosen result, or undefined when dismissed. */
export function showLiveSearch<T>(
  pick: vscode.QuickPick<ResultItem<T>>,
  search: LiveSearch<T>,
  handlers: LiveSearchHandlers<T>,
): Promise<T | undefined> {
  return new Promise((resolve) => {
    let chosen: T | undefined;
    const disposables: vscode.Disposable[] = [
      search,
      pick.onDidChangeValue(() => {
        if (handlers.acceptsTyping?.() ?? true) search.schedule();
      }),
      pick.onDidTriggerButton(handlers.onButton),
      pick.onDidTriggerItemButton(({ item, button }) => {
        if (!item.result || !handlers.onItemButton?.(item, button)) return;
        chosen = item.result;
        pick.hide();
      }),
      pick.onDidAccept(() => {
        const selected = pick.selectedItems[0];
        if (handlers.interceptAccept?.(selected)) return;
        if (!selected?.result) return;
        chosen = selected.result;
        pick.hide();
      }),
      pick.onDidHide(() => {
        for (const disposable of disposables) disposable.dispose();
        pick.dispose();
        resolve(chosen);
      }),
    ];
    pick.show();
    void search.run();
  });
}
