// One cold start (this is a fresh extension host): times the activation of BENCH_EXTENSION_ID and,
// when BENCH_FAKE_URL is set, the first render of the Scalingo view for a returning user.
const vscode = require('vscode');
const { env, writeResult, hostSettled, activationMarks, useApi, nextSessionChange, labelOf, megabytes, zodLoaded } = require('./common.cjs');

const API_TOKEN = 'tk-us-test-token';

exports.run = async function run() {
  const id = env('BENCH_EXTENSION_ID');
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not loaded in this host`);
  if (extension.isActive) throw new Error(`${id} was already active: not a cold start`);
  const settleMs = await hostSettled();
  // Something else (an activation event we did not expect) would leave nothing for us to time.
  if (extension.isActive) throw new Error(`${id} was activated during start-up: cannot time its activation`);

  const started = performance.now();
  const api = await extension.activate();
  const activateMs = performance.now() - started;

  const result = {
    extension: id,
    node: process.version,
    settleMs,
    activateMs,
    vscodeMarks: activationMarks(id),
    rssAfterActivationMb: megabytes(process.memoryUsage().rss),
    zodLoadedByActivation: zodLoaded(),
  };
  if (process.env.BENCH_FAKE_URL) result.firstRender = await firstRender(api, process.env.BENCH_FAKE_URL);
  writeResult(result);
};

/**
 * A returning user opens the view: the token is already in SecretStorage, nothing of the API code
 * has loaded. The token goes in through the extension's own TokenStore (private in TypeScript,
 * reachable at run time) because signing in would load the API code before the clock starts.
 * Timed: tree.getChildren() for the root, as the view asks it once visible — reading the token,
 * loading the HTTP/validation code, the token exchange and GET /v1/scm_integrations.
 */
async function firstRender(api, url) {
  let changed = nextSessionChange(api.session);
  await useApi(url);
  await changed;
  const tokens = api.session.tokens;
  if (typeof tokens?.store !== 'function') throw new Error('ScalingoSession has no `tokens` (TokenStore) any more: update bench/host/activate.cjs');
  changed = nextSessionChange(api.session);
  // The account (id, username) is kept beside the token since issue 11; the fake's user is this one.
  await tokens.store(API_TOKEN, { id: 'us-ada-lovelace', username: 'ada-lovelace' });
  await changed;
  if (!(await api.session.isSignedIn())) throw new Error('the stored token was not picked up');
  const apiCodeLoadedBefore = zodLoaded();

  const started = performance.now();
  const integrations = await api.tree.getChildren();
  const coldMs = performance.now() - started;

  // The same render once everything is warm (code loaded, bearer cached, connection open).
  api.tree.refreshAll();
  const warmStarted = performance.now();
  await api.tree.getChildren();
  const warmMs = performance.now() - warmStarted;

  return {
    coldMs,
    warmMs,
    integrations: integrations.map(labelOf),
    apiCodeLoadedBefore,
    apiCodeLoadedAfter: zodLoaded(),
    rssAfterMb: megabytes(process.memoryUsage().rss),
  };
}
