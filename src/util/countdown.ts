import type * as vscode from 'vscode';

/**
 * Calls `tick` with the time left, now and then once a second, until `durationMs` has passed (then
 * `onEnd`) or `tick` returns false (then nothing more). Disposing stops it without `onEnd`.
 */
export function countdown(durationMs: number, tick: (leftMs: number) => boolean, onEnd: () => void = () => undefined): vscode.Disposable {
  const until = Date.now() + durationMs;
  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };
  const render = (): boolean => {
    const left = until - Date.now();
    if (left <= 0) {
      stop();
      onEnd();
      return false;
    }
    if (tick(left)) return true;
    stop();
    return false;
  };
  if (render()) timer = setInterval(render, 1000);
  return { dispose: stop };
}
