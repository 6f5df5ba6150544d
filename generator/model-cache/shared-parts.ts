import type { Model } from '../model/types.ts';

/**
 * The parts the build shares between operations, written once each. The 14,601 operations of
 * Graph v1.0 hold 84,142 path segments but only about 9,400 distinct segment objects and lists
 * (GET, PATCH and DELETE of a path share one list; /a/b/c shares /a/b's segments), 2,467
 * distinct source positions, and share many targets and responses. Plain JSON writes every
 * reference out (8.7 MB of segments alone in a 24 MB entry); here each shared object and list
 * is written once and operations name them by index. Decoding goes by identity, so it
 * restores exactly the sharing the build made, never more: the loaded model is the built one,
 * object for object in these parts.
 */
export interface SharedParts {
  /** Every distinct object of the fields below (and every element of their lists), in first-use order. */
  objects: object[];
  /** Every distinct list of LIST_FIELDS, as indexes into `objects`. */
  lists: number[][];
  /**
   * Every distinct operation path, in first-use order: operations name theirs by index, and
   * their id by 0 when it is `METHOD path`, as the build makes it (Graph v1.0: 14,601
   * operations on 8,864 paths; ids and paths were 2 MB of a 15 MB entry).
   */
  paths: string[];
}

/** Operation fields holding a list of objects (the list and its elements shared). */
const LIST_FIELDS = ['segments', 'sources'] as const;
/** Operation fields holding one object. */
const OBJECT_FIELDS = ['target', 'response', 'requestBody'] as const;
/** Every operation field the build shares between operations (model.gen.ts's packed form shares the same). */
export const SHARED_OPERATION_FIELDS: readonly string[] = [...LIST_FIELDS, ...OBJECT_FIELDS];

type Fields = Record<string, unknown>;

/**
 * The model with those operation fields replaced by indexes (same key order). Throws on a
 * field that holds something else than the model's types say: no entry is better than a wrong one.
 */
export function shareParts(model: Model): { model: Model; shared: SharedParts } {
  const objectIndex = new Map<object, number>();
  const listIndex = new Map<object[], number>();
  const shared: SharedParts = { objects: [], lists: [], paths: [] };
  const pathIndex = new Map<string, number>();
  const indexOf = (value: unknown): number => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a shareable object');
    let index = objectIndex.get(value);
    if (index === undefined) objectIndex.set(value, (index = shared.objects.push(value) - 1));
    return index;
  };
  const listOf = (list: unknown): number => {
    if (!Array.isArray(list)) throw new Error('not a shareable list');
    let index = listIndex.get(list);
    if (index === undefined) listIndex.set(list, (index = shared.lists.push(list.map(indexOf)) - 1));
    return index;
  };
  const operations = model.operations.map((operation) => {
    const encoded: Fields = { ...operation };
    let index = pathIndex.get(operation.path);
    if (index === undefined) pathIndex.set(operation.path, (index = shared.paths.push(operation.path) - 1));
    encoded['path'] = index;
    if (operation.id === `${operation.method} ${operation.path}`) encoded['id'] = 0;
    for (const field of LIST_FIELDS) if (field in encoded) encoded[field] = listOf(encoded[field]);
    for (const field of OBJECT_FIELDS) if (field in encoded) encoded[field] = indexOf(encoded[field]);
    return encoded;
  });
  return { model: { ...model, operations: operations as unknown as Model['operations'] }, shared };
}

/**
 * Puts the shared parts back into the operations, in place. False (and the model unusable)
 * when the entry does not fit together: an index that is not one of its tables'.
 */
export function restoreParts(model: Model, shared: SharedParts): boolean {
  const { objects, lists, paths } = shared;
  if (!Array.isArray(objects) || !Array.isArray(lists) || !Array.isArray(paths)) return false;
  // This runs once per process, mostly in V8's interpreter: the checks are kept few. With
  // every table object checked first, a number that finds something in the table is sound
  // (JSON has no NaN; 1.5 or -1 find nothing).
  if (!(objects as unknown[]).every((value) => typeof value === 'object' && value !== null && !Array.isArray(value))) return false;
  const at = (table: unknown[], index: unknown) => (typeof index === 'number' ? table[index] : undefined);
  // Array methods rather than for...of: V8's interpreter runs the iterator protocol per
  // element (measured: 8-19 ms against 2-3 ms for Graph's lists).
  let sound = true;
  const restored = (lists as unknown[]).map((ids) => {
    if (!Array.isArray(ids)) return (sound = false), [];
    return ids.map((id: unknown) => at(objects, id) ?? ((sound = false), {}));
  });
  if (!sound) return false;
  return (model.operations as unknown[]).every((operation) => {
    if (typeof operation !== 'object' || operation === null) return false;
    // Each field by name (the round-trip test keeps this in step with LIST_FIELDS and
    // OBJECT_FIELDS: an index left in place would not equal the build).
    const fields = operation as Partial<Record<(typeof LIST_FIELDS)[number] | (typeof OBJECT_FIELDS)[number] | 'id' | 'method' | 'path', unknown>>;
    const path = at(paths, fields.path);
    if (typeof path !== 'string') return false;
    fields.path = path;
    if (fields.id === 0) {
      if (typeof fields.method !== 'string') return false;
      fields.id = fields.method + ' ' + path;
    } else if (typeof fields.id !== 'string') return false;
    if (fields.segments !== undefined && (fields.segments = at(restored, fields.segments)) === undefined) return false;
    if (fields.sources !== undefined && (fields.sources = at(restored, fields.sources)) === undefined) return false;
    if (fields.target !== undefined && (fields.target = at(objects, fields.target)) === undefined) return false;
    if (fields.response !== undefined && (fields.response = at(objects, fields.response)) === undefined) return false;
    if (fields.requestBody !== undefined && (fields.requestBody = at(objects, fields.requestBody)) === undefined) return false;
    return true;
  });
}
