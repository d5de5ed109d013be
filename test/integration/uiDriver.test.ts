/**
 * Proves the UI driver bridge with VS Code's own quick inputs, independent of the extension:
 * the API shows them, the driver types, presses and clicks in the workbench as a person would.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually } from './helpers';
import { uiDriver, type UiDriver } from './uiDriver';

describe('UI driver', () => {
  let driver: UiDriver;

  before(function () {
    const found = uiDriver();
    // Under a real VS Code (@vscode/test-electron) nothing drives the UI from outside.
    if (!found) this.skip();
    driver = found;
  });

  it('answers an input box by typing and pressing Enter', async () => {
    const answer = vscode.window.showInputBox({ title: 'Who', prompt: 'Name?', placeHolder: 'your name' });
    const shown = await driver.waitForQuickInput((state) => state.visible);
    assert.equal(shown.title, 'Who');
    assert.equal(shown.placeholder, 'your name');
    assert.match(shown.prompt, /^Name\?/u);
    await driver.type('hello world');
    assert.equal((await driver.quickInput()).value, 'hello world');
    await driver.press('Enter');
    assert.equal(await answer, 'hello world');
    await driver.waitForQuickInput((state) => !state.visible);
  });

  it('reads the validation message that replaces the prompt', async () => {
    const answer = vscode.window.showInputBox({ prompt: 'Name?', validateInput: (value) => (value.includes('!') ? 'No exclamation marks' : undefined) });
    await driver.waitForQuickInput((state) => state.visible);
    await driver.type('hi!');
    const invalid = await driver.waitForQuickInput((state) => state.validationMessage !== '');
    assert.equal(invalid.validationMessage, 'No exclamation marks');
    assert.equal(invalid.prompt, '');
    await driver.press('Escape');
    assert.equal(await answer, undefined);
    await driver.waitForQuickInput((state) => !state.visible);
  });

  it('reads, filters and clicks the buttons of a quick pick', async () => {
    const pick = vscode.window.createQuickPick();
    try {
      pick.title = 'Pick a letter';
      pick.items = [{ label: 'alpha', description: 'first', detail: 'the A' }, { label: 'beta' }, { label: 'gamma', description: 'third' }];
      pick.buttons = [vscode.QuickInputButtons.Back, { iconPath: new vscode.ThemeIcon('refresh'), tooltip: 'Refresh' }];
      const triggered: vscode.QuickInputButton[] = [];
      pick.onDidTriggerButton((button) => triggered.push(button));
      pick.show();

      const shown = await driver.waitForQuickInput((state) => state.items.length > 0);
      assert.equal(shown.title, 'Pick a letter');
      assert.deepEqual(shown.items, [
        { label: 'alpha', description: 'first', detail: 'the A', focused: true },
        { label: 'beta', description: '', detail: '', focused: false },
        { label: 'gamma', description: 'third', detail: '', focused: false },
      ]);
      // VS Code adds its keybinding to the Back button's tooltip.
      assert.deepEqual(shown.buttons, ['Back (Ctrl+Alt+-)', 'Refresh']);

      await driver.type('ga');
      const filtered = await driver.waitForQuickInput((state) => state.items.length === 1);
      assert.deepEqual(
        filtered.items.map((item) => item.label),
        ['gamma'],
      );

      // The event crosses from the workbench to the extension host after the click.
      await driver.clickQuickInputButton('Refresh');
      await driver.clickQuickInputButton('Back');
      await eventually(() => triggered.length === 2);
      assert.deepEqual(triggered, [pick.buttons[1], vscode.QuickInputButtons.Back]);
    } finally {
      pick.dispose();
    }
  });

  it('records what openExternal opens instead of opening a tab', async () => {
    assert.equal(await vscode.env.openExternal(vscode.Uri.parse('https://example.com/x')), true);
    assert.ok((await driver.openedUrls()).includes('https://example.com/x'));
  });

  it('finds notifications in the notification centre, not in toasts', async () => {
    void vscode.window.showInformationMessage('Hello from the UI driver test');
    // enable-smoke-test-driver, which the offline host needs for the test payload, hides toasts.
    await vscode.commands.executeCommand('notifications.showList');
    try {
      await eventually(async () => (await driver.notifications()).includes('Hello from the UI driver test'));
    } finally {
      await vscode.commands.executeCommand('notifications.clearAll');
      await vscode.commands.executeCommand('notifications.hideList');
    }
  });
});
