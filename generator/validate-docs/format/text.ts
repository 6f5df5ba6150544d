/**
 * `--format text` (the default): one `file:line:col severity code message` line per finding,
 * through the one diagnostics formatter of the CLI, then a summary.
 */
import { formatDiagnostic, summarizeDiagnostics } from '../../cli/print-diagnostics.ts';
import type { DocsReport } from './json.ts';

export function formatText(report: DocsReport, color = false): string {
  const lines = report.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, color));
  const pages = `${report.files} page${report.files === 1 ? '' : 's'} checked`;
  lines.push(`${pages}: ${summarizeDiagnostics(report.diagnostics)}`);
  return `${lines.join('\n')}\n`;
}
