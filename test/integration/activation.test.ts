import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, signIn, signOut, startFakeApi } from './helpers';

const GLOBAL_DISPATCHERS = [Symbol.for('undici.globalDispatcher.1'), Symbol.for('undici.globalDispatcher.2')];
/** What the host had before our extension ran: captured when this file loads, before activation. */
const dispatchersBefore = GLOBAL_DISPATCHERS.map((symbol) => (globalThis as Record<symbol, unknown>)[symbol]);
/**
 * Whether the host had activated the extension when the suites loaded. In test mode the suites load
 * before `onStartupFinished` fires, so this alone does not prove lazy activation: the packaged-.vsix
 * check (test/host/checkVsix.ts) does, in a host started as a user's.
 */
const activeWhenTestsLoaded = vscode.extensions.getExtension(EXTENSION_ID)?.isActive;

describe('activation', () => {
  it('an account request from another extension activates it (onAuthenticationRequest:scalingo)', async () => {
    assert.equal(activeWhenTestsLoaded, false, 'the extension was already active before anything asked for it');
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    // What VS Code does when any extension asks for a "scalingo" session: onAuthenticationRequest:scalingo.
    const session = await vscode.authentication.getSession('scalingo', [], { silent: true });
    assert.equal(extension.isActive, true, 'an account request did not activate the extension');
    assert.equal(session, undefined, 'signed out, yet a session was returned');
  });

  it('finds the extension under development and activates it in the real extension host', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded: check --extensionDevelopmentPath and package.json`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it("leaves the host's global fetch dispatchers untouched, through activation and requests", async () => {
    const api = await startFakeApi();
    try {
      await signIn();
      await vscode.commands.executeCommand('scalingo.refresh');
      const dispatchersAfter = GLOBAL_DISPATCHERS.map((symbol) => (globalThis as Record<symbol, unknown>)[symbol]);
      assert.ok(
        dispatchersAfter.every((dispatcher, index) => dispatcher === dispatchersBefore[index]),
        'a global undici dispatcher was replaced',
      );
      // Another extension's fetch still works after ours has been busy.
      const response = await fetch(`${api.url}/v1/scm_integrations`);
      assert.equal(response.status, 401);
    } finally {
      await signOut();
      await api.close();
    }
  });
});
