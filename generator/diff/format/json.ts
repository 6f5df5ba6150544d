import type { Change, DiffReport } from '../change.ts';

/**
 * The machine-readable report, in exactly the documented shape:
 * `{ changes: [{ kind, severity, target, message, old, new }], summary, semver }`.
 * In-memory extras (the compared values) are left out.
 */
export function formatJson(report: DiffReport): string {
  const changes = report.changes.map((change: Change) => ({
    kind: change.kind,
    severity: change.severity,
    target: change.target,
    message: change.message,
    old: change.old,
    new: change.new,
  }));
  const { breaking, dangerous, safe, docs } = report.summary;
  return `${JSON.stringify({ changes, summary: { breaking, dangerous, safe, docs }, semver: report.semver }, null, 2)}\n`;
}
