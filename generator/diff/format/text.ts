import { SEVERITIES, type Change, type ChangePosition, type DiffReport } from '../change.ts';

/**
 * The terminal report: a summary line, then the changes grouped by severity, one per line:
 * `target  message  [kind]  old-file:line -> new-file:line`.
 */
export function formatText(report: DiffReport): string {
  const { summary } = report;
  const lines = [
    `${summary.breaking} breaking, ${summary.dangerous} dangerous, ${summary.safe} safe, ${summary.docs} docs; semver: ${report.semver}`,
  ];
  if (report.changes.length === 0) lines.push('No changes.');
  for (const severity of SEVERITIES) {
    const changes = report.changes.filter((change) => change.severity === severity);
    if (changes.length === 0) continue;
    lines.push('', `${severity} (${changes.length}):`);
    for (const change of changes) lines.push(`  ${change.target}  ${oneLine(change.message)}  [${change.kind}]${where(change)}`);
  }
  return `${lines.join('\n')}\n`;
}

function at(position: ChangePosition): string {
  return `${position.file}:${position.line}`;
}

function where(change: Change): string {
  if (change.old && change.new) return `  ${at(change.old)} -> ${at(change.new)}`;
  if (change.old) return `  ${at(change.old)} (old)`;
  if (change.new) return `  ${at(change.new)} (new)`;
  return '';
}

/** Names come from the schema: keep each change on its line whatever they contain. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
