import type { Model } from '../model/types.ts';

/**
 * Names and literals for generated TypeScript. Schemas are untrusted: nothing from them may
 * become code, so every name goes through an identifier filter and every string through
 * a literal or comment escaper.
 */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'as implements interface let package private protected public static yield any boolean constructor declare get ' +
    'module require number set string symbol type from of await async never unknown object undefined keyof infer ' +
    'readonly is asserts satisfies accessor abstract'
  ).split(' '),
);

/** A valid, non-reserved identifier built from any text (`../x` -> `x`, `case` -> `case_`). */
export function safeIdentifier(text: string): string {
  let identifier = text.replace(/[^A-Za-z0-9_$]+/g, '_').replace(/^_+|_+$/g, '');
  if (identifier === '') identifier = '_';
  if (/^[0-9]/.test(identifier)) identifier = `_${identifier}`;
  if (RESERVED.has(identifier) || identifier === '__proto__') identifier = `${identifier}_`;
  return identifier;
}

export function pascalCase(text: string): string {
  const identifier = safeIdentifier(text);
  return identifier.charAt(0).toUpperCase() + identifier.slice(1);
}

/** A JavaScript string literal: JSON escaping plus the line separators JSON leaves raw. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A property key: bare when it is a plain identifier, quoted otherwise (`'@odata.type'`, `'__proto__'`). */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && name !== '__proto__' ? name : stringLiteral(name);
}

/** Text safe inside a `/** ... *\/` comment: no comment terminator, no line breaks that escape it. */
export function docCommentText(text: string): string {
  return text
    .replace(/\*\//g, '*\\/')
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n * ');
}

/**
 * TypeScript names for every schema type, unique across namespaces: `microsoft.graph.user`
 * -> `User`; `microsoft.graph.security.user` -> `SecurityUser` (the shortest namespace
 * suffix that makes it unique, compared case-insensitively since files and some tools are).
 * Memoised per model; the model stays plain data.
 */
const typeNameIndex = new WeakMap<Model, Record<string, string>>();

export function typeNames(model: Model): Record<string, string> {
  let names = typeNameIndex.get(model);
  if (names) return names;
  names = Object.create(null) as Record<string, string>;
  const taken = new Set<string>();
  // Types of the shortest namespace claim the bare name first; the others take a namespace prefix.
  const ordered = Object.keys(model.types).sort(
    (a, b) => model.types[a]!.namespace.length - model.types[b]!.namespace.length || (a < b ? -1 : 1),
  );
  for (const qualified of ordered) {
    const type = model.types[qualified]!;
    const parts = type.namespace.split('.');
    let candidate = pascalCase(type.name);
    for (let used = parts.length - 1; taken.has(candidate.toLowerCase()) && used >= 0; used--) {
      candidate = parts.slice(used).map(pascalCase).join('') + pascalCase(type.name);
    }
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${pascalCase(type.name)}${n}`;
    taken.add(candidate.toLowerCase());
    names[qualified] = candidate;
  }
  typeNameIndex.set(model, names);
  return names;
}

export function typeName(model: Model, qualifiedName: string): string {
  const name = typeNames(model)[qualifiedName];
  if (name === undefined) throw new Error(`internal: no TypeScript name for ${qualifiedName}`);
  return name;
}
