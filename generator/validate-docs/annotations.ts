/**
 * Request and response examples pair up, as ApiDoctor pairs them: a response names the
 * request it answers (`"name"`, one or several), else it answers the nearest request before
 * it that has no response yet. Malformed annotation JSON and unknown block types are
 * reported by the page reader (docs/malformed-annotation, docs/unknown-block-type) and kept.
 */
import type { DocAnnotation, DocCodeBlock, DocPage } from '../graph-docs/types.ts';
import { blockTypeOf, type CheckContext } from './context.ts';

export interface ExampleBlock {
  annotation: DocAnnotation;
  code: DocCodeBlock;
  /** The annotation's first name, or a description for messages. */
  label: string;
}

export interface ExamplePair {
  request?: ExampleBlock;
  response?: ExampleBlock;
}

/** Pairs the page's examples, reporting requests without responses and the reverse. */
export function pairExamples(page: DocPage, context: CheckContext): ExamplePair[] {
  const requests: ExampleBlock[] = [];
  const pairs: ExamplePair[] = [];
  const answered = new Set<ExampleBlock>();
  for (const code of page.codeBlocks) {
    const annotation = code.annotation === undefined ? undefined : page.annotations[code.annotation];
    const blockType = blockTypeOf(annotation);
    if (!annotation || (blockType !== 'request' && blockType !== 'response')) continue;
    const block: ExampleBlock = { annotation, code, label: labelOf(annotation, blockType) };
    if (blockType === 'request') {
      reportDuplicateName(requests, block, context);
      requests.push(block);
      continue;
    }
    const targets = answeredRequests(block, requests, answered);
    if (targets.length === 0) {
      context.findings.report('validate/unpaired-response', annotation.source, { name: block.label });
      pairs.push({ response: block });
    }
    for (const request of targets) {
      answered.add(request);
      pairs.push({ request, response: block });
    }
  }
  for (const request of requests) {
    if (answered.has(request)) continue;
    context.findings.report('validate/unpaired-request', request.annotation.source, { name: request.label });
    pairs.push({ request });
  }
  return pairs.sort((a, b) => lineOf(a) - lineOf(b));
}

function answeredRequests(response: ExampleBlock, requests: ExampleBlock[], answered: Set<ExampleBlock>): ExampleBlock[] {
  const names = response.annotation.name ?? [];
  const named = requests.filter((request) => request.annotation.name?.some((name) => names.includes(name)));
  if (named.length > 0) return named;
  const previous = [...requests].reverse().find((request) => !answered.has(request));
  return previous ? [previous] : [];
}

function reportDuplicateName(requests: ExampleBlock[], block: ExampleBlock, context: CheckContext): void {
  const name = block.annotation.name?.[0];
  if (name === undefined || !requests.some((request) => request.annotation.name?.includes(name))) return;
  context.findings.report('validate/duplicate-example-name', block.annotation.fieldSources.name ?? block.annotation.source, { kind: 'request', name });
}

function labelOf(annotation: DocAnnotation, blockType: string): string {
  const name = annotation.name?.[0];
  return name === undefined ? `(unnamed ${blockType})` : `"${name}"`;
}

function lineOf(pair: ExamplePair): number {
  return (pair.request ?? pair.response)!.annotation.source.line;
}
