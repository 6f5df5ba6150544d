import type { ImpactReport } from '../finding.ts';

/**
 * `--impact --format json`: `{ findings: [{ file, line, column, use, severity, kind, target,
 * message, why }], changes: [{ kind, severity, target, message, findings }], summary, unused,
 * files }` (docs/diff.md).
 */
export function formatImpactJson(report: ImpactReport): string {
  const findings = report.findings.map((finding) => ({
    file: finding.file,
    line: finding.line,
    column: finding.column,
    use: finding.use,
    severity: finding.change.severity,
    kind: finding.change.kind,
    target: finding.change.target,
    message: finding.change.message,
    why: finding.why,
  }));
  const changes = report.changes.map(({ change, findings: count }) => ({
    kind: change.kind,
    severity: change.severity,
    target: change.target,
    message: change.message,
    findings: count,
  }));
  return `${JSON.stringify({ findings, changes, summary: report.summary, unused: report.unused, files: report.files }, null, 2)}\n`;
}
