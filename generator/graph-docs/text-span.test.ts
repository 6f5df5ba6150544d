import { describe, expect, it } from 'vitest';
import { lineStarts, spanFromLine, spanInSource, spanPosition, spanSlice } from './text-span.ts';

describe('text spans', () => {
  it('finds line starts for every line ending style', () => {
    expect(lineStarts('a\nb\r\nc\rd')).toEqual([0, 2, 5, 7]);
  });

  it('maps offsets to markdown positions using per-line columns', () => {
    const source = ['> ```json', '> {', '>   "a": 1', '> }'];
    const span = spanInSource(source, 'x.md', '{\n  "a": 1\n}', 2);
    expect(span.columns).toEqual([3, 3, 3]);
    expect(spanPosition(span, span.text.indexOf('1'))).toEqual({ file: 'x.md', line: 3, column: 10 });
  });

  it('uses the given column for the first line', () => {
    const span = spanInSource(['text <!-- {"a": 1} -->'], 'x.md', '<!-- {"a": 1} -->', 1, 6);
    expect(spanPosition(span, 5)).toEqual({ file: 'x.md', line: 1, column: 11 });
  });

  it('cuts spans from a line and inside a line', () => {
    const span = spanInSource(['```http', 'GET /x', '', '{}', '```'], 'x.md', 'GET /x\n\n{}', 2);
    const body = spanFromLine(span, 2);
    expect(body).toMatchObject({ text: '{}', line: 4, columns: [1] });
    expect(spanSlice(span, 4, 2)).toMatchObject({ text: '/x', line: 2, columns: [5] });
  });
});
