import { describe, expect, it } from 'vitest';
import { textPieces } from './text-pieces.ts';

const PIECE = 1 << 20;
const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('textPieces', () => {
  it('gives a short text whole, and nothing for an empty one', () => {
    expect([...textPieces('abc')]).toEqual(['abc']);
    expect([...textPieces('')]).toEqual([]);
  });

  it('cuts a long text into pieces whose UTF-8 bytes are the whole text', () => {
    // A surrogate pair straddling the first piece end, non-ASCII, a lone surrogate (U+FFFD either way).
    const text = `${'a'.repeat(PIECE - 1)}\u{1F600}${'é€'.repeat(PIECE / 2)}\ud800${'z'.repeat(PIECE + 3)}`;
    const pieces = [...textPieces(text)];
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe(text);
    expect(pieces.every((piece) => piece.length <= PIECE)).toBe(true);
    // The first piece stops before the pair instead of splitting it.
    expect(pieces[0]!.length).toBe(PIECE - 1);
    expect(Buffer.concat(pieces.map(utf8)).equals(utf8(text))).toBe(true);
  });
});
