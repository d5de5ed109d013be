// Turns the figures into the table of issue 7's targets (metric, value, target, met?) and prints it.
import { round } from './stats.mjs';

const KIB = 1024;
const kib = (bytes) => `${round(bytes / KIB, 1)} KiB`;
const ms = (value) => `${round(value, 1)} ms`;
const times = (value) => `${round(value, 2)}×`;

/** One row per target; `met` is true, false, or null for a figure with no target of its own. */
export function targetRows(results) {
  const rows = [];
  const add = (section, metric, value, target, met) => rows.push({ section, metric, value, target, met });
  const { bundle, activation, firstRender, session, throughput, scale, apps, follow } = results;
  const failed = (section, figures) => figures?.error && add(section, 'could not be measured', figures.error.split('\n')[0].slice(0, 80), '', false);
  failed('bundle', bundle);
  failed('activation', activation);
  failed('requests', session);
  failed('throughput', throughput);

  if (bundle && !bundle.error) {
    add('bundle', 'dist/extension.js + dist/api.js, minified', `${kib(bundle.bytes)} (${kib(bundle.gzipBytes)} gzipped)`, '≤ 450 KiB', bundle.bytes <= 450 * KIB);
    add('bundle', 'of which loaded at activation (extension.js)', `${kib(bundle.activationBytes)} (${kib(bundle.activationGzipBytes)} gzipped)`, '', true);
    if (bundle.vsixBytes !== undefined) add('bundle', '.vsix', kib(bundle.vsixBytes), '≤ 250 KiB', bundle.vsixBytes <= 250 * KIB);
    else add('bundle', '.vsix', bundle.vsixError, '≤ 250 KiB', false);
  }

  if (activation && !activation.error) {
    const { extension, helloWorld } = activation;
    add('activation', `activate(), median of ${extension.samples.length} cold starts`, `${ms(extension.medianMs)} vs hello-world ${ms(helloWorld.medianMs)} = ${times(activation.ratio)}`, '≤ 2× hello-world', activation.ratio <= 2);
    add('activation', "  VS Code's own: load code + activate call (median)", `${extension.vscode.loadCodeMs} + ${extension.vscode.activateCallMs} ms vs ${helloWorld.vscode.loadCodeMs} + ${helloWorld.vscode.activateCallMs} ms`, '', null);
    add('activation', '  HTTP/validation code loaded by activation', activation.apiCodeLoadedByActivation ? 'yes' : 'no', 'no (loads on first use)', !activation.apiCodeLoadedByActivation);
    const eager = activation.eagerActivationEvents;
    add('activation', '  activates at VS Code start-up', eager.length ? `yes (${eager.join(', ')})` : 'no', 'no (nothing runs on start-up)', eager.length === 0);
    add('activation', '  extension host RSS after activation (median)', `${extension.rssMb} MB vs hello-world ${helloWorld.rssMb} MB`, '', null);
  }
  if (firstRender) {
    add('first render', `view visible → integrations listed, cold (median of ${firstRender.coldMs.length})`, ms(firstRender.medianColdMs), '≤ 150 ms', firstRender.medianColdMs <= 150);
    add('first render', '  same, warm (code loaded, bearer cached)', ms(firstRender.medianWarmMs), '', null);
  }

  if (session && !session.error) {
    add('requests', 'token exchanges, whole scripted session', String(session.tokenExchanges), '1 per bearer lifetime', session.tokenExchanges === 1);
    for (const action of session.actions) {
      if (action.name === 'sign in') continue;
      const value = action.error ? `failed: ${action.error.slice(0, 60)}` : `${action.requests} ${describeRoutes(action.byRoute)}`;
      const target = typeof action.target === 'number' ? String(action.target) : action.target;
      const requests = action.route ? (action.byRoute[action.route] ?? 0) : action.requests;
      const met = action.error ? false : typeof action.target === 'number' ? requests === action.target : requests <= 2;
      add('requests', action.name, value, target, met);
    }
  }

  const primary = throughput?.runs?.[0];
  if (primary) {
    for (const operation of operationsOf(primary.cells)) {
      const ratio = (mode, other) => rps(primary.cells, operation, mode, 'ours') / rps(primary.cells, operation, mode, other);
      const [sequential, concurrent] = [ratio('sequential', 'undici'), ratio('concurrency 4', 'undici')];
      add('throughput', `${operation}: ours ÷ raw undici (seq, ×4)`, `${times(sequential)}, ${times(concurrent)}`, '≥ 0.85×', sequential >= 0.85 && concurrent >= 0.85);
      const versusScalingo = ratio('concurrency 4', 'scalingo.js');
      add('throughput', `${operation}: ours ÷ scalingo.js (×4)`, times(versusScalingo), '≥ 2×', versusScalingo >= 2);
    }
  }

  if (scale && !scale.error) {
    const { firstItems, loadAll } = scale;
    add('scale', `first visible items (root → ${firstItems.organizations} orgs → first page)`, `${ms(firstItems.timeToFirstItemsMs)} (${ms(firstItems.rootMs)} + ${ms(firstItems.integrationMs)} + ${ms(firstItems.firstPageMs)})`, '', null);
    add('scale', `  rows shown of the ${scale.namespaceRepositories}-repository namespace`, String(firstItems.firstPageRows), 'a page, not all (paging)', firstItems.firstPageRows < 200);
    add('scale', '  longest event-loop delay until then', ms(firstItems.eventLoopDelayMaxMs), '< 50 ms (responsive)', firstItems.eventLoopDelayMaxMs < 50);
    add('scale', '  extension host RSS: before → peak', `${scale.rssBeforeMb} → ${firstItems.rssPeakMb} MB`, '', null);
    add('scale', `every page through "Load more…" (${loadAll.pages} pages → ${loadAll.rows} rows)`, `${ms(loadAll.totalMs)}, slowest page ${ms(loadAll.slowestPageMs)}`, '', null);
    add('scale', '  requests for those pages', `${loadAll.requests.total} ${describeRoutes(loadAll.requests.byRoute)}`, '1 a page', loadAll.requests.total === loadAll.pages);
    add('scale', '  cold start → last page shown', ms(loadAll.timeToLastPageMs), '', null);
    add('scale', '  a page early vs late (median of 5)', `${ms(loadAll.earlyPagesMs)} vs ${ms(loadAll.latePagesMs)}`, 'no growth with rows shown', loadAll.latePagesMs <= Math.max(3 * loadAll.earlyPagesMs, loadAll.earlyPagesMs + 10));
    add('scale', '  longest event-loop delay, peak RSS', `${ms(loadAll.eventLoopDelayMaxMs)}, ${loadAll.rssPeakMb} MB`, '', null);
  } else if (scale) {
    failed('scale', scale);
  }
  const { focusHour } = results;
  if (focusHour && !focusHour.error) {
    const perMinute = focusHour.requests / 60;
    add('requests', `an hour of focus changes (${focusHour.focusChanges}, every ${focusHour.everyMinutes} min), typical tree open`,
      `${focusHour.requests} in ${focusHour.refreshes} refreshes (${Object.entries(focusHour.byRoute).map(([route, count]) => `${route}×${count}`).join(', ')}), ${round((perMinute / 60) * 100, 1)} % of 60/min`,
      '≤ 5 % of the budget', perMinute <= 3);
  }

  if (apps && !apps.error) {
    const { account, cold, warm, reExpanded } = apps;
    const regional = (figures) => Object.entries(figures.byRoute).filter(([route]) => route !== 'searchPullRequests').reduce((sum, [, count]) => sum + count, 0);
    const limit = 2 * account.regions + 1;
    add('apps', `${account.regions} regions, ${account.apps} apps, ${account.links} links: repository → app rows, cold`, `${ms(cold.ms)}, ${cold.requests} ${describeRoutes(cold.byRoute)}`, `≤ ${limit} for apps + regions, + PRs, + review apps per linked app`, regional(cold) - (cold.byRoute.reviewApps ?? 0) <= limit);
    add('apps', '  another repository of the integration (warm)', `${ms(warm.ms)}, ${warm.requests} ${describeRoutes(warm.byRoute)}`, '0 for apps (shared index)', regional(warm) - (warm.byRoute.reviewApps ?? 0) === 0);
    add('apps', '  the same repository again', `${ms(reExpanded.ms)}, ${reExpanded.requests}`, '0', reExpanded.requests === 0);
  } else if (apps) {
    failed('apps', apps);
  }
  if (follow && !follow.error) {
    add('apps', `a followed deployment (${follow.deploymentMs / 1000} s): polls in its first minute`, `${follow.pollsInFirstMinute} (${follow.polls} in all, end seen ${ms(follow.endSeenAfterMs)} late)`, '≤ 20 (a third of 60/min)', follow.pollsInFirstMinute <= 20);
  } else if (follow) {
    failed('apps', follow);
  }
  return rows;
}

