import type { SourcePosition } from '../model/types.ts';
import type { DiagnosticCode } from './codes.ts';
import { createDiagnostic, type Diagnostic, type DiagnosticArgs } from './diagnostic.ts';

/** Collects diagnostics during a run; stages report, only the CLI prints. */
export class DiagnosticCollector {
  readonly items: Diagnostic[] = [];

  report(code: DiagnosticCode, at: SourcePosition, args?: DiagnosticArgs, related?: SourcePosition[]): void {
    this.items.push(createDiagnostic(code, at, args, related));
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** Sorted by file, line, column, code: stable output whatever the reporting order. */
  sorted(): Diagnostic[] {
    return [...this.items].sort(compareDiagnostics);
  }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
