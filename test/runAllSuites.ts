/**
 * `npm test`: runs the unit suite (plain Node) and the integration suite (inside a real VS Code),
 * always both, then totals them in one closing line `N passed, N failed` that CI reads.
 * A suite that dies before reporting counts as one failure, so "no tests ran" cannot look green.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { offlineHostInstalled } from './host/hostInstall';

interface SuiteSummary {
  readonly suite: string;
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
}

const RESULTS = join('out', 'test-results');

function runSuite(name: string, command: string, args: string[]): SuiteSummary {
  const summaryFile = join(RESULTS, `${name}.json`);
  rmSync(summaryFile, { force: true });
  console.log(`\n=== ${name} tests ===`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, SCALINGO_TEST_SUMMARY: summaryFile, SCALINGO_TEST_SUITE: name },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!existsSync(summaryFile)) {
    console.log(`${name}: no summary written (exit ${result.status ?? result.signal}) after ${seconds} s: counted as 1 failure`);
    return { suite: name, passed: 0, failed: 1, pending: 0 };
  }
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as SuiteSummary;
  const failed = summary.failed + (result.status !== 0 && summary.failed === 0 ? 1 : 0);
  console.log(`${name}: ${summary.passed} passed, ${failed} failed, ${summary.pending} pending in ${seconds} s`);
  return { ...summary, failed };
}

/** A check that is one test: it passes when the command exits 0. */
function runCheck(name: string, command: string, args: string[]): SuiteSummary {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const passed = result.status === 0;
  console.log(`${name}: ${passed ? 'passed' : `failed (exit ${result.status ?? result.signal})`}`);
  return { suite: name, passed: passed ? 1 : 0, failed: passed ? 0 : 1, pending: 0 };
}

mkdirSync(RESULTS, { recursive: true });
const suites = [
  runSuite('unit', process.execPath, [require.resolve('mocha/bin/mocha.js'), '--config', 'test/unit/.mocharc.json']),
  runSuite('integration', process.execPath, [join('out', 'test', 'runIntegrationTests.js')]),
  // The packaged .vsix, installed as a user would, must activate (needs the offline host).
  ...(offlineHostInstalled() ? [runCheck('packaged .vsix', process.execPath, [join('out', 'test', 'host', 'checkVsix.js')])] : []),
];
const passed = suites.reduce((sum, suite) => sum + suite.passed, 0);
const failed = suites.reduce((sum, suite) => sum + suite.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
