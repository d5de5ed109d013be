import * as vscode from 'vscode';
import type { StepResult } from './multiStepInput';

export interface PickStep<T> {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  readonly placeholder: string;
  readonly items: readonly (vscode.QuickPickItem & { readonly value: T })[];
  /** The value chosen before (Back, or a failed attempt): it is the active row again. */
  readonly chosen: T | undefined;
  /** What the server said about the previous choice, shown until the person picks again. */
  readonly serverMessage?: string;
  readonly matchOnDescription?: boolean;
}

/**
 * One quick-pick step of a multi-step input (the pick counterpart of askText): a Back button from
 * the second step on, the earlier choice active again, and the server's word on it in the title.
 */
/** A pick offers no Retry button: a failure reopens the step instead. */
type PickResult = Exclude<StepResult, 'retry'>;

export function askPick<T>(step: PickStep<T>): Promise<{ result: PickResult; value: T | undefined }> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { readonly value: T }>();
  pick.title = step.serverMessage ? `${step.title} — ${step.serverMessage}` : step.title;
  pick.step = step.step;
  pick.totalSteps = step.totalSteps;
  pick.placeholder = step.placeholder;
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = step.matchOnDescription ?? false;
  pick.items = step.items;
  const active = step.items.find((item) => item.value === step.chosen);
  if (active) pick.activeItems = [active];
  pick.buttons = step.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  return new Promise((resolve) => {
    let outcome: { result: PickResult; value: T | undefined } = { result: 'cancel', value: step.chosen };
    const disposables = [
      pick.onDidTriggerButton((button) => {
        if (button !== vscode.QuickInputButtons.Back) return;
        outcome = { result: 'back', value: step.chosen };
        pick.hide();
      }),
      pick.onDidAccept(() => {
        const [selected] = pick.selectedItems;
        if (!selected) return;
        outcome = { result: 'next', value: selected.value };
        pick.hide();
      }),
      pick.onDidHide(() => {
        for (const disposable of disposables) disposable.dispose();
        pick.dispose();
        resolve(outcome);
      }),
    ];
    pick.show();
  });
}
