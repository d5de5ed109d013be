/**
 * `node out/test/fakeApi/main.js [--port N] [--seed demo|default|empty]`: the fake Scalingo API on
 * its own, for trying the extension by hand. Prints the URL and the API token it accepts.
 */
import { FakeScalingoApi } from './server';

export const DEMO_API_TOKEN = 'tk-us-demo-0000-0000';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const seed = (option('seed') ?? 'demo') as 'demo' | 'default' | 'empty';
  const api = await FakeScalingoApi.start({ seed, port: Number(option('port') ?? 0), apiTokens: [DEMO_API_TOKEN] });
  console.log(`fake Scalingo API (${seed} data) on ${api.url}`);
  console.log(`API token: ${DEMO_API_TOKEN}`);
  const stop = () => void api.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
