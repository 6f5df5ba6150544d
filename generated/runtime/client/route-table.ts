/**
 * The route table: what the client runtime must know of the schema that the generated types
 * cannot tell it at run time. Property access and `byId` need nothing (they only add URL
 * segments); the table says which names are bound actions and functions (they are sent, not
 * followed), how to write function parameters and composite keys as URL literals, and which
 * type each position holds, for optional validation.
 *
 * It is keyed by entity type, not by path, so its size grows with the schema (navigation
 * properties and callables), never with the number of paths (OData URL Conventions 4.3-4.5).
 */

/**
 * A place a step leads to: `typeIndex * 2`, plus 1 when it is a collection of that type.
 * (One number per entry keeps the generated table small.)
 */
export type Target = number;

/**
 * How a value is written as an OData URL literal (OData ABNF `primitiveLiteral`):
 * `s` quoted string (`'it''s'`; also enum members in a 4.01 service), `r` raw (numbers,
 * booleans, Guid, dates and times), `d` duration (`duration'P1D'`), `b` binary
 * (`binary'AQID'`), `j` JSON (complex and collection values, OData URL Conventions 4.01
 * section 5.1.1.13, sent as parameter aliases), `e:<qualified enum type>` an enum member
 * qualified with its type (`ns.Color'Red'`), as OData 4.0 requires.
 */
export type LiteralKind = 's' | 'r' | 'd' | 'b' | 'j' | `e:${string}`;

/**
 * A bound action or function, or an operation import:
 * `[kind, URL name, returns, parameters, qualified name]`.
 * - kind `a`: an action, POSTed; parameters `1` when it takes a body.
 * - URL name `.` stands for the member name in the table's namespace (`.sendMail`).
 * - kind `f`: a function, a GET with its parameters in the URL; parameters name each one
 *   (required and optional, across overloads) with its literal kind.
 * - returns: the target of the result; null or absent when there is none.
 * - qualified name: the callable's, for validation, when the URL name is an import's.
 */
export type CallableRoute =
  | [kind: 'a', name: string, returns?: Target | null, body?: 1 | null, qualifiedName?: string]
  | [kind: 'f', name: string, returns?: Target | null, parameters?: Record<string, LiteralKind> | null, qualifiedName?: string];

export interface TypeRoute {
  /** Qualified name (`microsoft.graph.user`), given to the validation hook. */
  name: string;
  /** Index of the base type: navigation and bound callables are inherited. */
  base?: number;
  /** Set for primitive and enum types: a single value arrives as `{ "value": ... }`. */
  value?: 1;
  /** Navigation properties by name. */
  nav?: Record<string, Target>;
  /** Callables bound to one entity of this type, by member name. */
  one?: Record<string, CallableRoute>;
  /** Callables bound to a collection of this type, by member name. */
  many?: Record<string, CallableRoute>;
  /**
   * Key properties -> literal kinds, in key order: for composite keys, and for single keys
   * when keys go in parentheses (a key segment needs no kind).
   */
  key?: Record<string, LiteralKind>;
}

export interface RouteTable {
  /** Format version of this table. */
  version: 1;
  /**
   * The schema's main namespace: a qualified name in this table that starts with `.`
   * (`.user`, `.sendMail`) is relative to it, which keeps the table of a large schema small.
   */
  namespace?: string;
  types: TypeRoute[];
  /** Entity sets and singletons. */
  root: Record<string, Target>;
  /** Action and function imports. */
  imports?: Record<string, CallableRoute>;
  /**
   * Set when the service takes key-as-segment (`/People/russellwhyte`, OData URL Conventions
   * 4.01 section 4.3.6); otherwise keys go in parentheses (`People('russellwhyte')`).
   */
  keyAsSegment?: 1;
}

/** A name of the table with its namespace: `.user` -> `microsoft.graph.user`. */
export function qualify(table: RouteTable, name: string): string {
  return name.startsWith('.') ? `${table.namespace ?? ''}${name}` : name;
}

export function typeOf(table: RouteTable, target: Target | undefined): TypeRoute | undefined {
  return target === undefined ? undefined : table.types[target >> 1];
}

export function isCollection(target: Target | undefined): boolean {
  return target !== undefined && (target & 1) === 1;
}

/** Where a navigation property leads from `from`, looked up through the base types. */
export function navigate(table: RouteTable, from: Target | undefined, name: string): Target | undefined {
  if (from === undefined || isCollection(from)) return undefined;
  return findInChain(table, from, (type) => own(type.nav, name));
}

/** The action or function `name` bound to `at` (or the import, at the root). */
export function findCallable(table: RouteTable, at: Target | undefined, name: string, atRoot: boolean): CallableRoute | undefined {
  if (atRoot) return own(table.imports, name);
  return findInChain(table, at, (type) => own(isCollection(at) ? type.many : type.one, name));
}

/** A collection position's key properties and their literal kinds, when the table records them. */
export function keyKinds(table: RouteTable, at: Target | undefined): Record<string, LiteralKind> | undefined {
  return findInChain(table, at, (type) => type.key);
}

function findInChain<T>(table: RouteTable, target: Target | undefined, pick: (type: TypeRoute) => T | undefined): T | undefined {
  // Bounded by the table's size: a malformed table with a base cycle cannot loop forever.
  let type = typeOf(table, target);
  for (let steps = 0; type && steps <= table.types.length; steps++) {
    const found = pick(type);
    if (found !== undefined) return found;
    type = type.base === undefined ? undefined : table.types[type.base];
  }
  return undefined;
}

/** Own properties only: names like `constructor` or `__proto__` must not reach Object.prototype. */
function own<T>(record: Record<string, T> | undefined, name: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, name) ? record[name] : undefined;
}
