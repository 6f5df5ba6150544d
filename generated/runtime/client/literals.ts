import type { LiteralKind } from './route-table.js';

/**
 * Values in URLs: keys and function parameters as OData literals (OData URL Conventions
 * 4.01 sections 4.3, 4.5 and 5.1.1; ABNF `primitiveLiteral`), percent-encoded so that no
 * value can add a path segment, a query option or a fragment.
 */

export type KeyValue = string | number | boolean | bigint;

/**
 * Characters RFC 3986 allows in a path segment or query that `encodeURIComponent` escapes
 * anyway; left readable (`$select=id,displayName`, `fn(a='x')`). `/`, `?`, `#`, `&`, `=`,
 * `+` and `%` stay escaped.
 */
const READABLE = /%(2C|24|3A|40)/g;

export function encodeUrlText(text: string): string {
  return encodeURIComponent(text).replace(READABLE, (escape) => decodeURIComponent(escape));
}

/**
 * One path segment: every reserved character escaped, and also `'`, `(` and `)`, which
 * would make a key segment read as a parenthesised key or a function call. (`@`, which
 * starts a parameter alias, is escaped by `encodeURIComponent` already.)
 */
export function encodeSegment(text: string): string {
  return encodeURIComponent(text).replace(/['()]/g, hexEscape);
}

/** A literal inside `(...)`: quotes stay (doubled inside strings), parentheses are escaped. */
function encodeLiteral(text: string): string {
  return encodeUrlText(text).replace(/[()]/g, hexEscape);
}

function hexEscape(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * A literal, unencoded. Strings without a kind are quoted; numbers, booleans and bigints are
 * raw; null is `null`; other values are JSON.
 */
export function literal(value: unknown, kind?: LiteralKind): string {
  if (value === null) return 'null';
  switch (kind ?? defaultKind(value)) {
    case 's':
      return `'${String(value).replace(/'/g, "''")}'`;
    case 'r':
      return String(value);
    case 'd':
      return `duration'${String(value)}'`;
    case 'b':
      return `binary'${String(value)}'`;
    case 'j':
      return JSON.stringify(value) ?? 'null';
  }
}

function defaultKind(value: unknown): LiteralKind {
  if (typeof value === 'string') return 's';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return 'r';
  return 'j';
}

/** `name=literal,...`, encoded, for function parameters and composite keys. */
export function namedLiterals(values: Record<string, unknown>, kinds: Record<string, LiteralKind> | undefined): string {
  return Object.keys(values)
    .filter((name) => values[name] !== undefined)
    .map((name) => `${encodeSegment(name)}=${encodeLiteral(literal(values[name], kinds && Object.hasOwn(kinds, name) ? kinds[name] : undefined))}`)
    .join(',');
}

/**
 * The key segment of one entity in a collection. A single key uses Graph's key-as-segment
 * form (`/partners/a%2Fb`, OData URL Conventions 4.01 section 4.3.6) except where a segment
 * would mean something else: empty, `.` or `..` (which URL parsers resolve as dot segments,
 * even percent-encoded), or a leading `$` (`$count`, `$ref`); those use the parentheses form
 * (`/partners('..')`), as do composite keys (`(a='x',b=1)`).
 */
export function keySegment(key: KeyValue | Record<string, KeyValue>, kinds: Record<string, LiteralKind> | undefined): string {
  if (typeof key === 'object' && key !== null) return `(${namedLiterals(key, kinds)})`;
  const text = String(key);
  if (text === '' || /^\.+$/.test(text) || text.startsWith('$')) return `(${encodeLiteral(literal(key))})`;
  return `/${encodeSegment(text)}`;
}
