import * as vscode from 'vscode';

/** What a step of a wizard returns: go on, go back, send again, or the user closed it. */
export type StepResult = 'next' | 'back' | 'retry' | 'cancel';

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
  /** Offer a Retry button (the last attempt failed for a reason that may pass). */
  readonly retry?: boolean;
  readonly validate: (value: string) => string | undefined;
}

/**
 * A multi-step input (after the VS Code samples' multiStepInput.ts) in ONE input box that stays
 * open from the first step to the answer: each step reconfigures it, a Back button from the second
 * step on, live validation, and the typed value handed back whatever the outcome so going back and
 * forth keeps it. While the server answers it stays on screen and busy, so a refusal
 * shows in place: no flicker, no lost focus. Closing it while busy cancels the request.
 */
export class MultiStepInput implements vscode.Disposable {
  private readonly input = vscode.window.createInputBox();
  private readonly retryButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('refresh'), tooltip: vscode.l10n.t('Retry') };
  private readonly disposables: vscode.Disposable[];
  private step: TextStep | undefined;
  private answer: ((result: StepResult) => void) | undefined;
  private working: AbortController | undefined;
  private hidden = false;
  private disposed = false;

  constructor() {
    this.input.ignoreFocusOut = true;
    this.disposables = [
      this.input.onDidChangeValue((value) => {
        if (this.step) this.input.validationMessage = value ? this.step.validate(value) : undefined;
      }),
      this.input.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) this.settle('back');
        else if (button === this.retryButton) this.settle('retry');
      }),
      this.input.onDidAccept(() => {
        if (!this.step || this.working) return;
        const problem = this.step.validate(this.input.value);
        if (problem) {
          this.input.validationMessage = problem;
          return;
        }
        this.settle('next');
      }),
      this.input.onDidHide(() => {
        this.hidden = true;
        this.working?.abort();
        this.settle('cancel');
      }),
    ];
  }

  /** Shows `step` in the input (opening it the first time) and waits for the user. */
  ask(step: TextStep): Promise<{ result: StepResult; value: string }> {
    if (this.hidden) return Promise.resolve({ result: 'cancel', value: step.value });
    this.step = step;
    const { input } = this;
    input.title = step.title;
    input.step = step.step;
    input.totalSteps = step.totalSteps;
    input.prompt = step.prompt;
    input.placeholder = step.placeholder;
    input.password = step.password ?? false;
    input.value = step.value;
    input.buttons = [...(step.step > 1 ? [vscode.QuickInputButtons.Back] : []), ...(step.retry ? [this.retryButton] : [])];
    input.validationMessage = step.serverMessage
      ? { message: step.serverMessage, severity: vscode.InputBoxValidationSeverity.Error }
      : undefined;
    input.busy = false;
    input.show();
    return new Promise((resolve) => {
      this.answer = (result) => resolve({ result, value: input.value });
    });
  }

  /**
   * Runs `work` with the input on screen and busy, and `prompt` saying what happens.
   * Resolves with its result, or 'closed' when the user closed the input meanwhile (which aborts it).
   */
  async whileBusy<T>(prompt: string, work: (signal: AbortSignal) => Promise<T>): Promise<T | 'closed'> {
    if (this.hidden) return 'closed';
    const controller = new AbortController();
    this.working = controller;
    const { input } = this;
    // Busy, but not disabled: a disabled input box drops the keyboard focus and does not take it back.
    // Enter is ignored meanwhile (onDidAccept checks `working`).
    input.busy = true;
    input.validationMessage = undefined;
    input.prompt = prompt;
    try {
      const result = await work(controller.signal);
      return this.hidden ? 'closed' : result;
    } catch (error) {
      if (this.hidden) return 'closed';
      throw error;
    } finally {
      this.working = undefined;
      input.busy = false;
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const disposable of this.disposables) disposable.dispose();
    this.input.dispose();
  }

  private settle(result: StepResult): void {
    const answer = this.answer;
    this.answer = undefined;
    answer?.(result);
  }
}
