/**
 * Runs the fake API on its own, for the demo (test/demo/demoApi.ts reads the first two lines) or
 * to poke at it with curl:
 *   node out/test/fakeApi/main.js [--port N] [--seed empty|default|demo]
 * Prints the URL and the API token to sign in with, then one line per request; stops on Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { FakeScalingoApi } from './server';

/** Not the tests' token: a demo left running is never mistaken for a test server. */
const DEMO_API_TOKEN = 'tk-us-demo-0000-0000';
const SEEDS = ['empty', 'default', 'demo'] as const;
type NamedSeed = (typeof SEEDS)[number];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      seed: { type: 'string', default: 'demo' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0…65535, not ${values.port}`);
  if (!isNamedSeed(values.seed)) throw new Error(`--seed must be one of ${SEEDS.join(', ')}, not ${values.seed}`);

  const api = await FakeScalingoApi.start({
    port,
    seed: values.seed,
    apiTokens: [DEMO_API_TOKEN],
    // A person watching the demo sees each status for a moment: about 6 s a deployment.
    deploymentStepMs: 1500,
    // Method, path and status only: headers and bodies carry tokens.
    onRequest: (request) => console.log(`${request.method} ${request.path} → ${request.status || 'no answer'}`),
  });
  console.log(`fake Scalingo API (${values.seed} data) on ${api.url}`);
  console.log(`API token: ${api.apiToken}`);
  for (const region of api.state.regional.regions) console.log(`region ${region.name} on ${api.regionUrl(region.name)}`);

  const stop = (): void => {
    void api.close().then(() => console.log('stopped'));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function isNamedSeed(value: string | undefined): value is NamedSeed {
  return (SEEDS as readonly (string | undefined)[]).includes(value);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
