/**
 * `--format json`: `{ "files": number, "diagnostics": [ { file, line, column, code, severity,
 * message } ] }`, the shape a baseline is read from. Exactly those fields, in that order,
 * LF line ends, so that the output diffs cleanly and stays a stable contract.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';

export interface DocsReport {
  /** How many pages were checked. */
  files: number;
  /** Findings, sorted, with paths as they should be shown. */
  diagnostics: Diagnostic[];
}

export function formatJson(report: DocsReport): string {
  const diagnostics = report.diagnostics.map(({ file, line, column, code, severity, message }) => ({ file, line, column, code, severity, message }));
  return `${JSON.stringify({ files: report.files, diagnostics }, null, 2)}\n`;
}
