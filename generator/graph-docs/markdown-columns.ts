/**
 * Lines and columns of a markdown source as CommonMark counts them: line starts (LF, CRLF or
 * CR), columns with tab stops of 4 (CommonMark 2.2), and container indents skipped column by
 * column, a partly skipped tab leaving virtual spaces.
 */
export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a || (ch === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  return starts;
}

/** Columns (tab stops of 4) from `from` to `to` on a line starting at `lineStart`. */
export function columnsBetween(text: string, lineStart: number, from: number, to: number): number {
  return column(text, lineStart, to) - column(text, lineStart, from);
}

export function column(text: string, lineStart: number, offset: number): number {
  let col = 0;
  for (let i = lineStart; i < offset; i++) col = text[i] === '\t' ? col + 4 - (col % 4) : col + 1;
  return col;
}

/**
 * Skips up to `max` columns of spaces and tabs from `offset`; a tab only partly skipped
 * leaves its remaining columns as `virtual` spaces, as CommonMark reads tabs (2.2).
 */
export function skipColumns(text: string, lineStart: number, offset: number, end: number, max: number, virtual: number): { offset: number; virtual: number } {
  let left = max;
  if (virtual) {
    const used = Math.min(virtual, left);
    left -= used;
    virtual -= used;
    if (virtual) return { offset, virtual };
  }
  let col = column(text, lineStart, offset);
  while (left > 0 && offset < end) {
    const ch = text[offset];
    if (ch === ' ') {
      offset++;
      col++;
      left--;
    } else if (ch === '\t') {
      const width = 4 - (col % 4);
      offset++;
      col += width;
      if (width > left) return { offset, virtual: width - left };
      left -= width;
    } else break;
  }
  return { offset, virtual: 0 };
}
