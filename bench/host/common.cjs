// Helpers for the bench's extension-host side (loaded by the offline VS Code host as
// --extensionTestsPath modules: CommonJS, `vscode` available, Node 24). The runner passes its
// parameters in BENCH_* variables, which reach the extension host through code-server.
const { writeFileSync } = require('node:fs');
const vscode = require('vscode');

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these modules through bench/run.mjs`);
  return value;
};

/** Where run() leaves its figures for the runner (the host's exit code only says pass or fail). */
function writeResult(result) {
  writeFileSync(env('BENCH_RESULT'), JSON.stringify(result, null, 2));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** zod 4 sets this global when it loads: tells whether the validation code has run yet. */
const zodLoaded = () => '__zod_globalConfig' in globalThis;

/** VS Code's own performance marks in this extension host (code/extHost/…), Date.now() based. */
const vscodeMarks = () => globalThis.MonacoPerformanceMarks?.getMarks?.() ?? [];

/**
 * The host activates built-in extensions (git, emmet, npm…) for a second or so after start-up.
 * Measuring while they run would time their work, not ours: wait until no new VS Code performance
 * mark has appeared for `quietMs`.
 */
async function hostSettled(quietMs = 1000, maxMs = 15000) {
  const started = Date.now();
  let count = vscodeMarks().length;
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs && Date.now() - started < maxMs) {
    await sleep(100);
    const now = vscodeMarks().length;
    if (now !== count) {
      count = now;
      quietSince = Date.now();
    }
  }
  return Date.now() - started;
}

/**
 * The extension's activation as VS Code itself recorded it: loading the code (require), then the
 * activate() call. Millisecond resolution: VS Code stamps these with Date.now().
 */
function activationMarks(extensionId) {
  const at = (name) => vscodeMarks().find((mark) => mark.name === `code/extHost/${name}/${extensionId}`)?.startTime;
  const [willLoad, didLoad, willActivate, didActivate] = ['willLoadExtensionCode', 'didLoadExtensionCode', 'willActivateExtension', 'didActivateExtension'].map(at);
  if ([willLoad, didLoad, willActivate, didActivate].includes(undefined)) return undefined;
  return { loadCodeMs: didLoad - willLoad, activateCallMs: didActivate - willActivate, loadToActivatedMs: didActivate - willLoad };
}

/** Requests the fake API (run by the bench in another process) has answered so far, by route. */
async function fakeCounts(controlUrl) {
  return (await fetch(controlUrl)).json();
}

function countsBetween(before, after) {
  const byRoute = {};
  for (const [route, count] of Object.entries(after.byRoute)) {
    const delta = count - (before.byRoute[route] ?? 0);
    if (delta > 0) byRoute[route] = delta;
  }
  return { total: after.total - before.total, byRoute };
}

/** One command to the offline host's UI driver (test/host/offlineVscode.ts): real keys in the real workbench. */
async function ui(command) {
  const response = await fetch(env('SCALINGO_UI_DRIVER_URL'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(command),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`UI driver, ${command.action}: ${answer?.error ?? response.statusText}`);
  return answer;
}

async function waitForQuickInput(predicate, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await ui({ action: 'quickInput' });
    if (predicate(state)) return state;
    if (Date.now() > deadline) throw new Error(`quick input not as expected after ${timeoutMs} ms: ${JSON.stringify(state).slice(0, 400)}`);
    await sleep(50);
  }
}

function labelOf(node) {
  const label = node.getTreeItem().label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

/** Points the extension at a fake API: an application-scoped setting, so Global (user) settings. */
async function useApi(url) {
  await vscode.workspace.getConfiguration('scalingo').update('authUrl', url, vscode.ConfigurationTarget.Global);
}

/** Resolves on the session's next change event (sign-in, settings), or after `timeoutMs`. */
function nextSessionChange(session, timeoutMs = 3000) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      listener.dispose();
      resolve(false);
    }, timeoutMs);
    const listener = session.onDidChange(() => {
      clearTimeout(timer);
      listener.dispose();
      resolve(true);
    });
  });
}

const MB = 1024 * 1024;
const megabytes = (bytes) => Math.round((bytes / MB) * 10) / 10;

module.exports = {
  zodLoaded,
  env,
  writeResult,
  sleep,
  hostSettled,
  activationMarks,
  fakeCounts,
  countsBetween,
  ui,
  waitForQuickInput,
  labelOf,
  useApi,
  nextSessionChange,
  megabytes,
};
