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

const LINE_SEPARATORS = /[\u2028\u2029]/;

/** Text that JSON.stringify would only put quotes around. */
const PLAIN_TEXT = /^[A-Za-z0-9_.$-]*$/;

/** A JavaScript string literal: JSON escaping plus the line separators JSON leaves raw. */
export function stringLiteral(text: string): string {
  // Most names need no escaping: quoted as they are, without JSON.stringify.
  if (PLAIN_TEXT.test(text)) return `"${text}"`;
  const json = JSON.stringify(text);
  // Nearly every name has neither separator: no replace passes for it.
  return LINE_SEPARATORS.test(json) ? json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : json;
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
  const ordered = Object.entries(model.types)
    .map(([qualified, type]) => ({ qualified, type, namespaceLength: type.namespace.length }))
    .sort((a, b) => a.namespaceLength - b.namespaceLength || (a.qualified < b.qualified ? -1 : 1));
  for (const { qualified, type } of ordered) {
    const bare = pascalCase(type.name);
    let candidate = bare;
    let key = candidate.toLowerCase();
    if (taken.has(key)) {
      const parts = type.namespace.split('.');
      for (let used = parts.length - 1; taken.has(key) && used >= 0; used--) {
        candidate = parts.slice(used).map(pascalCase).join('') + bare;
        key = candidate.toLowerCase();
      }
      for (let n = 2; taken.has(key); n++) {
        candidate = `${bare}${n}`;
        key = candidate.toLowerCase();
      }
    }
    taken.add(key);
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
