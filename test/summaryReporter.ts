/**
 * Mocha reporter shared by the unit suite (plain Node) and the integration suite (inside VS Code):
 * prints exactly like `spec`, then, when SCALINGO_TEST_SUMMARY names a file, writes the counts there
 * as JSON so `npm test` can total the suites without parsing terminal output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Mocha from 'mocha';

interface SummaryFailure {
  readonly title: string;
  readonly error: string;
}

const { EVENT_TEST_FAIL, EVENT_RUN_END } = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const failures: SummaryFailure[] = [];
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, err: unknown) => {
      failures.push({ title: test.fullTitle(), error: err instanceof Error ? err.message : String(err) });
    });
    // Registered after Spec's own listener, so the file is written once the epilogue is printed.
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.SCALINGO_TEST_SUMMARY;
      if (!file) return;
      const summary = {
        suite: process.env.SCALINGO_TEST_SUITE || 'tests',
        passed: this.stats.passes,
        failed: this.stats.failures,
        pending: this.stats.pending,
        failures,
      };
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
    });
  }
}

// Mocha loads a reporter given by path with require() and expects the constructor itself as the
// module's export (`export default` would hand it an object); tsc forbids `export =` under ESNext.
module.exports = SummaryReporter;
