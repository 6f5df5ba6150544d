import { describe, expect, it } from 'vitest';
import { docComment } from './doc-comment.ts';

describe('docComment', () => {
  it('is empty when no paragraph has text', () => {
    expect(docComment([])).toBe('');
    expect(docComment([undefined, '', '  \n\t '])).toBe('');
  });

  it('writes one trimmed line on one line', () => {
    expect(docComment(['  The user.  '])).toBe('/** The user. */\n');
    expect(docComment([undefined, 'The user.'], '  ')).toBe('  /** The user. */\n');
  });

  it('keeps paragraphs apart by a blank comment line, skipping empty ones', () => {
    expect(docComment(['First.', undefined, ' ', 'Second.'], '  ')).toBe('  /**\n   * First.\n   *\n   * Second.\n   */\n');
  });

  it('splits at every line end JavaScript knows, trimming each line', () => {
    expect(docComment(['a \r\n b\rc\nd\u2028e\u2029f'])).toBe('/**\n * a\n * b\n * c\n * d\n * e\n * f\n */\n');
    expect(docComment(['a\n\n  \nb'])).toBe('/**\n * a\n *\n *\n * b\n */\n');
  });

  it('neutralises a comment terminator on any line', () => {
    expect(docComment(['ends */ here */'])).toBe('/** ends *\\/ here *\\/ */\n');
    expect(docComment(['x', '*/ alert(1) /*'])).toBe('/**\n * x\n *\n * *\\/ alert(1) /*\n */\n');
  });
});
