import { isAbsolute, relative } from 'node:path';
import pc from 'picocolors';
import { UNUSABLE_INPUT_CODES } from '../diagnostics/codes.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { EXIT } from './exit-codes.ts';

/** The one diagnostics formatter: `file:line:col severity code message`. */
export function formatDiagnostic(diagnostic: Diagnostic, color = false): string {
  const paint = color ? pc : pc.createColors(false);
  const severity =
    diagnostic.severity === 'error'
      ? paint.red('error')
      : diagnostic.severity === 'warning'
        ? paint.yellow('warning')
        : paint.blue('info');
  const related = diagnostic.related?.length
    ? ` (see ${diagnostic.related.map((at) => `${displayPath(at.file)}:${at.line}:${at.column}`).join(', ')})`
    : '';
  return `${paint.dim(`${displayPath(diagnostic.file)}:${diagnostic.line}:${diagnostic.column}`)} ${severity} ${paint.dim(diagnostic.code)} ${diagnostic.message}${related}`;
}

export function printDiagnostics(diagnostics: Diagnostic[], stream: NodeJS.WriteStream = process.stderr): void {
  const color = Boolean(stream.isTTY) && !process.env['NO_COLOR'];
  for (const diagnostic of diagnostics) stream.write(`${formatDiagnostic(diagnostic, color)}\n`);
}

export function summarizeDiagnostics(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** 2 when an input is unusable, 1 when it has errors, 0 otherwise. */
export function exitCodeFor(diagnostics: Diagnostic[]): number {
  if (diagnostics.some((d) => UNUSABLE_INPUT_CODES.has(d.code))) return EXIT.usage;
  return diagnostics.some((d) => d.severity === 'error') ? EXIT.findings : EXIT.ok;
}

/** Paths under the working directory print relative to it, as the user typed them. */
export function displayPath(file: string): string {
  if (!isAbsolute(file)) return file;
  const local = relative(process.cwd(), file);
  return local && !local.startsWith('..') && !isAbsolute(local) ? local : file;
}
