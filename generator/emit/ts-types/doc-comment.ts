import type { Annotated } from '../../model/types.ts';
import { docCommentText } from '../naming.ts';

/** The line ends a description may hold; JavaScript also ends a line (and a comment's line) at U+2028 and U+2029. */
const LINE_BREAK = /\r\n?|\n|\u2028|\u2029/;
const HAS_LINE_BREAK = /[\r\n\u2028\u2029]/;

/**
 * A JSDoc block from untrusted text, indented, ending in a newline; empty when there is
 * nothing to say. Every line that holds `*\/` goes through `docCommentText`, which
 * neutralises it; a line without one only loses its surrounding spaces. Paragraphs (one per
 * entry of `paragraphs`) are kept apart by a blank comment line.
 * Written as plain loops: Graph asks for about 40 000 of these per `generate`, most of them
 * a single line.
 */
export function docComment(paragraphs: readonly (string | undefined)[], indent = ''): string {
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph === undefined) continue;
    const text = paragraph.trim();
    if (text === '') continue;
    if (lines.length > 0) lines.push('');
    if (!HAS_LINE_BREAK.test(text)) lines.push(commentLine(text));
    else for (const line of text.split(LINE_BREAK)) lines.push(commentLine(line));
  }
  if (lines.length === 0) return '';
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  let block = `${indent}/**\n`;
  for (const line of lines) block += line === '' ? `${indent} *\n` : `${indent} * ${line}\n`;
  return `${block}${indent} */\n`;
}

/** One line of a comment (no line break in it): trimmed, with any `*\/` neutralised. */
function commentLine(line: string): string {
  return line.includes('*/') ? docCommentText(line).trim() : line.trim();
}

/** The description and long description of an element, in that order. */
export function describe(element: Annotated): (string | undefined)[] {
  return [element.description, element.longDescription];
}
