import * as vscode from 'vscode';
import { stubWindow } from './stubs';

export interface RecordedProgress {
  readonly title: string | undefined;
  readonly cancellable: boolean | undefined;
  readonly location: unknown;
  readonly messages: string[];
  /** The task has settled: the notification is gone. */
  ended: boolean;
}

/**
 * Runs `withProgress` for real (the workbench shows it) while recording each notification's title
 * and the messages reported into it. `cancelWhen` plays the person clicking Cancel: the task's
 * token is cancelled as soon as it returns true for a reported message.
 */
export function recordProgress(cancelWhen?: (message: string) => boolean): { readonly runs: RecordedProgress[]; restore(): void } {
  const original = vscode.window.withProgress.bind(vscode.window);
  const runs: RecordedProgress[] = [];
  const stub = stubWindow('withProgress', (...args: unknown[]) => {
    const options = args[0] as vscode.ProgressOptions;
    const task = args[1] as Parameters<typeof vscode.window.withProgress>[1];
    const run: RecordedProgress = { title: options.title, cancellable: options.cancellable, location: options.location, messages: [], ended: false };
    runs.push(run);
    const shown = original(options, (progress, token) => {
      const source = new vscode.CancellationTokenSource();
      token.onCancellationRequested(() => source.cancel());
      return task(
        {
          report: (value) => {
            if (value.message !== undefined) run.messages.push(value.message);
            progress.report(value);
            if (value.message !== undefined && cancelWhen?.(value.message)) source.cancel();
          },
        },
        source.token,
      );
    });
    const end = () => {
      run.ended = true;
    };
    shown.then(end, end);
    return shown;
  });
  return { runs, restore: stub.restore };
}
