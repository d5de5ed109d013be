import * as vscode from 'vscode';
import type { Integration, ScmType } from '../api/publicTypes';
import type { Log } from '../log';
import { Disposable } from '../util/disposable';

/** How long after the window gets the focus back each look for the new integration is made. */
export const LINK_RETURN_DELAYS_MS: readonly number[] = [0, 3_000, 10_000, 30_000];

interface Expected {
  readonly scmType: ScmType;
  /** Undefined when the listing failed: then nothing can be told new, and nothing is revealed. */
  readonly known: Promise<ReadonlySet<string> | undefined>;
}

/**
 * After Scalingo's OAuth page for github.com or gitlab.com was opened in the browser: when the
 * user comes back to the window, looks for the new integration a few times, spaced out
 * (LINK_RETURN_DELAYS_MS: at most 4 requests), reveals it when it appears, and then stops.
 * "New" means an integration of that platform whose id was not listed when the page was opened.
 */
export class LinkReturnWatch extends Disposable {
  /** Replaced by the tests, which cannot wait 30 seconds. */
  delaysMs: readonly number[] = LINK_RETURN_DELAYS_MS;
  private expected: Expected | undefined;
  private watching: Promise<Integration | undefined> | undefined;

  constructor(
    private readonly listIntegrations: () => Promise<Integration[]>,
    private readonly reveal: (integrationId: string) => Promise<unknown>,
    private readonly log: Log,
  ) {
    super();
    this._register(
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) void this.windowFocused();
      }),
    );
  }

  /** The OAuth page of `scmType` is being opened: remember what is linked now (one request). */
  expect(scmType: ScmType): void {
    const known = this.listIntegrations().then(
      (integrations) => new Set(integrations.map((integration) => integration.id)),
      (error: unknown) => {
        this.log.warn(`could not list the integrations before linking ${scmType}; the new one will not be revealed: ${String(error)}`);
        return undefined;
      },
    );
    this.expected = { scmType, known };
  }

  /** The window got the focus back: looks for the new integration, unless nothing is expected or it already looks. */
  windowFocused(): Promise<Integration | undefined> {
    if (!this.expected) return Promise.resolve(undefined);
    this.watching ??= this.look(this.expected).finally(() => {
      this.watching = undefined;
    });
    return this.watching;
  }

  private async look(expected: Expected): Promise<Integration | undefined> {
    const known = await expected.known;
    if (!known) {
      this.expected = undefined;
      return undefined;
    }
    let waited = 0;
    for (const delay of this.delaysMs) {
      await new Promise((resolve) => setTimeout(resolve, delay - waited));
      waited = delay;
      if (this.expected !== expected) return undefined;
      let integrations: Integration[];
      try {
        integrations = await this.listIntegrations();
      } catch (error) {
        this.log.warn(`looking for the new ${expected.scmType} integration: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const found = integrations.find((integration) => integration.scmType === expected.scmType && !known.has(integration.id));
      if (found) {
        this.expected = undefined;
        this.log.info(`the new ${expected.scmType} integration appeared: revealing it`);
        await this.reveal(found.id);
        return found;
      }
    }
    this.log.info(`no new ${expected.scmType} integration after ${this.delaysMs.length} looks; stopped looking`);
    this.expected = undefined;
    return undefined;
  }
}
