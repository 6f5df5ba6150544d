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
 * raw; null is `null`; other values are JSON. An enum kind (`e:ns.Color`) qualifies the
 * member with its type (`ns.Color'Red'`), as OData 4.0 requires.
 */
export function literal(value: unknown, kind?: LiteralKind): string {
  if (value === null) return 'null';
  const chosen = kind ?? defaultKind(value);
  if (chosen.startsWith('e:')) return `${chosen.slice(2)}${quoted(value)}`;
  switch (chosen) {
    case 's':
      return quoted(value);
    case 'r':
      return String(value);
    case 'd':
      return `duration'${String(value)}'`;
    case 'b':
      return `binary'${String(value)}'`;
    default:
      return JSON.stringify(value) ?? 'null';
  }
}

function quoted(value: unknown): string {
  return `'${String(value).replace(/'/g, "''")}'`;
}

function defaultKind(value: unknown): LiteralKind {
  if (typeof value === 'string') return 's';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return 'r';
  return 'j';
}

/**
 * `name=literal,...`, encoded, for function parameters and composite keys. Given `aliases`,
 * JSON values (complex and collection parameters) are written as parameter aliases, as the URL
 * grammar asks (OData URL Conventions 4.01 section 5.1.1.13.1, ABNF `complexColInUri`):
 * `f(p=@p)` here, and `@p=<JSON>` pushed to `aliases` for the query string.
 */
export function namedLiterals(values: Record<string, unknown>, kinds: Record<string, LiteralKind> | undefined, aliases?: string[]): string {
  return Object.keys(values)
    .filter((name) => values[name] !== undefined)
    .map((name) => {
      const value = values[name];
      const kind = kinds && Object.hasOwn(kinds, name) ? kinds[name] : undefined;
      const text = literal(value, kind);
      if (aliases && value !== null && (kind ?? defaultKind(value)) === 'j') {
        aliases.push(`@${encodeSegment(name)}=${encodeUrlText(text)}`);
        return `${encodeSegment(name)}=@${encodeSegment(name)}`;
      }
      return `${encodeSegment(name)}=${encodeLiteral(text)}`;
    })
    .join(',');
}

/** The query string with parameter aliases added: `?$top=1&@p=...`. */
export function withAliases(query: string, aliases: readonly string[]): string {
  if (aliases.length === 0) return query;
  return `${query === '' ? '?' : `${query}&`}${aliases.join('&')}`;
}

/**
 * The key part of one entity's URL in a collection (OData URL Conventions 4.01 section 4.3.1):
 * in parentheses with a typed literal (`('russellwhyte')`, `(0)`, composite
 * `(OrderID=1,ProductID=2)`), or, when the service takes key-as-segment (`asSegment`, section
 * 4.3.6), a single key as its own segment (`/partners/a%2Fb`), except where a segment would mean
 * something else: empty, `.` or `..` (which URL parsers resolve as dot segments, even
 * percent-encoded), or a leading `$` (`$count`, `$ref`); those keep the parentheses.
 * `kinds` are the key properties' literal kinds, in key order.
 */
export function keySegment(key: KeyValue | Record<string, KeyValue>, kinds: Record<string, LiteralKind> | undefined, asSegment = false): string {
  if (typeof key === 'object' && key !== null) return `(${namedLiterals(key, kinds)})`;
  const text = String(key);
  const safe = text !== '' && !/^\.+$/.test(text) && !text.startsWith('$');
  if (asSegment && safe) return `/${encodeSegment(text)}`;
  const kind = kinds ? Object.values(kinds)[0] : undefined;
  return `(${encodeLiteral(literal(key, kind))})`;
}
