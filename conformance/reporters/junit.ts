import type { SuiteReport } from '../runner/run-suite.ts';

/**
 * JUnit XML for CI: one test suite per operation, one test case per check. A failed check is a
 * `<failure>` (type = severity); a skipped one `<skipped>`.
 */
export function junitReport(report: SuiteReport): string {
  const byOperation = new Map<string, SuiteReport['checks']>();
  for (const check of report.checks) {
    const list = byOperation.get(check.operation) ?? [];
    list.push(check);
    byOperation.set(check.operation, list);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attribute(`odatakit conformance (${report.profile}): ${report.target}`)}" tests="${report.checks.length}" failures="${report.summary.failed}" skipped="${report.summary.skipped}">`,
  ];
  for (const [operation, checks] of byOperation) {
    const failures = checks.filter((check) => check.status === 'fail').length;
    const skipped = checks.filter((check) => check.status === 'skip').length;
    lines.push(`  <testsuite name="${attribute(operation)}" tests="${checks.length}" failures="${failures}" skipped="${skipped}">`);
    for (const check of checks) {
      const open = `    <testcase classname="${attribute(operation)}" name="${attribute(`${check.id} (${check.severity}): ${check.title}`)}"`;
      if (check.status === 'pass') lines.push(`${open} />`);
      else if (check.status === 'skip') lines.push(`${open}>`, `      <skipped message="${attribute(check.message)}" />`, '    </testcase>');
      else {
        const summary = check.message.split('\n')[0] ?? '';
        lines.push(`${open}>`, `      <failure type="${check.severity}" message="${attribute(summary)}">${text(check.message)}</failure>`, '    </testcase>');
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function text(value: string): string {
  // XML 1.0 allows tab, LF, CR and characters from U+0020 on: drop the rest.
  return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
