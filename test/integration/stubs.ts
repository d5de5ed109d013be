import * as vscode from 'vscode';

type Window = typeof vscode.window;

/**
 * Replaces one `vscode.window` function for the length of a test (the extension and the tests
 * share the same API object in the host), recording the calls. Used for modal dialogs and toasts,
 * which a web workbench under test cannot show; quick inputs are driven for real through uiDriver.
 */
export function stubWindow<K extends keyof Window>(
  name: K,
  answer: (...args: unknown[]) => unknown,
): { readonly calls: unknown[][]; restore(): void } {
  const original = vscode.window[name];
  const calls: unknown[][] = [];
  (vscode.window as Record<K, unknown>)[name] = (...args: unknown[]) => {
    calls.push(args);
    return Promise.resolve(answer(...args));
  };
  return {
    calls,
    restore: () => {
      (vscode.window as Record<K, unknown>)[name] = original;
    },
  };
}
