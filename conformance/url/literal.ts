/**
 * OData URL literals (OData URL Conventions 4.0 §5.1.1.6.1 and ABNF `primitiveLiteral`):
 * what key predicates and function parameters look like in a URL, rendered for requests and
 * read back by the handlers. Keys are kept as text after reading: `partners('a')`,
 * `partners/a` and `partners(tenantId='a')` all address the key `a`.
 */

import { literalKind } from '../../generator/emit/request-builders/route-table.ts';
import { findProperty } from '../../generator/model/queries.ts';
import type { Model, Parameter, StructuredType, TypeReference } from '../../generator/model/types.ts';
import { urlConventionsOf } from '../../generator/model/operations/url-conventions.ts';
import { keySegment, namedLiterals, withAliases, type KeyValue } from '../../generator/runtime/client/literals.ts';
import type { LiteralKind } from '../../generator/runtime/client/route-table.ts';

/**
 * The key part of an entity's URL, written by the same code the generated client uses
 * (generator/runtime/client/literals.ts), per the model's urlConventions: typed literals in
 * parentheses (`('a')`, `(1)`, `(a='x',b=1)`), or a key segment (`/a`) for a single key when the
 * service takes key-as-segment.
 */
export function formatKeySegment(model: Model, type: StructuredType | undefined, keys: Record<string, unknown>, names: string[]): string {
  const kinds = keyKinds(model, type, names);
  const asSegment = urlConventionsOf(model).keyAsSegment;
  if (names.length === 1) return keySegment(keys[names[0]!] as KeyValue, kinds, asSegment);
  const ordered = Object.fromEntries(names.map((name) => [name, keys[name] as KeyValue]));
  return keySegment(ordered, kinds, asSegment);
}

/** Literal kinds of a type's key properties: the same for every key segment of the type, so worked out once (per model). */
const keyKindsCache = new WeakMap<Model, WeakMap<StructuredType, Map<string, Record<string, LiteralKind>>>>();

function keyKinds(model: Model, type: StructuredType | undefined, names: string[]): Record<string, LiteralKind> {
  const compute = () => kindsOf(model, names, (name) => (type && findProperty(model, type, name)) ?? undefined);
  if (!type) return compute();
  let ofModel = keyKindsCache.get(model);
  if (!ofModel) keyKindsCache.set(model, (ofModel = new WeakMap()));
  let ofType = ofModel.get(type);
  if (!ofType) ofModel.set(type, (ofType = new Map()));
  const key = names.join('\u0000');
  let kinds = ofType.get(key);
  if (!kinds) ofType.set(key, (kinds = compute()));
  return kinds;
}

/**
 * A function call on `path`, as the generated client writes it: `path(name=literal,...)`, the
 * parameters in the given order, complex and collection values as parameter aliases in the
 * query (`path(p=@p)?@p={...}`).
 */
export function formatCall(model: Model, path: string, values: Record<string, unknown>, parameters: Parameter[]): string {
  const aliases: string[] = [];
  const inline = namedLiterals(values, kindsOf(model, Object.keys(values), (name) => parameters.find((parameter) => parameter.name === name)), aliases);
  return `${path}(${inline})${withAliases('', aliases)}`;
}

/** Function parameters, `name=literal,...` in the given order, every value inline. */
export function formatArguments(model: Model, values: Record<string, unknown>, parameters: Parameter[]): string {
  return namedLiterals(values, kindsOf(model, Object.keys(values), (name) => parameters.find((parameter) => parameter.name === name)));
}

function kindsOf(model: Model, names: string[], typeOf: (name: string) => TypeReference | undefined): Record<string, LiteralKind> {
  const kinds: Record<string, LiteralKind> = Object.create(null);
  for (const name of names) kinds[name] = literalKind(model, typeOf(name) ?? { type: 'Edm.String', collection: false });
  return kinds;
}

/** Reads one literal back to text: quotes removed, `''` unescaped, enum (`ns.Color'Red'`) and duration prefixes dropped. */
export function parseLiteral(text: string): string {
  const quoted = /^(?:[\w.]+)?'((?:[^']|'')*)'$/.exec(text);
  if (quoted) return quoted[1]!.replace(/''/g, "'");
  return text;
}

const QUOTE = 0x27;
const COMMA = 0x2c;

/**
 * Splits the inside of parentheses into named or positional arguments, honouring quotes:
 * `a='x,y',b=2` gives `{ a: "x,y", b: "2" }`; `'k'` gives `{ "": "k" }`.
 */
export function parseArguments(text: string): Record<string, string> | undefined {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  let depth = 0;
  // Slices, not a string built char by char (every key predicate of a whole-Graph run comes here);
  // the delimiters are ASCII, so UTF-16 indexes split where code points would.
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === QUOTE) quoted = !quoted;
    else if (!quoted && (char === 0x28 || char === 0x5b || char === 0x7b)) depth++;
    else if (!quoted && (char === 0x29 || char === 0x5d || char === 0x7d)) depth--;
    else if (char === COMMA && !quoted && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  if (quoted || depth !== 0) return undefined;
  if (start < text.length || parts.length > 0) parts.push(text.slice(start));
  const args: Record<string, string> = Object.create(null);
  for (const part of parts) {
    const named = /^([A-Za-z_][\w]*)=([\s\S]*)$/.exec(part);
    if (named) args[named[1]!] = parseLiteral(named[2]!);
    else if (parts.length === 1) args[''] = parseLiteral(part);
    else return undefined;
  }
  return args;
}
