import { describe, expect, it } from 'vitest';
import { CORPUS_SKIP_REASON, corpusAvailable } from '../generator/testing/corpus.ts';
import { describeRun, graphModel, runGraphSuite } from './graph-suite.ts';
import type { Profile } from './profiles.ts';

/**
 * The end-to-end test over Graph v1.0 (10,792 operations) for one profile: the reference
 * handlers pass every check that can be made. Each profile has its own test file, so that vitest
 * can run them side by side.
 */
export function graphSuiteTest(profile: Profile): void {
  describe.skipIf(!corpusAvailable)(`the suite over all of Graph v1.0, ${profile} profile${CORPUS_SKIP_REASON}`, () => {
    it('the reference handlers pass every check that can be made', async (context) => {
      const model = graphModel();
      const report = await runGraphSuite(profile, model);
      await context.annotate(describeRun(report, model.operations.length));
      const failed = report.checks.filter((check) => check.status === 'fail');
      expect(failed.slice(0, 5).map((check) => `${check.id} ${check.operation}\n${check.message}`)).toEqual([]);
      expect(new Set(report.checks.map((check) => check.operation.replace(/^\w+ /, '')))).toContain('/users/{id}/messages/{id2}');
      expect(report.checks.length).toBeGreaterThan(profile === 'lenient' ? 100_000 : 120_000);
      // Skips have a reason the model gives (a type with nothing to change, an abstract type with no concrete one...).
      expect(report.summary.skipped / report.checks.length).toBeLessThan(0.05);
      expect(report.checks.filter((check) => check.message.startsWith('not reached'))).toEqual([]);
    }, 600_000);
  });
}

