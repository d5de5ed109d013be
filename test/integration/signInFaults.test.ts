import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { faults, type Fault, type FakeScalingoApi } from '../fakeApi/server';
import { childLabelled, children, extensionApi, signIn, signOut, startFakeApi } from './helpers';
import { recordProgress } from './progress';
import { stubWindow } from './stubs';

interface ExchangeFault {
  readonly name: string;
  readonly fault: Fault;
  readonly message: RegExp;
  readonly buttons: readonly string[];
}

/** Only the 401 says the token is bad; every other fault of the exchange says what it is. */
const EXCHANGE_FAULTS: readonly ExchangeFault[] = [
  { name: '401', fault: { status: 401, body: { error: 'invalid credentials' } }, message: /invalid or was revoked/u, buttons: ['Sign In'] },
  // Retried twice after Retry-After (without it, each retry would wait Scalingo's whole minute).
  { name: '429', fault: faults.rateLimited({ headers: { 'retry-after': '1' } }), message: /limiting requests, so the API token could not be checked/u, buttons: ['Retry'] },
  { name: '500', fault: faults.serverError(), message: /could not check the API token \(HTTP 500\)/u, buttons: ['Retry', 'Show Log'] },
  { name: 'timeout', fault: { delayMs: 3000 }, message: /took too long to check the API token/u, buttons: ['Retry', 'Show Log'] },
  {
    name: 'HTML page',
    fault: { status: 200, body: '<!doctype html><title>Proxy sign-in</title>', contentType: 'text/html' },
    message: /web page came back instead of a Scalingo token/u,
    buttons: ['Retry', 'Open Settings', 'Show Log'],
  },
  { name: 'OTP Required', fault: faults.otpRequired(), message: /two-factor authentication blocks API tokens/u, buttons: ['Show Log'] },
];

describe('sign-in: each fault of the token exchange has its own message', () => {
  let api: FakeScalingoApi;

  before(async () => {
    api = await startFakeApi();
    await vscode.workspace.getConfiguration('scalingo').update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('scalingo').update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await signOut();
    await api.close();
  });

  it('words the 401, 429, 5xx, timeout, HTML page and "OTP Required" apart, with the right buttons', async function () {
    this.timeout(30_000);
    const extension = await extensionApi();
    const seen = new Set<string>();
    for (const { name, fault, message, buttons } of EXCHANGE_FAULTS) {
      await signOut();
      api.clearFaults();
      api.inject('exchange', fault);
      const errors = stubWindow('showErrorMessage', () => undefined);
      try {
        await signIn();
      } finally {
        errors.restore();
      }
      const [shown, ...offered] = (errors.calls[0] ?? []) as string[];
      assert.match(shown ?? '', message, `${name}: ${shown}`);
      assert.deepEqual(offered, buttons, `${name}: buttons offered`);
      assert.equal(await extension.session.isSignedIn(), false, `${name}: signed in anyway`);
      seen.add(shown!);
    }
    assert.equal(seen.size, EXCHANGE_FAULTS.length, 'two faults share a message');
  });

  it('waits out a 429 on the exchange, saying so in the progress, then signs in with one more exchange', async function () {
    this.timeout(20_000);
    const extension = await extensionApi();
    await signOut();
    api.clearFaults();
    api.clearRequests();
    api.inject('exchange', { ...faults.rateLimited(), headers: { 'retry-after': '2' }, times: 1 });
    const progress = recordProgress();
    const errors = stubWindow('showErrorMessage', () => undefined);
    try {
      await signIn();
    } finally {
      progress.restore();
      errors.restore();
    }
    assert.deepEqual(errors.calls, []);
    assert.equal(await extension.session.isSignedIn(), true);
    const checking = progress.runs.find((run) => run.title === 'Checking the token with Scalingo…');
    assert.deepEqual(checking?.messages, ['Scalingo is limiting requests; retrying in 2 s']);
    const [refused, exchanged] = api.requestsTo('exchange');
    assert.equal(api.requestsTo('exchange').length, 2);
    assert.ok(exchanged!.at - refused!.at >= 1900, `exchanged again ${exchanged!.at - refused!.at} ms after the 429`);
  });

  it("tells in the progress only the check's own waits, not those of the account already signed in", async function () {
    this.timeout(20_000);
    const extension = await extensionApi();
    await signIn();
    const gitlab = await childLabelled(extension, undefined, 'GitLab');
    api.clearFaults();
    api.clearRequests();
    api.inject('exchange', { delayMs: 700, times: 1 });
    api.inject('orgs', { ...faults.rateLimited(), headers: { 'retry-after': '1' }, times: 1 });
    const progress = recordProgress();
    const errors = stubWindow('showErrorMessage', () => undefined);
    try {
      const signingIn = signIn();
      // While the new token is being checked, the signed-in account's client meets a 429.
      await new Promise((resolve) => setTimeout(resolve, 150));
      const loading = children(extension, gitlab).catch(() => []);
      await signingIn;
      await loading;
    } finally {
      progress.restore();
      errors.restore();
    }
    assert.equal(api.requestsTo('orgs').at(0)?.status, 429, 'the signed-in account never waited');
    const checking = progress.runs.find((run) => run.title === 'Checking the token with Scalingo…');
    assert.deepEqual(checking?.messages, []);
    assert.deepEqual(errors.calls, []);
  });
});
