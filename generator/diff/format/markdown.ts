import { SEVERITIES, type Change, type DiffReport, type Severity } from '../change.ts';

/**
 * A pull-request comment: a summary table, then one collapsible section per severity
 * (breaking open). Kept under GitHub's comment limit (65,536 characters): when the changes
 * do not fit, each section says how many rows it left out.
 */
export interface MarkdownOptions {
  /** Characters the whole comment may take. */
  budget?: number;
}

const DEFAULT_BUDGET = 60_000;

const TITLES: Record<Severity, string> = {
  breaking: 'Breaking',
  dangerous: 'Dangerous',
  safe: 'Safe',
  docs: 'Docs',
};

const MEANINGS: Record<Severity, string> = {
  breaking: 'clients of the generated code must change',
  dangerous: 'may break some clients (e.g. exhaustive switches)',
  safe: 'additions; existing clients keep working',
  docs: 'descriptions only',
};

export function formatMarkdown(report: DiffReport, options: MarkdownOptions = {}): string {
  const head = [
    `### Schema diff: semver **${report.semver}**`,
    '',
    '| Severity | Changes | Meaning |',
    '| --- | ---: | --- |',
    ...SEVERITIES.map((severity) => `| ${TITLES[severity]} | ${report.summary[severity]} | ${MEANINGS[severity]} |`),
    '',
  ].join('\n');
  if (report.changes.length === 0) return `${head}\nNo changes.\n`;
  const groups = SEVERITIES.map((severity) => ({
    severity,
    rows: report.changes.filter((change) => change.severity === severity).map(row),
  })).filter((group) => group.rows.length > 0);
  const shares = share((options.budget ?? DEFAULT_BUDGET) - head.length, groups.map((group) => FRAME + size(group.rows)));
  const sections = groups.map((group, index) => renderSection(group.severity, group.rows, shares[index]!));
  return `${head}\n${sections.join('\n')}`;
}

/** Room kept for a section's frame and its "left out" note. */
const FRAME = 400;

function row(change: Change): string {
  return `| ${code(change.target)} | ${cell(change.message)} | ${change.kind} |`;
}

function size(rows: string[]): number {
  return rows.reduce((total, line) => total + line.length + 1, 0);
}

/**
 * Splits the budget so that small sections show in full and large ones share the rest
 * evenly (water-filling): a long list of safe additions cannot crowd out the others.
 */
function share(budget: number, needs: number[]): number[] {
  const shares = needs.map(() => 0);
  let remaining = budget;
  const order = needs.map((need, index) => ({ need, index })).sort((a, b) => a.need - b.need);
  order.forEach(({ need, index }, position) => {
    shares[index] = Math.min(need, Math.floor(remaining / (order.length - position)));
    remaining -= shares[index]!;
  });
  return shares;
}

function renderSection(severity: Severity, allRows: string[], budget: number): string {
  const open = severity === 'breaking' ? ' open' : '';
  const rows: string[] = [];
  let used = FRAME;
  for (const line of allRows) {
    if (used + line.length + 1 > budget) break;
    rows.push(line);
    used += line.length + 1;
  }
  const omitted = allRows.length - rows.length;
  const lines = [`<details${open}>`, `<summary><b>${TITLES[severity]} (${allRows.length})</b></summary>`, ''];
  if (rows.length > 0) lines.push('| Target | Change | Kind |', '| --- | --- | --- |', ...rows, '');
  if (omitted > 0) lines.push(`${omitted} more left out to fit a comment; run \`odatakit diff --format json\` for all.`, '');
  lines.push('</details>', '');
  return lines.join('\n');
}
/** Table-cell text: schema names are untrusted, so no markup, pipes or line breaks get through. */
function cell(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1');
}

/** A code span that survives backticks and pipes in the text (GFM escapes pipes even in code). */
function code(text: string): string {
  const clean = text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\|/g, '\\|');
  const fence = clean.includes('`') ? '``' : '`';
  return `${fence}${fence === '``' ? ' ' : ''}${clean}${fence === '``' ? ' ' : ''}${fence}`;
}
