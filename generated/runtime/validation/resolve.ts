import { resolveEnum, type ResolvedEnum } from './enums.js';
import { primitiveCheck } from './primitives.js';
import type { NavigationEntry, PropertyEntry, TypeEntry, ValidationTable } from './types.js';

/**
 * Lookups over a validation table, resolved once per type and cached: inherited properties
 * flattened, ancestors as a set (for "derives from" in O(1)), enum members as maps. The
 * table is untrusted plain data, so every lookup goes through `Object.hasOwn` or a `Map`:
 * names like `__proto__` or `constructor` are data, never prototype members.
 */
export interface ResolvedStructured {
  name: string;
  kind: 'entity' | 'complex';
  abstract: boolean;
  open: boolean;
  keys: Set<string>;
  properties: Map<string, PropertyEntry>;
  navigation: Map<string, NavigationEntry>;
  /** The type itself and its base types. */
  ancestors: Set<string>;
}

export interface ResolvedSchema {
  ieee754Compatible: boolean;
  entry(name: string): TypeEntry | undefined;
  structured(name: string): ResolvedStructured | undefined;
  enumType(name: string): ResolvedEnum | undefined;
  /**
   * The qualified name an `@odata.type` value or a caller's type name stands for: `#` dropped,
   * an alias replaced by its namespace (`#graph.user` -> `microsoft.graph.user`). Returns the
   * text with `#` dropped when no type matches, for messages.
   */
  qualify(text: string): string;
}

export function resolveSchema(table: ValidationTable): ResolvedSchema {
  const types = table.types;
  const structuredCache = new Map<string, ResolvedStructured | undefined>();
  const enumCache = new Map<string, ResolvedEnum | undefined>();
  const entry = (name: string): TypeEntry | undefined => (Object.hasOwn(types, name) ? types[name] : undefined);

  const structured = (name: string): ResolvedStructured | undefined => {
    if (structuredCache.has(name)) return structuredCache.get(name);
    const resolved = resolveStructured(name, entry);
    structuredCache.set(name, resolved);
    return resolved;
  };
  const enumType = (name: string): ResolvedEnum | undefined => {
    if (enumCache.has(name)) return enumCache.get(name);
    const found = entry(name);
    const resolved = found?.kind === 'enum' ? resolveEnum(name, found) : undefined;
    enumCache.set(name, resolved);
    return resolved;
  };
  const qualify = (text: string): string => {
    const name = text.startsWith('#') ? text.slice(1) : text;
    if (entry(name) !== undefined) return name;
    const dot = name.lastIndexOf('.');
    const prefix = name.slice(0, dot);
    if (dot > 0 && Object.hasOwn(table.aliases, prefix)) return `${table.aliases[prefix]}${name.slice(dot)}`;
    // OData JSON 4.0 writes primitive types in `@odata.type` without `Edm.` (`#Int64`).
    return dot < 0 && primitiveCheck(`Edm.${name}`) !== undefined ? `Edm.${name}` : name;
  };
  return { ieee754Compatible: table.ieee754Compatible === true, entry, structured, enumType, qualify };
}

/** Walks the base chain (cycle-safe), base members first so derived ones win. */
function resolveStructured(name: string, entry: (name: string) => TypeEntry | undefined): ResolvedStructured | undefined {
  const own = entry(name);
  if (own === undefined || (own.kind !== 'entity' && own.kind !== 'complex')) return undefined;
  const chain = [];
  const ancestors = new Set<string>();
  for (let current: string | undefined = name; current !== undefined && !ancestors.has(current); ) {
    const found = entry(current);
    if (found === undefined || (found.kind !== 'entity' && found.kind !== 'complex')) break;
    ancestors.add(current);
    chain.push(found);
    current = found.base;
  }
  const resolved: ResolvedStructured = {
    name,
    kind: own.kind,
    abstract: own.abstract === true,
    open: chain.some((item) => item.open === true),
    keys: new Set(chain.find((item) => item.key !== undefined && item.key.length > 0)?.key ?? []),
    properties: new Map(),
    navigation: new Map(),
    ancestors,
  };
  for (const item of chain.reverse()) {
    if (item.properties) for (const key of Object.keys(item.properties)) resolved.properties.set(key, item.properties[key]!);
    if (item.navigation) for (const key of Object.keys(item.navigation)) resolved.navigation.set(key, item.navigation[key]!);
  }
  return resolved;
}
