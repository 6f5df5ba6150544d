/**
 * JSON bodies parse (RFC 8259): a syntax error is reported at its line and column in the
 * markdown page. A trailing comma is reported at the comma, where the fix is, rather than
 * at the bracket after it, where a parser notices. Duplicate member names are legal JSON
 * but ambiguous (RFC 8259, section 4: "names within an object SHOULD be unique").
 */
import { spanPosition } from '../graph-docs/text-span.ts';
import type { DocCodeBlock, DocJson, DocPage } from '../graph-docs/types.ts';
import { blockTypeOf, type CheckContext } from './context.ts';

export function checkJsonSyntax(page: DocPage, context: CheckContext): void {
  for (const code of page.codeBlocks) {
    const blockType = blockTypeOf(code.annotation === undefined ? undefined : page.annotations[code.annotation]);
    // ApiDoctor's `ignored` blocks are outside validation by the author's choice.
    if (blockType === 'ignored') continue;
    const json = code.json ?? code.http?.body?.json;
    if (!json) continue;
    const where = describeBlock(code, blockType);
    if (json.error) reportSyntaxError(context, json, where);
    for (const pointer of json.duplicateKeys) {
      const location = json.pointers[pointer];
      const at = location ? spanPosition(json.span, location.key ?? location.start) : json.error?.source;
      const name = pointer.slice(pointer.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
      if (at) context.findings.report('validate/duplicate-key', at, { name, pointer });
    }
  }
}

function reportSyntaxError(context: CheckContext, json: DocJson, where: string): void {
  const error = json.error!;
  const comma = trailingComma(json.span.text, error.offset);
  if (comma !== undefined) {
    const closer = json.span.text[error.offset];
    context.findings.report('validate/json-syntax', spanPosition(json.span, comma), { where, reason: `trailing comma before '${closer}'` });
  } else {
    context.findings.report('validate/json-syntax', error.source, { where, reason: error.message });
  }
}

/** The offset of a comma that only whitespace separates from the `}` or `]` at `offset`. */
function trailingComma(text: string, offset: number): number | undefined {
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  let index = offset - 1;
  while (index >= 0 && /\s/.test(text[index]!)) index--;
  return text[index] === ',' ? index : undefined;
}

function describeBlock(code: DocCodeBlock, blockType: string | undefined): string {
  if (code.http?.kind === 'request') return 'request body';
  if (code.http?.kind === 'response') return 'response body';
  if (blockType === 'resource') return 'resource representation';
  return 'block';
}
