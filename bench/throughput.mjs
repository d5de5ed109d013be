// API client throughput and latency on loopback: the same calls through three clients, interleaved
// burst by burst (the order rotating each round) so that machine noise falls on all three alike.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ours, rawUndici, scalingoJs, scalingoJsVersion } from './clients.mjs';
import { startFakeApi } from './fakeProcess.mjs';
import { percentile, round } from './stats.mjs';

/** 1,000 HTTP requests per cell (a client, an operation, a mode): 18,000 in all, a few seconds. */
const OPERATIONS = [
  // The default seed's list holds 2 damaged items among 6: the extension's client leaves them out
  // (the tree shows them from listIntegrationEntries), the raw clients return all.
  { name: 'list integrations', calls: 1000, requestsPerCall: 1, expected: { ours: 4, others: 6 }, run: (client) => client.listIntegrations() },
  { name: 'list 500 organizations', calls: 200, requestsPerCall: 5, expected: 500, run: (client, fake) => client.listOrganizations(fake.integrationId) },
  { name: 'search 100 repositories', calls: 1000, requestsPerCall: 1, expected: 100, run: (client, fake) => client.searchRepositories(fake.integrationId, fake.owner) },
];
const MODES = [
  { name: 'sequential', concurrency: 1 },
  { name: 'concurrency 4', concurrency: 4 },
];
/** HTTP requests one client makes before the next takes its turn (at least 4 calls, for concurrency 4). */
const BURST_REQUESTS = 20;
const burstCalls = (operation) => Math.max(4, Math.round(BURST_REQUESTS / operation.requestsPerCall));
/** Before any cell, so that the JIT has compiled every client's hot paths before the first one is timed. */
const WARM_UP_BURSTS = 5;

/** `count` calls of `work`, at most `concurrency` at a time. */
async function pool(concurrency, count, work) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      await work();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function burst(client, operation, fake, concurrency, cell) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const calls = burstCalls(operation);
  await pool(concurrency, calls, async () => {
    const callStarted = performance.now();
    const items = await operation.run(client, fake);
    cell?.latencies.push(performance.now() - callStarted);
    const expected = typeof operation.expected === 'number' ? operation.expected : (operation.expected[client.name] ?? operation.expected.others);
    if (items.length !== expected) throw new Error(`${client.name}, ${operation.name}: ${items.length} items, expected ${expected}`);
  });
  if (!cell) return;
  cell.burstRates.push((calls * operation.requestsPerCall * 1000) / (performance.now() - started));
  const used = process.cpuUsage(cpu);
  cell.cpuUs += used.user + used.system;
}

export async function measureThroughput(log = () => undefined) {
  const fake = await startFakeApi('throughput');
  const clients = [];
  const setupErrors = {};
  try {
    for (const make of [ours, rawUndici, scalingoJs]) {
      try {
        clients.push(await make(fake.url));
      } catch (error) {
        setupErrors[make.name] = String(error?.message ?? error);
      }
    }
    for (const operation of OPERATIONS) {
      for (let turn = 0; turn < WARM_UP_BURSTS; turn++) {
        for (const client of clients) await burst(client, operation, fake, 4, undefined);
      }
    }
    const cells = [];
    for (const operation of OPERATIONS) {
      for (const mode of MODES) {
        const byClient = new Map(clients.map((client) => [client, { latencies: [], burstRates: [], cpuUs: 0 }]));
        const turns = Math.ceil(operation.calls / burstCalls(operation));
        for (let turn = 0; turn < turns; turn++) {
          const order = clients.map((_, index) => clients[(index + turn) % clients.length]);
          for (const client of order) await burst(client, operation, fake, mode.concurrency, byClient.get(client));
        }
        for (const [client, cell] of byClient) {
          const calls = cell.latencies.length;
          const requests = calls * operation.requestsPerCall;
          cells.push({
            operation: operation.name,
            mode: mode.name,
            client: client.name,
            calls,
            requests,
            p50Ms: round(percentile(cell.latencies, 50), 2),
            p99Ms: round(percentile(cell.latencies, 99), 2),
            // The median burst: a burst that another process on the machine slowed down counts as one.
            requestsPerSecond: round(percentile(cell.burstRates, 50), 0),
            clientCpuUsPerRequest: round(cell.cpuUs / requests, 0),
          });
        }
        log(`  ${operation.name}, ${mode.name}: done`);
      }
    }
    return { server: 'fake Scalingo API in its own Node process, 127.0.0.1', node: process.version, burstRequests: BURST_REQUESTS, scalingoJs: scalingoJsVersion(), setupErrors, cells };
  } finally {
    for (const client of clients) await client.close();
    await fake.stop();
  }
}

// `node bench/throughput.mjs` prints the figures as JSON: run.mjs runs it under each Node it compares.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(JSON.stringify(await measureThroughput((line) => process.stderr.write(`${line}\n`))));
}
