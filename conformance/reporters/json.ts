import type { SuiteReport } from '../runner/run-suite.ts';

/**
 * The JSON report: `{ target, profile, checks: [{ id, operation, severity, status, message }],
 * summary: { passed, failed, skipped } }`, in plan order, LF-terminated.
 */
export function jsonReport(report: SuiteReport): string {
  const document = {
    target: report.target,
    profile: report.profile,
    checks: report.checks.map(({ id, operation, severity, status, message }) => ({ id, operation, severity, status, message })),
    summary: report.summary,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
