/**
 * Suppressions declared in a page's annotations, as ApiDoctor reads them: a `suppressions`
 * array in the page annotation (`"type": "#page.annotation"`) applies to the whole page; in
 * a block annotation, to that block (from the comment to the closing fence). Entries are
 * ApiDoctor's strings, `"Error: /api-reference/v1.0/api/x.md:\r\n  <Code>: <message>"`, or
 * shorter: `"<code>"`, `"<code>: <message>"`, or a message alone. A code matches ours
 * exactly; a message matches when the finding's message contains it. ApiDoctor's own codes
 * (BookmarkMissing...) name none of ours, so they stay inert.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DiagnosticCollector } from '../diagnostics/collector.ts';
import type { DocAnnotation, DocPage } from '../graph-docs/types.ts';
import { lineStarts } from '../graph-docs/text-span.ts';

export interface Suppression {
  code?: string;
  message?: string;
  file: string;
  /** Lines the suppression covers; the whole file when absent. */
  lines?: [number, number];
}

export function collectSuppressions(page: DocPage, findings: DiagnosticCollector): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const annotation of page.annotations) {
    if (annotation.extra.suppressions === undefined) continue;
    const entries = annotation.extra.suppressions;
    const at = annotation.fieldSources.suppressions ?? annotation.source;
    if (!Array.isArray(entries) || !entries.every((entry) => typeof entry === 'string')) {
      findings.report('validate/invalid-suppression', at, { reason: 'this value is ignored' });
      continue;
    }
    const lines = scopeOf(page, annotation);
    for (const entry of entries as string[]) {
      const parsed = parseEntry(entry);
      if (!parsed) continue;
      suppressions.push(lines ? { ...parsed, file: page.file, lines } : { ...parsed, file: page.file });
    }
  }
  return suppressions;
}

/** A block annotation covers its comment and the code block it annotates. */
function scopeOf(page: DocPage, annotation: DocAnnotation): [number, number] | undefined {
  if (annotation.kind === 'page' || annotation.codeBlock === undefined) return undefined;
  const code = page.codeBlocks[annotation.codeBlock]!;
  const end = code.span.line + lineStarts(code.span.text).length;
  return [annotation.source.line, end];
}

/** Strips ApiDoctor's `Severity: path:` prefix, then reads `code: message` or a message. */
export function parseEntry(entry: string): Pick<Suppression, 'code' | 'message'> | undefined {
  let text = entry.replace(/\r\n?/g, '\n').trim().replace(/^(?:error|warning|message)\s*:\s*/i, '');
  const file = /^(\/\S*?|\S+?\.md)\s*:\s*/i.exec(text);
  if (file) text = text.slice(file[0].length);
  const coded = /^([a-z]+\/[a-z][a-z-]*)(?:\s*:\s*([\s\S]*))?$/.exec(text);
  if (coded) {
    const message = normalize(coded[2] ?? '');
    return message ? { code: coded[1]!, message } : { code: coded[1]! };
  }
  const message = normalize(text);
  return message ? { message } : undefined;
}

/** Findings no suppression covers. */
export function applySuppressions(diagnostics: Diagnostic[], suppressions: Suppression[]): Diagnostic[] {
  if (suppressions.length === 0) return diagnostics;
  return diagnostics.filter((diagnostic) => !suppressions.some((suppression) => covers(suppression, diagnostic)));
}

function covers(suppression: Suppression, diagnostic: Diagnostic): boolean {
  if (suppression.file !== diagnostic.file) return false;
  if (suppression.lines && (diagnostic.line < suppression.lines[0] || diagnostic.line > suppression.lines[1])) return false;
  if (suppression.code !== undefined && suppression.code !== diagnostic.code) return false;
  return suppression.message === undefined || normalize(diagnostic.message).includes(suppression.message);
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
