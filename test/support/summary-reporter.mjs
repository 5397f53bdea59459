// Writes the unit tests' totals as JSON for .ci/run, which prints one "N passed, N failed" line
// for all suites (WTR's own closing line is a progress bar that CI cannot read).
import { writeFileSync } from 'node:fs';

/**
 * @param {string | undefined} file where to write `{ passed, failed, skipped }`; nothing when unset
 */
export function summaryReporter(file) {
  return {
    /** @param {{ sessions: import('@web/test-runner').TestSession[] }} run */
    onTestRunFinished({ sessions }) {
      if (!file) return;
      const totals = { passed: 0, failed: 0, skipped: 0 };
      /** @param {import('@web/test-runner').TestSuiteResult} suite */
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) totals.skipped++;
          else if (test.passed) totals.passed++;
          else totals.failed++;
        }
        for (const child of suite.suites) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load has no results: count it as one failure, never as zero.
        else if (!session.passed) totals.failed++;
        if (session.testResults && !session.passed && session.errors?.length) totals.failed++;
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
