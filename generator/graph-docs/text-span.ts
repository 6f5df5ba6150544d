/**
 * Mapping offsets inside text cut out of a markdown file (a code block, a comment, an HTTP
 * body) back to the file's line and column, so diagnostics point at the markdown itself.
 */
import type { SourcePosition } from '../model/types.ts';
import { lineStartOffsets } from './markdown-columns.ts';
import type { TextSpan } from './types.ts';

let lastText: string | undefined;
let lastStarts: readonly number[] = [0];

/**
 * Offsets where each line starts; `\r\n`, `\n` and `\r` all end a line. The positions of
 * one span are asked for one after another, so the last text's answer is kept (read-only).
 */
export function lineStarts(text: string): readonly number[] {
  if (text === lastText) return lastStarts;
  const starts = lineStartOffsets(text);
  lastText = text;
  lastStarts = starts;
  return starts;
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

export function spanPosition(span: TextSpan, offset: number): SourcePosition {
  const starts = lineStarts(span.text);
  let index = 0;
  while (index + 1 < starts.length && starts[index + 1]! <= offset) index++;
  const column = span.columns[index] ?? 1;
  return { file: span.file, line: span.line + index, column: column + offset - starts[index]! };
}

/** The rest of a span from an offset that starts a line of it. */
export function spanFromLine(span: TextSpan, lineIndex: number): TextSpan {
  const starts = lineStarts(span.text);
  return {
    text: span.text.slice(starts[lineIndex] ?? span.text.length),
    file: span.file,
    line: span.line + lineIndex,
    columns: span.columns.slice(lineIndex),
  };
}

/** The part of a span from `offset`, `length` characters long (it may cover several lines). */
export function spanSlice(span: TextSpan, offset: number, length: number): TextSpan {
  const text = span.text.slice(offset, offset + length);
  const at = spanPosition(span, offset);
  const index = at.line - span.line;
  const lineCount = lineStarts(text).length;
  return { text, file: span.file, line: at.line, columns: [at.column, ...span.columns.slice(index + 1, index + lineCount)] };
}

/**
 * Builds the span of a node's value (which mdast gives without container prefixes such as
 * `> ` or list indentation). Each value line is found at the end of its source line; when it
 * is not (tabs expanded), column 1 is the best guess.
 */
export function spanInSource(
  sourceLines: string[],
  file: string,
  value: string,
  firstLine: number,
  firstColumn?: number,
): TextSpan {
  const valueLines = splitLines(value);
  const columns = valueLines.map((valueLine, index) => {
    if (index === 0 && firstColumn !== undefined) return firstColumn;
    const sourceLine = sourceLines[firstLine - 1 + index] ?? '';
    return sourceLine.endsWith(valueLine) ? sourceLine.length - valueLine.length + 1 : 1;
  });
  return { text: value, file, line: firstLine, columns };
}
