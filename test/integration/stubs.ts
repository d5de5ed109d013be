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

/**
 * Answers a modal warning as a person clicking `choice` would: only if the dialog is modal and
 * offers that button (otherwise as a dismissal), so a test proves the real dialog had it.
 */
export function answerModal(choice: string | undefined): { readonly calls: unknown[][]; readonly offered: string[][]; restore(): void } {
  const offered: string[][] = [];
  const stub = stubWindow('showWarningMessage', (_message, options, ...buttons) => {
    const modal = typeof options === 'object' && options !== null && (options as { modal?: boolean }).modal === true;
    const labels = buttons.map((button) => (typeof button === 'string' ? button : String((button as { title?: string }).title)));
    offered.push(labels);
    return modal && choice !== undefined && labels.includes(choice) ? choice : undefined;
  });
  return { calls: stub.calls, offered, restore: stub.restore };
}

/**
 * Intercepts one command for the length of a test, recording its arguments; every other command
 * runs as usual. For workbench commands whose effect (an editor, a dialog) the test cannot read.
 */
export function stubCommand(id: string, answer: (...args: unknown[]) => unknown = () => undefined): { readonly calls: unknown[][]; restore(): void } {
  const original = vscode.commands.executeCommand;
  const calls: unknown[][] = [];
  (vscode.commands as { executeCommand: unknown }).executeCommand = (command: string, ...args: unknown[]) => {
    if (command !== id) return original(command, ...args);
    calls.push(args);
    return Promise.resolve(answer(...args));
  };
  return {
    calls,
    restore: () => {
      (vscode.commands as { executeCommand: unknown }).executeCommand = original;
    },
  };
}
