import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { FakeScalingoApi } from '../fakeApi/server';
import { children, extensionApi, signIn, signOut } from './helpers';
import { stubWindow } from './stubs';

const TLS_DIR = process.env.SCALINGO_TEST_TLS_DIR;

function httpsFake(name: 'trusted' | 'system' | 'unknown'): Promise<FakeScalingoApi> {
  const read = (file: string) => readFileSync(join(TLS_DIR!, file), 'utf8');
  return FakeScalingoApi.start({ seed: 'default', tls: { key: read(`${name}-key.pem`), cert: read(`${name}-cert.pem`) } });
}

describe('corporate networks, in the host', () => {
  let api: FakeScalingoApi | undefined;
  const config = () => vscode.workspace.getConfiguration('scalingo');

  beforeEach(function () {
    // The launcher (test/runIntegrationTests.ts) makes the CA; a host started some other way has none.
    if (!TLS_DIR) this.skip();
  });

  /** Signs in to an https fake whose certificate `name` signed; returns the error messages shown. */
  async function signInTo(name: 'trusted' | 'system' | 'unknown'): Promise<unknown[][]> {
    api = await httpsFake(name);
    await config().update('authUrl', api.url, vscode.ConfigurationTarget.Global);
    const errors = stubWindow('showErrorMessage', () => undefined);
    try {
      await signIn();
    } finally {
      errors.restore();
    }
    return errors.calls;
  }

  afterEach(async () => {
    await signOut();
    await api?.close();
    api = undefined;
  });

  for (const [name, where] of [
    ['trusted', 'NODE_EXTRA_CA_CERTS'],
    ['system', "the operating system's store"],
  ] as const) {
    it(`trusts a server signed by a CA that is only in ${where}`, async () => {
      assert.deepEqual(await signInTo(name), []);
      const extension = await extensionApi();
      assert.equal(await extension.session.isSignedIn(), true);
      assert.ok((await children(extension)).length > 0);
    });
  }

  it('refuses a server signed by an unknown CA, naming certificates and the settings to check', async () => {
    const [message, ...buttons] = ((await signInTo('unknown'))[0] ?? []) as string[];
    assert.match(message ?? '', /certificate/u);
    assert.match(message ?? '', /NODE_EXTRA_CA_CERTS/u);
    assert.match(message ?? '', /http\.proxyStrictSSL/u);
    assert.ok(buttons.includes('Open Settings'), `buttons: ${buttons.join(', ')}`);
    assert.equal(await (await extensionApi()).session.isSignedIn(), false);
  });
});
