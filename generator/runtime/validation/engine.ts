import type { Acceptor, Acceptors } from './accept.ts';
import { checkInstanceAnnotation } from './annotations.ts';
import { createCompiler, items, type Check, type Compiler } from './compile.ts';
import { resolveSchema } from './resolve.ts';
import type { ValidateOptions, ValidationIssue, ValidationMode, ValidationTable } from './types.ts';
import { createWalk, halt, report, requestError, type Walk } from './walk.ts';

/**
 * The validation engine: one per table, compiling checks lazily per type and mode.
 * `validate` never throws: bad arguments, unreadable values (throwing getters, revoked
 * proxies) and runaway inputs all come back as issues.
 */
export interface Engine {
  /**
   * Checks `value` as `typeName` (qualified, alias-qualified, `#`-prefixed, `Collection(T)`
   * or an Edm type) in `mode`. Errors and warnings are told apart by `severity`.
   */
  validate(typeName: string, value: unknown, mode: ValidationMode, options?: ValidateOptions): ValidationIssue[];
}

const MODES = new Set<unknown>(['read', 'create', 'update']);
// Types whose values may be objects: a `{ "value": ... }` wrapper cannot be told apart for them.
const OBJECT_VALUED = /^Edm\.(Untyped|Stream|Geography|Geometry|ComplexType|EntityType)/;

export interface EngineOptions {
  /**
   * Generated acceptors (`acceptors.gen.ts`, see accept.ts): valid values settled without the
   * table walk. They must be generated from this table (validators.gen.ts pairs them).
   */
  acceptors?: Acceptors;
}

export function createEngine(table: ValidationTable, options: EngineOptions = {}): Engine {
  const schema = resolveSchema(table);
  const compiler = createCompiler(schema, options.acceptors);
  const roots: Record<ValidationMode, Map<string, Root>> = { read: new Map(), create: new Map(), update: new Map() };
  return {
    validate(typeName, value, mode, options) {
      const safeMode = MODES.has(mode) ? mode : 'read';
      if (safeMode !== mode) {
        const walk = createWalk(safeMode, options ?? {}, schema.ieee754Compatible);
        report(walk, 'argument', 'error', 'read, create or update', mode, 'unknown validation mode');
        return walk.issues;
      }
      const collection = options?.collection === true;
      const walk = createWalk(safeMode, options ?? {}, schema.ieee754Compatible);
      try {
        validateRoot(compiler, rootOf(compiler, roots[safeMode], typeName, safeMode), typeName, value, walk, collection);
        return walk.issues;
      } catch {
        // A value that throws when read is not JSON. Walk it again reading every object in the
        // spec's order (`@odata.type` first), so the issues before the throw are the same as
        // for any other walk of it.
        return carefulWalk(compiler, roots[safeMode], typeName, value, createWalk(safeMode, options ?? {}, schema.ieee754Compatible, true), collection);
      }
    },
  };
}

function carefulWalk(compiler: Compiler, roots: Map<string, Root>, typeName: unknown, value: unknown, walk: Walk, collection: boolean): ValidationIssue[] {
  try {
    validateRoot(compiler, rootOf(compiler, roots, typeName, walk.mode), typeName, value, walk, collection);
  } catch (error) {
    // Only a value's own code can throw here (getters, proxies): report where it happened.
    walk.stopped = false;
    const reason = error instanceof Error ? error.message : 'an exception';
    report(walk, 'unreadable', 'error', 'JSON data', undefined, `reading the value failed: ${String(reason).slice(0, 200)}`);
  }
  return walk.issues;
}

/** What a root type name stands for, worked out once per name and mode. */
interface Root {
  qualified: string;
  /** `Collection(...)` around the name. */
  wrapped: boolean;
  check: Check | undefined;
  /** A primitive or enum type whose single value may come wrapped in `{ "value": ... }`. */
  wrappable: boolean;
  collectionName: string;
  /** The acceptor of a structured type's values (see accept.ts). */
  accept: Acceptor | undefined;
}

/** Names are cached up to this many per mode: callers may pass names from payloads. */
const MAX_CACHED_ROOTS = 1000;

function rootOf(compiler: Compiler, cache: Map<string, Root>, typeName: unknown, mode: ValidationMode): Root {
  if (typeof typeName === 'string') {
    const cached = cache.get(typeName);
    if (cached !== undefined) return cached;
  }
  let name = typeof typeName === 'string' ? typeName.trim() : '';
  const wrapped = /^#?Collection\((.*)\)$/.exec(name);
  if (wrapped) name = wrapped[1]!;
  const qualified = compiler.schema.qualify(name);
  const check = compiler.element(qualified, undefined, mode);
  const structured = compiler.schema.structured(qualified) !== undefined;
  const root: Root = { qualified, wrapped: wrapped !== null, check, wrappable: !structured && !OBJECT_VALUED.test(qualified), collectionName: `Collection(${qualified})`, accept: compiler.itemAcceptor(qualified, undefined) };
  if (typeof typeName === 'string' && cache.size < MAX_CACHED_ROOTS) cache.set(typeName, root);
  return root;
}

function validateRoot(compiler: Compiler, root: Root, typeName: unknown, value: unknown, walk: Walk, collection: boolean): void {
  const { qualified, check } = root;
  if (check === undefined) {
    report(walk, 'unknown-type', 'error', 'a type of the schema', typeName, `no type ${qualified || '(empty)'} in the schema`);
    return;
  }
  if (collection || root.wrapped) {
    envelope(value, walk, true, (inner) => {
      if (Array.isArray(inner)) items(inner, walk, false, root.collectionName, check, root.accept);
      else report(walk, 'envelope', 'error', root.collectionName, inner, 'a collection is a JSON array in "value"');
    });
  } else if (value === null) {
    report(walk, 'null', 'error', qualified, value, 'a body is never null (no content is a 204)');
  } else if (root.wrappable && isObject(value)) {
    // A single primitive or enum value comes wrapped in `{ "value": ... }` (OData JSON 4.01, section 7.1).
    envelope(value, walk, false, (inner) => (inner === null ? undefined : check(inner, walk)));
  } else {
    check(value, walk);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `{ "@odata.context": ..., "value": ..., "@odata.nextLink": ... }` (OData JSON 4.01, sections
 * 7.1 and 12). A bare array is accepted for collections, for in-process callers.
 */
function envelope(value: unknown, walk: Walk, collection: boolean, inner: (value: unknown) => void): void {
  if (collection && Array.isArray(value)) {
    inner(value);
    return;
  }
  if (!isObject(value)) {
    report(walk, 'envelope', 'error', 'an object with "value"', value, 'expected an OData JSON object with a "value" member');
    return;
  }
  for (const key of Object.keys(value)) {
    if (key === 'value') continue;
    walk.path[walk.size++] = key;
    if (walk.full && halt(walk)) {
      walk.size--;
      return;
    }
    if (key.charCodeAt(0) === 64 /* @ */) checkInstanceAnnotation(key, value[key], walk);
    else report(walk, 'unknown-property', requestError(walk), 'value or an annotation', value[key], `the envelope holds "value" and annotations, not ${key}`);
    walk.size--;
  }
  if (!Object.hasOwn(value, 'value')) {
    report(walk, 'envelope', 'error', 'an object with "value"', value, 'no "value" member');
    return;
  }
  walk.path[walk.size++] = 'value';
  if (!halt(walk)) inner(value['value']);
  walk.size--;
}

