import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { faults } from '../fakeApi/server';
import { childLabelled, extensionApi, signedInSuite } from './helpers';
import { stubWindow } from './stubs';

describe('unlinking an integration names the apps that deploy through it', () => {
  const suite = signedInSuite();

  async function modalFor(label: string): Promise<{ message: string; detail: string; buttons: unknown[] }> {
    const extension = await extensionApi();
    extension.tree.refreshAll();
    const node = await childLabelled(extension, undefined, label);
    const warning = stubWindow('showWarningMessage', () => undefined);
    try {
      assert.equal(await vscode.commands.executeCommand('scalingo.unlinkIntegration', node), false);
    } finally {
      warning.restore();
    }
    const [message, options, ...buttons] = warning.calls[0]!;
    assert.equal((options as vscode.MessageOptions).modal, true);
    return { message: String(message), detail: String((options as vscode.MessageOptions).detail), buttons };
  }

  it('lists them, from every region, in the confirmation', async () => {
    const { message, detail, buttons } = await modalFor('GitHub');
    assert.equal(message, 'Unlink GitHub · ada-lovelace · github.com from your Scalingo account?');
    assert.equal(
      detail,
      '3 apps deploy through this integration: ada-scalingo-app, ada-scalingo-app-staging, engine-core-prod. Their automatic deploys and review apps stop until the code host is linked again.',
    );
    assert.deepEqual(buttons, ['Unlink']);
    assert.equal(suite.api.requestsTo('unlink').length, 0);
  });

  it('says when none does', async () => {
    const { detail } = await modalFor('GitLab self-hosted');
    assert.equal(detail, 'No Scalingo app deploys through this code host.');
  });

  it('says it could not check when a region does not answer, rather than reassure', async () => {
    suite.api.inject('repoLinks', faults.serviceUnavailable({ match: (request) => request.region === 'osc-secnum-fr1' }));
    const { detail } = await modalFor('GitHub Enterprise');
    assert.match(detail, /^Could not check which Scalingo apps deploy through this code host/u);
  });
});
