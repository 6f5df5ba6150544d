/**
 * OData URL literals (OData URL Conventions 4.0 §5.1.1.6.1 and ABNF `primitiveLiteral`):
 * what key predicates and function parameters look like in a URL, rendered for requests and
 * read back by the handlers. Keys are kept as text after reading: `partners('a')`,
 * `partners/a` and `partners(tenantId='a')` all address the key `a`.
 */

/**
 * A value as a URL literal, written the way OData URL Conventions 4.0 §5.1.1.6.1 shows:
 * strings quoted (`'it''s'`), enum members prefixed with their type (`ns.color'red'`),
 * durations as `duration'PT1H'`, other Edm values bare (`2024-01-01`, a Guid), structured
 * values as JSON. The result is percent-encoded for a URL path.
 */
export function formatLiteral(value: unknown, type = 'Edm.String'): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'string') return encodeURIComponent(JSON.stringify(value));
  if (type === 'Edm.String' || type === 'Edm.Untyped' || type === 'Edm.PrimitiveType') return `'${encodeQuoted(value)}'`;
  if (type === 'Edm.Duration') return `duration'${encodeQuoted(value)}'`;
  if (!type.startsWith('Edm.')) return `${type}'${encodeQuoted(value)}'`;
  return encodeURIComponent(value).replace(/%3A/gi, ':');
}

function encodeQuoted(value: string): string {
  return encodeURIComponent(value.replace(/'/g, "''"));
}

/** A key value as a path segment (key-as-segment, the form Graph documents). */
export function formatKeySegment(value: unknown): string {
  return encodeURIComponent(String(value));
}

/** Reads one literal back to text: quotes removed, `''` unescaped, enum and duration prefixes dropped. */
export function parseLiteral(text: string): string {
  const quoted = /^(?:[\w.]+)?'((?:[^']|'')*)'$/.exec(text);
  if (quoted) return quoted[1]!.replace(/''/g, "'");
  return text;
}

/**
 * Splits the inside of parentheses into named or positional arguments, honouring quotes:
 * `a='x,y',b=2` gives `{ a: "x,y", b: "2" }`; `'k'` gives `{ "": "k" }`.
 */
export function parseArguments(text: string): Record<string, string> | undefined {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let depth = 0;
  for (const char of text) {
    if (char === "'") quoted = !quoted;
    else if (!quoted && (char === '(' || char === '[' || char === '{')) depth++;
    else if (!quoted && (char === ')' || char === ']' || char === '}')) depth--;
    if (char === ',' && !quoted && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  if (quoted || depth !== 0) return undefined;
  if (current !== '' || parts.length > 0) parts.push(current);
  const args: Record<string, string> = Object.create(null);
  for (const part of parts) {
    const named = /^([A-Za-z_][\w]*)=([\s\S]*)$/.exec(part);
    if (named) args[named[1]!] = parseLiteral(named[2]!);
    else if (parts.length === 1) args[''] = parseLiteral(part);
    else return undefined;
  }
  return args;
}
