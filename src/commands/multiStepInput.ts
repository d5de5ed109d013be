import * as vscode from 'vscode';

/** What a step of a wizard returns: go on, go back, or the user closed it. */
export type StepResult = 'next' | 'back' | 'cancel';

export interface TextStep {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  readonly prompt: string;
  readonly placeholder?: string;
  readonly password?: boolean;
  readonly value: string;
  /** A message from the server about this value, shown until the user edits it. */
  readonly serverMessage?: string;
  readonly validate: (value: string) => string | undefined;
}

/**
 * One text step of a multi-step input (after the VS Code samples' multiStepInput.ts): a Back
 * button from the second step on, live validation, and the typed value handed back whatever the
 * outcome so going back and forth keeps it.
 */
export function askText(step: TextStep): Promise<{ result: StepResult; value: string }> {
  const input = vscode.window.createInputBox();
  input.title = step.title;
  input.step = step.step;
  input.totalSteps = step.totalSteps;
  input.prompt = step.prompt;
  input.placeholder = step.placeholder;
  input.password = step.password ?? false;
  input.value = step.value;
  input.ignoreFocusOut = true;
  input.buttons = step.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  input.validationMessage = step.serverMessage
    ? { message: step.serverMessage, severity: vscode.InputBoxValidationSeverity.Error }
    : undefined;

  return new Promise((resolve) => {
    let result: StepResult = 'cancel';
    const disposables = [
      input.onDidChangeValue((value) => {
        input.validationMessage = value ? step.validate(value) : undefined;
      }),
      input.onDidTriggerButton((button) => {
        if (button !== vscode.QuickInputButtons.Back) return;
        result = 'back';
        input.hide();
      }),
      input.onDidAccept(() => {
        const problem = step.validate(input.value);
        if (problem) {
          input.validationMessage = problem;
          return;
        }
        result = 'next';
        input.hide();
      }),
      input.onDidHide(() => {
        const value = input.value;
        for (const disposable of disposables) disposable.dispose();
        input.dispose();
        resolve({ result, value });
      }),
    ];
    input.show();
  });
}
