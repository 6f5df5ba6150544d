/**
 * Annotated JSON examples of the pages, for the docs validator and the conformance kit.
 * `source` is where the body starts (so a position inside the body can be found from it),
 * or the block's first line when there is no body.
 */
import type { DocAnnotation, DocCodeBlock, DocPage } from '../../graph-docs/types.ts';
import type { DocExample, HttpMethod, SourcePosition } from '../types.ts';

const KINDS = new Set<string>(['request', 'response', 'resource', 'example']);
const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export function docExamples(pages: DocPage[]): DocExample[] {
  const examples: DocExample[] = [];
  for (const page of pages) {
    for (const code of page.codeBlocks) {
      const annotation = code.annotation === undefined ? undefined : page.annotations[code.annotation];
      const kind = annotation?.blockType?.toLowerCase();
      if (annotation && kind && KINDS.has(kind)) examples.push(example(kind as DocExample['kind'], annotation, code));
    }
  }
  return examples;
}

function example(kind: DocExample['kind'], annotation: DocAnnotation, code: DocCodeBlock): DocExample {
  const http = code.http;
  const bodySpan = http ? http.body?.span : code.span;
  const result: DocExample = { kind, source: bodySpan ? startOf(bodySpan) : startOf(code.span) };
  if (annotation.name?.length) result.name = annotation.name.join(', ');
  if (annotation.odataType) result.odataType = annotation.odataType;
  if (annotation.isCollection !== undefined) result.isCollection = annotation.isCollection;
  if (annotation.truncated !== undefined) result.truncated = annotation.truncated;
  if (http?.kind === 'request') {
    if (METHODS.has(http.method)) result.method = http.method as HttpMethod;
    result.url = http.query === undefined ? http.path : `${http.path}?${http.query}`;
  }
  if (http?.kind === 'response') result.status = http.status;
  if (bodySpan && bodySpan.text.trim() !== '') result.body = bodySpan.text;
  return result;
}

function startOf(span: { file: string; line: number; columns: number[] }): SourcePosition {
  return { file: span.file, line: span.line, column: span.columns[0] ?? 1 };
}