function describeRoutes(byRoute = {}) {
  const parts = Object.entries(byRoute).map(([route, count]) => `${route}×${count}`);
  return parts.length ? `(${parts.join(', ')})` : '';
}

const operationsOf = (cells) => [...new Set(cells.map((cell) => cell.operation))];
const rps = (cells, operation, mode, client) => cells.find((cell) => cell.operation === operation && cell.mode === mode && cell.client === client)?.requestsPerSecond ?? NaN;

export function printTable(rows, columns) {
  const widths = columns.map(({ key, title }) => Math.max(title.length, ...rows.map((row) => String(row[key] ?? '').length)));
  const line = (cells) => cells.map((cell, index) => String(cell ?? '').padEnd(widths[index])).join('  ').trimEnd();
  console.log(line(columns.map(({ title }) => title)));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(columns.map(({ key }) => row[key])));
}

export function printTargets(rows) {
  const shown = rows.map((row) => ({ ...row, met: row.met === null ? '' : row.met ? 'yes' : 'NO' }));
  printTable(shown, [
    { key: 'section', title: 'section' },
    { key: 'metric', title: 'metric' },
    { key: 'value', title: 'value' },
    { key: 'target', title: 'target' },
    { key: 'met', title: 'met?' },
  ]);
}

export function printThroughput(run) {
  console.log(`\nAPI client on loopback, Node ${run.node}: client and fake API in separate processes; bursts of ${run.burstRequests} requests, clients in turn; req/s is the median burst`);
  printTable(run.cells, [
    { key: 'operation', title: 'operation' },
    { key: 'mode', title: 'mode' },
    { key: 'client', title: 'client' },
    { key: 'p50Ms', title: 'p50 ms' },
    { key: 'p99Ms', title: 'p99 ms' },
    { key: 'requestsPerSecond', title: 'req/s' },
    { key: 'clientCpuUsPerRequest', title: 'client CPU µs/req' },
  ]);
}

export function printBundleInputs(bundle) {
  console.log(`\nwhat the bundles are made of, from ${bundle.metafileSource}:`);
  if (!bundle.metafileMatchesShipped) console.log('  (approximate: this metafile describes a bundle of another size than the one shipped)');
  console.log(`by package: ${Object.entries(bundle.byPackage).map(([name, bytes]) => `${name} ${kib(bytes)}`).join(', ')}`);
  console.log('largest inputs:');
  for (const { path, bytes } of bundle.topInputs) console.log(`  ${kib(bytes).padStart(10)}  ${path}`);
  if (bundle.vsixLargestFiles) {
    console.log(`\nlargest of the ${bundle.vsixFileCount} files in the .vsix (before compression):`);
    for (const { path, bytes } of bundle.vsixLargestFiles) console.log(`  ${kib(bytes).padStart(10)}  ${path}`);
  }
}
