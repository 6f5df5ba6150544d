import type { SourcePosition } from '../model/types.ts';
import { DIAGNOSTICS, type DiagnosticCode, type Severity } from './codes.ts';

/** One finding, with the place in the input it is about. */
export interface Diagnostic extends SourcePosition {
  code: DiagnosticCode | (string & {});
  severity: Severity;
  message: string;
  /** Other places involved (e.g. the CSDL side of a docs/CSDL conflict). */
  related?: SourcePosition[];
}

export type DiagnosticArgs = Record<string, string | number>;

/** Fills a code's message template. Unknown placeholders stay visible rather than vanish. */
export function formatMessage(code: DiagnosticCode, args: DiagnosticArgs = {}): string {
  return DIAGNOSTICS[code].message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in args ? String(args[name]) : whole,
  );
}

export function createDiagnostic(
  code: DiagnosticCode,
  at: SourcePosition,
  args: DiagnosticArgs = {},
  related?: SourcePosition[],
): Diagnostic {
  const diagnostic: Diagnostic = {
    file: at.file,
    line: at.line,
    column: at.column,
    code,
    severity: DIAGNOSTICS[code].severity,
    message: formatMessage(code, args),
  };
  if (related?.length) diagnostic.related = related;
  return diagnostic;
}

/** `file:line:col` for messages. */
export function formatPosition(at: SourcePosition): string {
  return `${at.file}:${at.line}:${at.column}`;
}
