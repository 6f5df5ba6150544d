/**
 * Annotation comments and the code blocks they annotate. As in ApiDoctor, an annotation
 * applies to the next code block; only tab headings (`# [HTTP](#tab/http)`) and other,
 * non-annotation comments may sit between them.
 */
import type { DiagnosticCollector } from '../diagnostics/collector.ts';
import { annotationsInHtml, expectsCodeBlock } from './annotations.ts';
import { isRequestLine, isStatusLine, parseHttpRequest, parseHttpResponse, parseJsonSpan } from './http-block.ts';
import { isFenced, nodePosition, type Block, type Code } from './markdown.ts';
import { spanInSource } from './text-span.ts';
import type { DocAnnotation, DocCodeBlock, SectionPath } from './types.ts';

export interface CodeBlockResult {
  annotations: DocAnnotation[];
  codeBlocks: DocCodeBlock[];
}

export function collectCodeBlocks(file: string, sourceLines: string[], blocks: Block[], diagnostics: DiagnosticCollector): CodeBlockResult {
  const result: CodeBlockResult = { annotations: [], codeBlocks: [] };
  let pending: number | undefined;
  const dropPending = () => {
    const annotation = pending === undefined ? undefined : result.annotations[pending];
    if (annotation && expectsCodeBlock(annotation.blockType)) {
      diagnostics.report('docs/orphan-annotation', annotation.source, { blockType: annotation.blockType! });
    }
    pending = undefined;
  };
  for (const block of blocks) {
    if (block.type === 'html') {
      const { node } = block;
      const span = spanInSource(sourceLines, file, node.value, node.position?.start.line ?? 1, node.position?.start.column);
      for (const annotation of annotationsInHtml(span, diagnostics)) {
        dropPending();
        result.annotations.push(annotation);
        if (annotation.kind === 'block') pending = result.annotations.length - 1;
      }
    } else if (block.type === 'code') {
      const annotation = pending === undefined ? undefined : result.annotations[pending];
      const code = codeBlock(file, sourceLines, block.node, block.section, annotation, diagnostics);
      if (code) {
        if (annotation) {
          annotation.codeBlock = result.codeBlocks.length;
          code.annotation = pending;
        }
        result.codeBlocks.push(code);
      }
      pending = undefined;
    } else if (!(block.type === 'heading' && block.tab)) {
      dropPending();
    }
  }
  dropPending();
  return result;
}

function codeBlock(
  file: string,
  sourceLines: string[],
  node: Code,
  section: SectionPath,
  annotation: DocAnnotation | undefined,
  diagnostics: DiagnosticCollector,
): DocCodeBlock | undefined {
  const language = (node.lang ?? '').toLowerCase();
  if (!annotation && language !== 'json' && language !== 'http' && !(language === '' && looksLikeHttp(node.value))) return undefined;
  const fenced = isFenced(sourceLines, node);
  const start = node.position?.start.line ?? 1;
  const span = spanInSource(sourceLines, file, node.value, fenced ? start + 1 : start);
  const code: DocCodeBlock = { language, span, source: nodePosition(file, node), section };
  if (!annotation && isExampleSection(section)) {
    diagnostics.report('docs/unannotated-example', code.source, { language });
  }
  interpret(code, annotation?.blockType?.toLowerCase(), diagnostics);
  return code;
}

/** Reads the content by what the annotation says it is; only annotated blocks report errors. */
function interpret(code: DocCodeBlock, blockType: string | undefined, diagnostics: DiagnosticCollector): void {
  const firstLine = firstLineOf(code.span.text);
  if (blockType === 'request') {
    setHttp(code, parseHttpRequest(code.span, diagnostics, true));
  } else if (blockType === 'response') {
    setHttp(code, parseHttpResponse(code.span, diagnostics, true));
  } else if (code.language === 'http' || isRequestLine(firstLine) || isStatusLine(firstLine)) {
    if (isRequestLine(firstLine)) setHttp(code, parseHttpRequest(code.span, diagnostics, false));
    else if (isStatusLine(firstLine)) setHttp(code, parseHttpResponse(code.span, diagnostics, false));
  } else if (code.language === 'json' || /^[{[]/.test(firstLine)) {
    const report = blockType !== undefined && /^(resource|example|testparams|simulatedresponse)$/.test(blockType);
    code.json = parseJsonSpan(code.span, diagnostics, report);
  }
}

function setHttp(code: DocCodeBlock, http: DocCodeBlock['http']): void {
  if (http) code.http = http;
}

/** Some pages fence HTTP without a language; the first line tells. */
function looksLikeHttp(text: string): boolean {
  const firstLine = firstLineOf(text);
  return isRequestLine(firstLine) || isStatusLine(firstLine);
}

function isExampleSection(section: SectionPath): boolean {
  return section.some((heading) => /\bexamples?\b/i.test(heading));
}

/** The first line of the trimmed text, without splitting a long JSON body into lines. */
function firstLineOf(text: string): string {
  const trimmed = text.trim();
  const end = /\r\n|\n|\r/.exec(trimmed);
  return end ? trimmed.slice(0, end.index) : trimmed;
}
