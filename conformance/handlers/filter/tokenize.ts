import { FilterError } from './filter-error.ts';
import { edmGeoType, GeoError, readWkt } from './geo.ts';

/**
 * The tokens of a `$filter` expression (OData ABNF `commonExpr`). Literals are recognised here,
 * by their ABNF form, since their shapes overlap (`2020-01-01` is a date, not `2020 - 1 - 1`;
 * `01234567-...` a GUID). Words are identifiers, qualified names and keywords alike; the parser
 * tells operators from members by position.
 */
export type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'literal'; type: string; value: string | number | boolean | null; at: number }
  | { kind: '(' | ')' | '[' | ']' | ',' | '/' | ':' | '-' | 'end'; at: number };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])/i;
// A `+` of an offset decodes to a space in a query string: `2020-01-01T00:00:00 01:00` is read as `+01:00`.
const DATE_TIME_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?(?:Z|[+ -]\d{2}:\d{2})(?![\w:])/i;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\w:-])/;
const TIME_OF_DAY = /^\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?(?![\w:])/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?(?![\w.])/;
const WORD = /^[\p{L}_$@][\p{L}\p{N}_.]*/u;
const PUNCTUATION = new Set(['(', ')', '[', ']', ',', '/', ':']);
/** Words after which a `-` starts a negative number rather than subtracting. */
const OPERATORS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'and', 'or', 'not', 'add', 'sub', 'mul', 'div', 'divby', 'mod', 'has', 'in']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    const rest = text.slice(at);
    if (char === "'") {
      const [value, end] = readString(text, at);
      tokens.push({ kind: 'literal', type: 'Edm.String', value, at });
      at = end;
      continue;
    }
    if (char === '-') {
      // A negative number, unless it follows an operand (then it can only be a mistake for `sub`).
      const negative = afterOperand(tokens.at(-1)) ? undefined : readLiteral(rest, at);
      if (negative) tokens.push(negative.token);
      else tokens.push({ kind: '-', at });
      at += negative ? negative.length : 1;
      continue;
    }
    if (PUNCTUATION.has(char)) {
      tokens.push({ kind: char as '(', at });
      at++;
      continue;
    }
    const literal = readLiteral(rest, at);
    if (literal) {
      tokens.push(literal.token);
      at += literal.length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      const end = at + word[0].length;
      if (text[end] === "'") {
        // A prefixed literal: duration'P1D', binary'AQID', Ns.Color'Red'.
        const [value, after] = readString(text, end);
        tokens.push(prefixed(word[0], value, at));
        at = after;
        continue;
      }
      tokens.push(keywordLiteral(word[0], at) ?? { kind: 'word', text: word[0], at });
      at = end;
      continue;
    }
    throw new FilterError(`unexpected character '${char}'`, at);
  }
  tokens.push({ kind: 'end', at: text.length });
  return tokens;
}

function afterOperand(previous: Token | undefined): boolean {
  if (!previous) return false;
  if (previous.kind === 'literal' || previous.kind === ')' || previous.kind === ']') return true;
  return previous.kind === 'word' && !OPERATORS.has(previous.text.toLowerCase());
}

/** A quoted string from `start` (the opening quote); `''` is a quote. Returns the value and the offset after it. */
function readString(text: string, start: number): [string, number] {
  let value = '';
  let at = start + 1;
  while (at < text.length) {
    if (text[at] === "'") {
      if (text[at + 1] === "'") {
        value += "'";
        at += 2;
        continue;
      }
      return [value, at + 1];
    }
    value += text[at];
    at++;
  }
  throw new FilterError('unterminated string literal', start);
}

function readLiteral(rest: string, at: number): { token: Token; length: number } | undefined {
  if (rest.startsWith('-INF') && !/[\w]/.test(rest[4] ?? '')) return { token: { kind: 'literal', type: 'Edm.Double', value: '-INF', at }, length: 4 };
  const guid = GUID.exec(rest);
  if (guid) return { token: { kind: 'literal', type: 'Edm.Guid', value: guid[0].toLowerCase(), at }, length: guid[0].length };
  const dateTime = DATE_TIME_OFFSET.exec(rest);
  if (dateTime) {
    const value = dateTime[0].replace(/ (\d{2}:\d{2})$/, '+$1').toUpperCase();
    if (Number.isNaN(Date.parse(value))) throw new FilterError(`'${dateTime[0]}' is not a valid DateTimeOffset`, at);
    return { token: { kind: 'literal', type: 'Edm.DateTimeOffset', value, at }, length: dateTime[0].length };
  }
  const date = DATE.exec(rest);
  if (date) {
    if (!validDate(date[0])) throw new FilterError(`'${date[0]}' is not a valid Date`, at);
    return { token: { kind: 'literal', type: 'Edm.Date', value: date[0], at }, length: date[0].length };
  }
  const time = TIME_OF_DAY.exec(rest);
  if (time) {
    const [hours, minutes, seconds = '0'] = time[0].split(':');
    if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) >= 60) throw new FilterError(`'${time[0]}' is not a valid TimeOfDay`, at);
    return { token: { kind: 'literal', type: 'Edm.TimeOfDay', value: time[0], at }, length: time[0].length };
  }
  const number = NUMBER.exec(rest);
  if (!number) return undefined;
  const value = Number(number[0]);
  const type = number[2] ? 'Edm.Double' : number[1] ? 'Edm.Decimal' : Number.isSafeInteger(value) && Math.abs(value) <= 2147483647 ? 'Edm.Int32' : 'Edm.Int64';
  return { token: { kind: 'literal', type, value, at }, length: number[0].length };
}

function validDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** ABNF strings are case-insensitive: `true`, `False`, `NULL`. */
function keywordLiteral(word: string, at: number): Token | undefined {
  const lower = word.toLowerCase();
  if (lower === 'true' || lower === 'false') return { kind: 'literal', type: 'Edm.Boolean', value: lower === 'true', at };
  if (lower === 'null') return { kind: 'literal', type: 'null', value: null, at };
  if (word === 'INF' || word === 'NaN') return { kind: 'literal', type: 'Edm.Double', value: word, at };
  return undefined;
}

/** `duration'P1D'`, `binary'AQID'` (base64url), `Ns.Color'Red'` (an enum: a type name and members). */
function prefixed(prefix: string, value: string, at: number): Token {
  switch (prefix.toLowerCase()) {
    case 'duration':
      if (!/^-?P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(value)) throw new FilterError(`'${value}' is not a valid Duration`, at);
      return { kind: 'literal', type: 'Edm.Duration', value, at };
    case 'binary':
      if (!/^[A-Za-z0-9\-_+/]*=*$/.test(value)) throw new FilterError(`'${value}' is not valid base64url binary`, at);
      return { kind: 'literal', type: 'Edm.Binary', value, at };
    case 'geography':
    case 'geometry':
      return geoLiteral(prefix.toLowerCase() === 'geography', value, at);
  }
  if (!prefix.includes('.')) throw new FilterError(`unknown literal prefix '${prefix}'`, at);
  return { kind: 'literal', type: prefix, value, at };
}

/** `geography'SRID=4326;Point(1 2)'`: its Edm type is the shape's (`Edm.GeographyPoint`); the text stays the value. */
function geoLiteral(geography: boolean, value: string, at: number): Token {
  try {
    return { kind: 'literal', type: edmGeoType(readWkt(value, geography)), value, at };
  } catch (error) {
    if (error instanceof GeoError) throw new FilterError(error.message, at);
    throw error;
  }
}
