import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import type { Log } from '../log';

/** What is shown counts as stale after this long; also the least time between two focus refreshes. */
export const STALE_AFTER_MS = 5 * 60 * 1000;

/** The time, replaceable by the tests and the bench, which cannot wait five minutes. */
export interface Clock {
  now(): number;
}

/** The view as the refresher needs it; IntegrationsTreeProvider is one. */
export interface RefreshableView {
  /** When what is shown was last loaded (or asked to reload), by the clock; undefined before the first load. */
  readonly lastLoadedAt: number | undefined;
  readonly isLoading: boolean;
  readonly isVisible: boolean;
  refreshAll(): void;
}

/**
 * Fresh without clicking Refresh: when the window gets the focus back, reloads what is shown if it
 * is older than STALE_AFTER_MS: the view's own refresh, so the integrations, every expanded row
 * and "This workspace" reload, one request each, and a failure keeps what was shown. Never while
 * a load runs, never when the view is hidden or signed out, and at most once per STALE_AFTER_MS:
 * with a typical tree open (4 rows loaded) that is at most 4 requests in 5 minutes, under 2 % of
 * Scalingo's 60 a minute.
 */
export class FocusRefresh extends Disposable {
  constructor(
    private readonly view: RefreshableView,
    private readonly signedIn: () => Promise<boolean>,
    private readonly clock: Clock,
    private readonly log: Log,
  ) {
    super();
    this._register(
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) void this.windowFocused();
      }),
    );
  }

  /** Returns whether it reloaded (for the tests and the bench). */
  async windowFocused(): Promise<boolean> {
    const { view } = this;
    const loadedAt = view.lastLoadedAt;
    if (!view.isVisible || view.isLoading || loadedAt === undefined) return false;
    const age = this.clock.now() - loadedAt;
    if (age < STALE_AFTER_MS) return false;
    if (!(await this.signedIn().catch(() => false))) return false;
    this.log.debug(`window focused; what is shown is ${Math.round(age / 1000)} s old: reloading it`);
    view.refreshAll();
    return true;
  }
}
