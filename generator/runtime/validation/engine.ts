import { checkInstanceAnnotation } from './annotations.ts';
import { createCompiler, items, type Compiler } from './compile.ts';
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

export function createEngine(table: ValidationTable): Engine {
  const schema = resolveSchema(table);
  const compiler = createCompiler(schema);
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
        validateRoot(compiler, typeName, value, walk, collection);
        return walk.issues;
      } catch {
        // A value that throws when read is not JSON. Walk it again reading every object in the
        // spec's order (`@odata.type` first), so the issues before the throw are the same as
        // for any other walk of it.
        return carefulWalk(compiler, typeName, value, createWalk(safeMode, options ?? {}, schema.ieee754Compatible, true), collection);
      }
    },
  };
}

function carefulWalk(compiler: Compiler, typeName: unknown, value: unknown, walk: Walk, collection: boolean): ValidationIssue[] {
  try {
    validateRoot(compiler, typeName, value, walk, collection);
  } catch (error) {
    // Only a value's own code can throw here (getters, proxies): report where it happened.
    walk.stopped = false;
    const reason = error instanceof Error ? error.message : 'an exception';
    report(walk, 'unreadable', 'error', 'JSON data', undefined, `reading the value failed: ${String(reason).slice(0, 200)}`);
  }
  return walk.issues;
}

function validateRoot(compiler: Compiler, typeName: unknown, value: unknown, walk: Walk, collection: boolean): void {
  let name = typeof typeName === 'string' ? typeName.trim() : '';
  const wrapped = /^#?Collection\((.*)\)$/.exec(name);
  if (wrapped) name = wrapped[1]!;
  const qualified = compiler.schema.qualify(name);
  const check = compiler.element(qualified, undefined, walk.mode);
  if (check === undefined) {
    report(walk, 'unknown-type', 'error', 'a type of the schema', typeName, `no type ${qualified || '(empty)'} in the schema`);
    return;
  }
  const structured = compiler.schema.structured(qualified) !== undefined;
  if (collection || wrapped) {
    envelope(value, walk, true, (inner) => {
      if (Array.isArray(inner)) items(inner, walk, false, `Collection(${qualified})`, check);
      else report(walk, 'envelope', 'error', `Collection(${qualified})`, inner, 'a collection is a JSON array in "value"');
    });
  } else if (value === null) {
    report(walk, 'null', 'error', qualified, value, 'a body is never null (no content is a 204)');
  } else if (!structured && !OBJECT_VALUED.test(qualified) && isObject(value)) {
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

