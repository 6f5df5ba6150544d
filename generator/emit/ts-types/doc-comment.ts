import type { Annotated } from '../../model/types.ts';
import { docCommentText } from '../naming.ts';

/**
 * A JSDoc block from untrusted text, indented, ending in a newline; empty when there is
 * nothing to say. Every line goes through `docCommentText`, which neutralises `*\/`.
 * Paragraphs (one per entry of `paragraphs`) are kept apart by a blank comment line.
 */
export function docComment(paragraphs: readonly (string | undefined)[], indent = ''): string {
  const kept = paragraphs.filter((text): text is string => text !== undefined && text.trim() !== '');
  const lines = kept.flatMap((text, index) => [
    ...(index > 0 ? [''] : []),
    ...text.trim().split(/\r\n?|\n|\u2028|\u2029/).map((line) => docCommentText(line).trim()),
  ]);
  if (lines.length === 0) return '';
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} *${line === '' ? '' : ` ${line}`}`).join('\n')}\n${indent} */\n`;
}

/** The description and long description of an element, in that order. */
export function describe(element: Annotated): (string | undefined)[] {
  return [element.description, element.longDescription];
}
