import type { SuiteReport } from '../runner/run-suite.ts';

/**
 * The text report: failures with what was sent and answered, then the differences between
 * profiles, then one summary line. Passing checks are counted, not listed.
 */
export function textReport(report: SuiteReport): string {
  const lines = [`odatakit conformance: ${report.target} (profile ${report.profile})`, ''];
  const failed = report.checks.filter((check) => check.status === 'fail');
  for (const check of failed) {
    lines.push(`FAIL ${check.severity.padEnd(6)} ${check.id}  ${check.operation}`, `  ${check.title}`, ...indent(check.message), '');
  }
  const differences = report.checks.filter((check) => check.status === 'pass' && check.message.startsWith('difference'));
  if (differences.length > 0) {
    lines.push('Differences between profiles (not failures):');
    for (const check of differences) lines.push(`  ${check.id}  ${check.operation}: ${check.message.replace(/^difference: /, '')}`);
    lines.push('');
  }
  const must = failed.filter((check) => check.severity === 'MUST').length;
  const { passed, skipped } = report.summary;
  lines.push(
    `${passed} passed, ${failed.length} failed (${must} MUST), ${skipped} skipped; ${report.checks.length} checks, ${report.stats.requests} requests, ${(report.stats.ms / 1000).toFixed(2)} s`,
  );
  return `${lines.join('\n')}\n`;
}

function indent(message: string): string[] {
  return message.split('\n').map((line) => `  ${line.replace(/^ {2}/, '')}`);
}
