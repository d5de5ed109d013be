/**
 * Test index loaded by the extension host (`--extensionTestsPath`), the same under
 * @vscode/test-electron with a real VS Code and under the offline code-server host.
 * Runs every compiled `*.test.js` next to this file with mocha and rejects when any fails.
 */
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error';
const TEED: readonly ConsoleMethod[] = ['log', 'info', 'warn', 'error'];

/**
 * In code-server the extension host's console ends up in the browser console and in log files, not
 * in the terminal that ran the tests. When SCALINGO_TEST_OUTPUT names a file, every console line is
 * also appended to it (synchronously, so it is complete when run() settles) and the launcher streams
 * that file to its stdout. Returns the function that puts the console back.
 */
function teeConsoleTo(file: string): () => void {
  // The extension host defines console.log & co. as accessors whose setter ignores assignments, so
  // they are replaced with defineProperty, and the original descriptors are put back afterwards.
  const descriptors = TEED.map((method) => Object.getOwnPropertyDescriptor(console, method));
  for (const method of TEED) {
    const original = console[method];
    const teed = (...args: unknown[]) => {
      appendFileSync(file, `${format(...args)}\n`);
      original.apply(console, args);
    };
    Object.defineProperty(console, method, { value: teed, configurable: true, enumerable: true, writable: true });
  }
  // Mocha's reporters print through Base.consoleLog, a copy of console.log taken when mocha was
  // first required (before this function ran), so point it at the teed console.log as well.
  const reporterLog = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = console.log;
  return () => {
    for (const [index, method] of TEED.entries()) {
      const descriptor = descriptors[index];
      if (descriptor) Object.defineProperty(console, method, descriptor);
    }
    Mocha.reporters.Base.consoleLog = reporterLog;
  };
}

/** Loads every compiled `*.test.js` under this folder and resolves with the number of failures. */
function runMocha(): Promise<number> {
  const mocha = new Mocha({
    ui: 'bdd',
    // Colours would reach the terminal as escape codes through the log file and the browser console.
    color: false,
    // Generous: the first test pays for the extension's activation inside a cold host.
    timeout: 20_000,
    reporter: join(__dirname, '..', 'summaryReporter.js'),
    // A developer's quicker loop (`SCALINGO_TEST_GREP=workspace npm run test:integration`); CI never sets it.
    ...(process.env.SCALINGO_TEST_GREP ? { grep: process.env.SCALINGO_TEST_GREP } : {}),
  });
  const testFiles = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort();
  // An empty run would pass; a build that lost the tests must not look green.
  if (testFiles.length === 0) throw new Error(`no *.test.js under ${__dirname}`);
  for (const file of testFiles) mocha.addFile(join(__dirname, file));
  return new Promise((resolve) => mocha.run(resolve));
}

export async function run(): Promise<void> {
  const outputFile = process.env.SCALINGO_TEST_OUTPUT;
  const restoreConsole = outputFile ? teeConsoleTo(outputFile) : () => undefined;
  let failures: number;
  try {
    failures = await runMocha();
  } catch (error) {
    // A test file that cannot load (missing module, top-level throw) stops the run before mocha
    // reports anything, and the host logs a rejected run() only where the terminal does not see it.
    // The head of the stack says which file and why; the rest is VS Code's module loader.
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`integration tests could not run: ${stack.split('\n').slice(0, 15).join('\n')}`);
    throw error;
  } finally {
    restoreConsole();
  }
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
