/** Characters taken at a time when a long text is encoded to UTF-8 for hashing or writing. */
const PIECE = 1 << 20;

/**
 * A text in pieces of about a million characters, none ending inside a surrogate pair, so
 * the pieces' UTF-8 bytes, one after another, are the whole text's. Why: hashing or writing a
 * string encodes all of it at once, and for Graph's types.gen.ts (6 M characters, two bytes
 * each) that transient copy was what set generate's peak memory.
 */
export function* textPieces(text: string): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + PIECE, text.length);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    yield text.slice(start, end);
    start = end;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
