// One launch for two scenarios on the extension as shipped (its own activation events):
//   1. the scripted session of issue 7, counting the fake API's requests action by action;
//   2. scale: 200 organizations and a namespace of 2,000 repositories, timed, with the extension
//      host's memory and event-loop delay sampled throughout.
const { monitorEventLoopDelay } = require('node:perf_hooks');
const vscode = require('vscode');
const { env, writeResult, hostSettled, activationMarks, fakeCounts, countsBetween, ui, waitForQuickInput, labelOf, useApi, nextSessionChange, sleep, megabytes, zodLoaded } = require('./common.cjs');

const API_TOKEN = 'tk-us-test-token';

exports.run = async function run() {
  const id = env('BENCH_EXTENSION_ID');
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not loaded in this host`);
  await hostSettled();
  // Whatever start-up did on its own, before the bench asked for anything.
  const startup = { activatedWithoutBeingAsked: extension.isActive, vscodeMarks: activationMarks(id), apiCodeLoaded: zodLoaded() };
  const api = await extension.activate();
  const result = { startup };
  result.session = await scriptedSession(api, env('BENCH_FAKE_URL'), env('BENCH_FAKE_CONTROL'));
  result.focusHour = await focusHour(api, env('BENCH_FAKE_CONTROL'));
  result.scale = await scale(api, env('BENCH_SCALE_URL'), env('BENCH_SCALE_CONTROL'));
  result.apps = await apps(api, env('BENCH_APPS_URL'), env('BENCH_APPS_CONTROL'));
  writeResult(result);
};

/** Runs the actions in order, counting each one's requests; the first failure ends the session. */
async function scriptedSession(api, url, control) {
  const actions = [];
  const first = await fakeCounts(control);
  /** `route`: the one route the target is about, when the action also sends others counted elsewhere. */
  const step = async (name, target, work, route) => {
    const before = await fakeCounts(control);
    const started = performance.now();
    let error;
    try {
      return await work();
    } catch (failure) {
      error = String(failure?.message ?? failure);
      throw failure;
    } finally {
      const counted = countsBetween(before, await fakeCounts(control));
      actions.push({ name, target, requests: counted.total, byRoute: counted.byRoute, ms: performance.now() - started, ...(route && { route }), ...(error && { error }) });
    }
  };
  const nodes = {};
  try {
    await step('sign in', 'one token exchange', async () => {
      const changed = nextSessionChange(api.session);
      await useApi(url);
      await changed;
      await api.session.signIn(API_TOKEN);
    });
    await step('open the view', 1, async () => {
      await vscode.commands.executeCommand('workbench.view.extension.scalingo');
      nodes.root = await api.tree.getChildren();
      await sleep(300); // whatever the now visible view asks for itself counts too
    });
    await step('expand an integration (GitHub)', 1, async () => {
      nodes.github = findByLabel(nodes.root, 'GitHub');
      nodes.owners = await api.tree.getChildren(nodes.github);
    });
    await step('expand an organization', 1, async () => {
      nodes.organization = findByLabel(nodes.owners, 'analytical-engines');
      nodes.repositories = await api.tree.getChildren(nodes.organization);
    });
    // Its pull requests; the Scalingo apps it also reads (engine-core deploys to one) are measured in the apps section.
    await step('expand a repository: its pull requests', 1, async () => {
      nodes.repository = findByLabel(nodes.repositories, 'engine-core');
      await api.tree.getChildren(nodes.repository);
    }, 'searchPullRequests');
    await step('re-expand the 3 cached nodes', 0, async () => {
      for (const node of [nodes.github, nodes.organization, nodes.repository]) await api.tree.getChildren(node);
    });
    await step('open repository search (first listing)', 1, async () => {
      nodes.command = vscode.commands.executeCommand('scalingo.searchRepositories', nodes.github);
      await waitForQuickInput((state) => state.visible && state.items.length > 0);
    });
    await step('type "scalingo-app", a key every 80 ms', 'at most 2', async () => {
      await ui({ action: 'type', text: 'scalingo-app', delayMs: 80 });
      // Done when the list holds only the server's matches for the whole word.
      await waitForQuickInput((state) => state.items.length > 0 && state.items.every((item) => item.label.includes('scalingo-app')));
      await sleep(500); // longer than the debounce: a late search would be counted
    });
    await step('open a PR (repository → Show Pull Requests → first PR)', 1, async () => {
      await ui({ action: 'press', key: 'Enter' });
      await waitForQuickInput((state) => state.items.some((item) => /Pull Requests/u.test(item.label)));
      await ui({ action: 'type', text: 'Pull Requests' });
      await waitForQuickInput((state) => state.items.some((item) => item.focused && /Pull Requests/u.test(item.label)));
      await ui({ action: 'press', key: 'Enter' });
      await waitForQuickInput((state) => state.items.some((item) => /Add (logo|feature)/u.test(item.label)));
      await ui({ action: 'press', key: 'Enter' });
      await Promise.race([nodes.command, sleep(5000)]);
      const opened = await ui({ action: 'openedUrls' });
      if (!opened.some((address) => /\/pull\/\d+$/u.test(address))) throw new Error(`no pull request opened: ${JSON.stringify(opened)}`);
    });
  } catch {
    // Recorded by step(); the scale scenario still runs.
  }
  const whole = countsBetween(first, await fakeCounts(control));
  return { actions, tokenExchanges: whole.byRoute.exchange ?? 0, requests: whole.total };
}

/**
 * An hour of focus changes with a typical tree open (the scripted session's: the integrations,
 * GitHub, one organization and one repository expanded in the view): the window gets the focus
 * back every 2 minutes, 30 times, on the extension's clock moved on by 2 minutes each time (an
 * hour is not waited for). Counts every request the focus refreshes send.
 */
async function focusHour(api, control) {
  const FOCUS_CHANGES = 30;
  const EVERY_MS = 2 * 60 * 1000;
  await vscode.commands.executeCommand('workbench.view.extension.scalingo');
  const root = await api.tree.getChildren();
  const github = findByLabel(root, 'GitHub');
  const organization = findByLabel(await api.tree.getChildren(github), 'analytical-engines');
  const repository = findByLabel(await api.tree.getChildren(organization), 'engine-core');
  for (const node of [github, organization, repository]) await api.view.reveal(node, { expand: true });
  await sleep(500);
  const realNow = api.clock.now;
  let offset = 0;
  api.clock.now = () => Date.now() + offset;
  const before = await fakeCounts(control);
  let refreshes = 0;
  try {
    for (let change = 0; change < FOCUS_CHANGES; change++) {
      offset += EVERY_MS;
      if (await api.focusRefresh.windowFocused()) refreshes++;
      await sleep(400); // the reload's requests land before the next focus change
    }
  } finally {
    api.clock.now = realNow;
  }
  const counted = countsBetween(before, await fakeCounts(control));
  return { focusChanges: FOCUS_CHANGES, everyMinutes: EVERY_MS / 60000, refreshes, requests: counted.total, byRoute: counted.byRoute };
}

/**
 * Switches to a server with 200 organizations and 2,000 repositories in the user's namespace, then
 * times what a person waits for, cold: the root, the integration's children, the first page of the
 * namespace. Then loads every page with "Load more…", as clicking it would, to see what 2,000 rows
 * cost, how many requests they take, and whether the last page costs more than the first (a step
 * that grows with the rows already shown would). After each load the bench asks every row for its tree item, as VS Code does when it redraws
 * the node. Memory and event-loop delay are sampled separately for the two phases.
 */
async function scale(api, url, control) {
  const sampler = sampleHost();
  const before = await fakeCounts(control);
  try {
    const changed = nextSessionChange(api.session);
    await useApi(url);
    await changed;
    const timings = {};
    let mark = performance.now();
    const lap = (name) => {
      const now = performance.now();
      timings[name] = now - mark;
      mark = now;
    };
    const root = await api.tree.getChildren();
    lap('rootMs');
    const owners = await api.tree.getChildren(findByLabel(root, 'GitHub'));
    lap('integrationMs');
    const namespace = owners.find((node) => api.tree.getTreeItem(node).contextValue === 'owner.user');
    let rows = await api.tree.getChildren(namespace);
    rows.forEach((node) => api.tree.getTreeItem(node));
    lap('firstPageMs');
    const firstItems = {
      timeToFirstItemsMs: timings.rootMs + timings.integrationMs + timings.firstPageMs,
      ...timings,
      organizations: owners.length - 1,
      firstPageRows: rows.length,
      requests: countsBetween(before, await fakeCounts(control)),
      ...sampler.phase(),
    };

    const beforePages = await fakeCounts(control);
    const pageMs = [];
    for (let last = rows.at(-1); last && api.tree.getTreeItem(last).contextValue === 'loadMore' && pageMs.length < 500; last = rows.at(-1)) {
      const { command } = api.tree.getTreeItem(last);
      const started = performance.now();
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      rows = await api.tree.getChildren(namespace);
      rows.forEach((node) => api.tree.getTreeItem(node));
      pageMs.push(performance.now() - started);
    }
    const totalMs = pageMs.reduce((sum, ms) => sum + ms, 0);
    const loadAll = {
      pages: pageMs.length,
      rows: rows.length,
      requests: countsBetween(beforePages, await fakeCounts(control)),
      totalMs,
      timeToLastPageMs: firstItems.timeToFirstItemsMs + totalMs,
      slowestPageMs: Math.max(0, ...pageMs),
      // Medians of the first and last five pages: equal when no step grows with the rows shown.
      earlyPagesMs: medianOf(pageMs.slice(0, 5)),
      latePagesMs: medianOf(pageMs.slice(-5)),
      ...sampler.phase(),
    };
    return { firstItems, loadAll, ...sampler.stop() };
  } catch (error) {
    return { error: String(error?.stack ?? error), ...sampler.stop() };
  }
}

/**
 * An account with 2 regions, 50 apps and 30 links: from expanding a repository to its app rows,
 * cold (first repository of the integration: regions, apps and links are read) and warm (another
 * repository of the same integration: the index is shared), then the same repository after a
 * refresh. Requests by route, and the time until the rows are there.
 */
async function apps(api, url, control) {
  try {
    const changed = nextSessionChange(api.session);
    await useApi(url);
    await changed;
    const github = findByLabel(await api.tree.getChildren(), 'GitHub');
    const user = findByLabel(await api.tree.getChildren(github), 'ada-lovelace');
    const repositories = await api.tree.getChildren(user);
    const expand = async (name) => {
      const before = await fakeCounts(control);
      const started = performance.now();
      const rows = await api.tree.getChildren(findByLabel(repositories, name));
      const ms = performance.now() - started;
      const counted = countsBetween(before, await fakeCounts(control));
      return { repository: name, ms, requests: counted.total, byRoute: counted.byRoute, appRows: rows.filter((row) => row.getTreeItem().contextValue?.startsWith('appLink.')).length };
    };
    const cold = await expand('scalingo-app');
    // A generated repository of the same integration, with an app of its own.
    const warm = await expand(labelOf(repositories.find((node) => /^repo-\d+$/u.test(labelOf(node)))));
    const again = await expand('scalingo-app');
    return { cold, warm, reExpanded: again };
  } catch (error) {
    return { error: String(error?.stack ?? error) };
  }
}

/** Extension-host RSS (sampled every 5 ms) and event-loop delay, phase by phase. */
function sampleHost() {
  const rssBefore = process.memoryUsage().rss;
  let overallPeak = rssBefore;
  let phasePeak = rssBefore;
  const timer = setInterval(() => {
    const rss = process.memoryUsage().rss;
    phasePeak = Math.max(phasePeak, rss);
    overallPeak = Math.max(overallPeak, rss);
  }, 5);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  return {
    /** The figures since the previous phase ended. */
    phase() {
      const figures = { eventLoopDelayMaxMs: delay.max / 1e6, rssPeakMb: megabytes(Math.max(phasePeak, process.memoryUsage().rss)) };
      delay.reset();
      phasePeak = process.memoryUsage().rss;
      return figures;
    },
    stop() {
      clearInterval(timer);
      delay.disable();
      const usage = process.memoryUsage();
      return {
        rssBeforeMb: megabytes(rssBefore),
        rssPeakMb: megabytes(Math.max(overallPeak, usage.rss)),
        rssAfterMb: megabytes(usage.rss),
        heapUsedAfterMb: megabytes(usage.heapUsed),
      };
    },
  };
}

function medianOf(values) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function findByLabel(nodes, label) {
  const found = nodes?.find((node) => labelOf(node) === label);
  if (!found) throw new Error(`no "${label}" among: ${(nodes ?? []).map(labelOf).join(', ')}`);
  return found;
}
