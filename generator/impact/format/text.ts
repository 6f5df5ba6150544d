import type { ImpactReport } from '../finding.ts';

/**
 * `--impact` as text: a summary line, then one line per finding, `file:line:col`, the
 * severity and kind of the change, its target, and why it matters there.
 */
export function formatImpactText(report: ImpactReport): string {
  const lines = [summaryLine(report)];
  if (report.findings.length > 0) lines.push('');
  for (const finding of report.findings) {
    const { change } = finding;
    lines.push(`${finding.file}:${finding.line}:${finding.column}  ${change.severity}  ${change.target}  [${change.kind}]`);
    lines.push(`  ${finding.why}`);
  }
  return `${lines.join('\n')}\n`;
}

export function summaryLine(report: ImpactReport): string {
  const { breaking, dangerous } = report.summary;
  const changes = report.changes.length;
  return (
    `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} in ${report.files} file${report.files === 1 ? '' : 's'} ` +
    `for ${changes} change${changes === 1 ? '' : 's'} (${breaking} breaking, ${dangerous} dangerous); ` +
    `${report.unused} breaking or dangerous change${report.unused === 1 ? '' : 's'} not used by the project`
  );
}
