/**
 * A strict JSON parser (RFC 8259, accepting exactly what JSON.parse accepts) that also
 * records where every value sits in the text, keyed by JSON Pointer (RFC 6901). The docs
 * validator uses the table to report a wrong value at its line in the markdown page.
 */
import { escapeToken } from '../runtime/validation/pointer.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Offsets into the parsed text: the value spans [start, end); `key` is where its member name starts. */
export interface JsonLocation {
  start: number;
  end: number;
  key?: number;
}

export interface JsonSyntaxError {
  message: string;
  /** Offset of the offending character (the text length at an unexpected end). */
  offset: number;
}

export interface JsonParseResult {
  /** Absent when the text does not parse. */
  value?: JsonValue;
  /** JSON Pointer -> location; `''` is the root. Partial when the text does not parse. */
  pointers: Record<string, JsonLocation>;
  /** Pointers of members whose name occurs twice in one object (the last one wins, as in JSON.parse). */
  duplicateKeys: string[];
  error?: JsonSyntaxError;
}

/** Deeper nesting is refused rather than risking the call stack on hostile input. */
export const MAX_JSON_DEPTH = 1000;

class JsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** RFC 6901 escaping, shared with the validators' issue paths so the two always agree. */
export const escapePointerToken = escapeToken;

export function parseJsonWithPositions(text: string): JsonParseResult {
  const parser = new Parser(text);
  try {
    parser.skipWhitespace();
    const value = parser.parseValue('', 0);
    parser.skipWhitespace();
    if (parser.pos < text.length) parser.fail(`Unexpected ${describe(text, parser.pos)} after the JSON value`);
    return { value, pointers: parser.pointers, duplicateKeys: parser.duplicateKeys };
  } catch (error) {
    if (!(error instanceof JsonError)) throw error;
    return {
      pointers: parser.pointers,
      duplicateKeys: parser.duplicateKeys,
      error: { message: error.message, offset: error.offset },
    };
  }
}

function describe(text: string, offset: number): string {
  if (offset >= text.length) return 'end of input';
  const ch = text[offset]!;
  if (ch === '\n' || ch === '\r') return 'end of line';
  return `'${ch}'`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Parser {
  pos = 0;
  readonly pointers: Record<string, JsonLocation> = {};
  readonly duplicateKeys: string[] = [];

  constructor(private readonly text: string) {}

  fail(message: string, offset = this.pos): never {
    throw new JsonError(message, offset);
  }

  skipWhitespace(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const ch = text.charCodeAt(this.pos);
      if (ch !== 0x20 && ch !== 0x09 && ch !== 0x0a && ch !== 0x0d) break;
      this.pos++;
    }
  }

  parseValue(pointer: string, depth: number, key?: number): JsonValue {
    const start = this.pos;
    const value = this.parseAny(pointer, depth);
    this.pointers[pointer] = key === undefined ? { start, end: this.pos } : { start, end: this.pos, key };
    return value;
  }

  private parseAny(pointer: string, depth: number): JsonValue {
    const ch = this.text[this.pos];
    if (ch === '{' || ch === '[') {
      if (depth >= MAX_JSON_DEPTH) this.fail(`Nesting deeper than ${MAX_JSON_DEPTH} levels`);
      return ch === '{' ? this.parseObject(pointer, depth + 1) : this.parseArray(pointer, depth + 1);
    }
    if (ch === '"') return this.parseString();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.parseNumber();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    return this.fail(`Unexpected ${describe(this.text, this.pos)}, expected a JSON value`);
  }

  private parseObject(pointer: string, depth: number): JsonValue {
    const result: { [key: string]: JsonValue } = {};
    const seen = new Set<string>();
    this.pos++; // '{'
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return result;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') {
        const trailing = this.text[this.pos] === '}' ? ' (trailing comma?)' : '';
        this.fail(`Unexpected ${describe(this.text, this.pos)}, expected a property name${trailing}`);
      }
      const keyStart = this.pos;
      const key = this.parseString();
      const memberPointer = `${pointer}/${escapePointerToken(key)}`;
      if (seen.has(key)) this.duplicateKeys.push(memberPointer);
      seen.add(key);
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail(`Unexpected ${describe(this.text, this.pos)}, expected ':' after a property name`);
      this.pos++;
      this.skipWhitespace();
      setMember(result, key, this.parseValue(memberPointer, depth, keyStart));
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === '}') return result;
      if (next !== ',') this.fail(`Unexpected ${describe(this.text, this.pos - 1)}, expected ',' or '}' after a property value`, this.pos - 1);
      this.skipWhitespace();
    }
  }

  private parseArray(pointer: string, depth: number): JsonValue {
    const result: JsonValue[] = [];
    this.pos++; // '['
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return result;
    }
    for (;;) {
      if (this.text[this.pos] === ']') this.fail("Unexpected ']', expected a JSON value (trailing comma?)");
      result.push(this.parseValue(`${pointer}/${result.length}`, depth));
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === ']') return result;
      if (next !== ',') this.fail(`Unexpected ${describe(this.text, this.pos - 1)}, expected ',' or ']' after an array element`, this.pos - 1);
      this.skipWhitespace();
    }
  }

  private parseNumber(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) {
      const at = this.pos + 1; // only a lone '-' gets here
      this.fail(`Unexpected ${describe(this.text, at)} in a number`, at);
    }
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private parseString(): string {
    const text = this.text;
    let result = '';
    let chunkStart = ++this.pos; // opening quote
    for (;;) {
      if (this.pos >= text.length) this.fail('Unterminated string');
      const code = text.charCodeAt(this.pos);
      if (code === 0x22) break;
      if (code < 0x20) this.fail(code === 0x0a || code === 0x0d ? 'Unterminated string (line break inside a string)' : 'Bad control character in a string');
      if (code !== 0x5c) {
        this.pos++;
        continue;
      }
      result += text.slice(chunkStart, this.pos);
      result += this.parseEscape();
      chunkStart = this.pos;
    }
    result += text.slice(chunkStart, this.pos);
    this.pos++; // closing quote
    return result;
  }

  private parseEscape(): string {
    const ch = this.text[this.pos + 1];
    if (ch === 'u') {
      const hex = this.text.slice(this.pos + 2, this.pos + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Bad Unicode escape in a string');
      this.pos += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const escaped = ch === undefined ? undefined : ESCAPES[ch];
    if (escaped === undefined) this.fail(`Bad escaped character in a string`);
    this.pos += 2;
    return escaped;
  }
}

/** `__proto__` must become an own property, as JSON.parse makes it, not a prototype change. */
function setMember(target: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
