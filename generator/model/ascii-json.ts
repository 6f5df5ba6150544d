const BEYOND_ASCII = /[^\u0000-\u007f]/;

/**
 * JSON text with every character beyond ASCII escaped (`\u00e9`; only strings hold any): the
 * same value when parsed, and text whose every character is one byte, so that it can be
 * written and read back as Latin-1 (no UTF-8 coding, a one-byte string: half the memory).
 * The model-cache entry and `model.gen.ts` are both written this way.
 */
export function escapeBeyondAscii(json: string): string {
  // Checked first: a replace copies the (Graph: many MB of) text even when nothing matches.
  return BEYOND_ASCII.test(json) ? json.replace(/[^\u0000-\u007f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}
