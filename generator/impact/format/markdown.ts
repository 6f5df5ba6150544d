import type { ImpactReport } from '../finding.ts';

/**
 * `--impact --format markdown`: a pull-request comment. A table of the changes the project
 * uses (severity, target, kind, findings), then the findings grouped by file. It keeps
 * under GitHub's 65,536-character limit by cutting the findings list and saying so.
 */
const LIMIT = 60_000;

export function formatImpactMarkdown(report: ImpactReport): string {
  const { breaking, dangerous } = report.summary;
  const head = [
    '## Schema change impact',
    '',
    `**${report.findings.length}** place${report.findings.length === 1 ? '' : 's'} in ${report.files} file${report.files === 1 ? '' : 's'} use ${report.changes.length} changed element${report.changes.length === 1 ? '' : 's'} ` +
      `(${breaking} breaking, ${dangerous} dangerous). ${report.unused} other breaking or dangerous change${report.unused === 1 ? '' : 's'} ${report.unused === 1 ? 'is' : 'are'} not used.`,
  ];
  if (report.changes.length === 0) return `${head.join('\n')}\n`;
  const table = [
    '',
    '| Severity | Target | Change | Places |',
    '| --- | --- | --- | --- |',
    ...report.changes.map(({ change, findings }) => `| ${change.severity} | ${code(change.target)} | ${cell(change.message)} (${code(change.kind)}) | ${findings} |`),
    '',
    '### Places',
  ];
  const lines = [...head, ...table];
  let length = lines.join('\n').length;
  let file = '';
  let shown = 0;
  for (const finding of report.findings) {
    const entry = [
      ...(finding.file !== file ? ['', `**${escape(finding.file)}**`, ''] : []),
      `- line ${finding.line}, column ${finding.column}: ${cell(finding.why)} (${finding.change.severity}, ${code(finding.change.kind)})`,
    ];
    const size = entry.join('\n').length + 1;
    if (length + size > LIMIT) break;
    lines.push(...entry);
    length += size;
    file = finding.file;
    shown++;
  }
  if (shown < report.findings.length) lines.push('', `_${report.findings.length - shown} more place(s) left out to fit a comment; run with --format text for all._`);
  return `${lines.join('\n')}\n`;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function cell(text: string): string {
  return escape(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function escape(text: string): string {
  return text.replace(/[<>]/g, (character) => (character === '<' ? '&lt;' : '&gt;'));
}
