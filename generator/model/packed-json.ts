/**
 * A compact, lossless JSON form of a plain-data value (the model, for `model.gen.ts`): the same
 * data in about a third of the text of `JSON.stringify`, read back with `JSON.parse` and one
 * walk. It is data, never code: nothing in it is evaluated, so it is as safe to load in a
 * browser as plain JSON. On Graph v1.0 plain JSON is 24 MB, mostly the same few key names,
 * type names and file names written over and over, and each operation's path segments written
 * out again though the build shares them between operations.
 *
 * The text is `{"format":"odatakit-packed/1","keys":[...],"strings":[...],"value":<packed>}`,
 * where a packed value is a number, a boolean, null or a string (as in JSON), or an array whose
 * first element says what it is:
 *
 * - `[0, ...items]` a list;
 * - `[1, n]` the string `strings[n]` (strings used more than once);
 * - `[2, n]` the n-th shared object or list again (shared by identity in the value packed:
 *   the same object reached twice; numbered in the order their definitions start);
 * - `[3, ...packed]` a shared object or list, defined here: the rest is packed as above;
 * - `[k, ...values]` for k >= 4, an object with the keys `keys[k - 4]`, values in that order.
 *
 * Unpacking gives back exactly what `JSON.parse(JSON.stringify(value))` gives (same keys in the
 * same order: `JSON.stringify` of either is the same text), except that objects the packed value
 * shared are shared again. Packing is deterministic: the same value, the same text.
 */
export const PACKED_FORMAT = 'odatakit-packed/1';

const LIST = 0;
const STRING = 1;
const REFERENCE = 2;
const DEFINITION = 3;
const FIRST_SHAPE = 4;

/** A string is put in the table when writing it once and naming it by index is shorter. */
const MIN_SHARED_STRING = 6;
/** Long texts (descriptions) seldom repeat: not worth hashing each. */
const MAX_SHARED_STRING = 160;

export interface PackOptions {
  /**
   * Rewrites a string before it is packed: `key` is the property it is the value of (for a
   * list item, the property holding the list), `inList` whether it is a list item.
   */
  rewriteString?: (text: string, key: string, inList: boolean) => string;
  /**
   * Only the values of these properties (and the items of lists there) are looked for twice by
   * identity: finding every object again costs a lookup each, and most are reached once. An
   * object shared elsewhere is written out each time (the same JSON, not shared on reading).
   * Absent: every object is looked for.
   */
  sharedUnder?: readonly string[];
  /**
   * Applied to each part of the text as it is written (a top-level entry, the key and string
   * tables): the emitter escapes characters beyond ASCII there (see model-json.ts). Must keep
   * the JSON value the same.
   */
  writePart?: (json: string) => string;
}

/** The packed text of `value` (a JSON value: objects, lists, strings, finite numbers, booleans, null). */
export function packJson(value: unknown, options: PackOptions = {}): string {
  const rewrite = options.rewriteString ?? ((text: string) => text);
  const writePart = options.writePart ?? ((json: string) => json);
  const writeJson = (part: unknown) => writePart(JSON.stringify(part));
  const sharedUnder = options.sharedUnder === undefined ? undefined : new Set(options.sharedUnder);
  const tracks = (key: string, inList: boolean, parentTracked: boolean): boolean =>
    sharedUnder === undefined || (inList ? parentTracked : sharedUnder.has(key));
  // First pass: each object and list is numbered as it is reached (those looked for by identity
  // only the first time): the second pass reaches them in the same order. For each: how often it
  // is reached, its key list; and how often each string is used.
  const order = new Map<object, number>();
  // Per object, in reach order: how often it is reached, and its key list (-1: a list). Typed
  // arrays: Graph has about 600,000 objects, and plain arrays of numbers take twice the memory.
  let times = new Int32Array(1024);
  let shapeOf = new Int32Array(1024);
  let reached = 0;
  const shapes: string[][] = [];
  // Key lists by a trie of their names: no joined string per object.
  interface ShapeNode { shape: number; next: Map<string, ShapeNode> }
  const shapeRoot: ShapeNode = { shape: -1, next: new Map() };
  const uses = new Map<string, number>();
  const count = (item: unknown, key: string, inList: boolean, parentTracked: boolean): void => {
    if (typeof item === 'string') {
      const text = rewrite(item, key, inList);
      if (text.length >= MIN_SHARED_STRING && text.length <= MAX_SHARED_STRING) uses.set(text, (uses.get(text) ?? 0) + 1);
      return;
    }
    if (typeof item !== 'object' || item === null) return;
    const tracked = tracks(key, inList, parentTracked);
    if (tracked) {
      const seen = order.get(item);
      if (seen !== undefined) {
        times[seen]!++;
        return;
      }
    }
    if (reached === times.length) {
      times = grown(times);
      shapeOf = grown(shapeOf);
    }
    const index = reached++;
    times[index] = 1;
    if (tracked) order.set(item, index);
    if (Array.isArray(item)) {
      shapeOf[index] = -1;
      for (const element of item) count(element, key, true, tracked);
      return;
    }
    const fields = item as Record<string, unknown>;
    let node = shapeRoot;
    // for...in rather than Object.keys: no list per object (the model's objects are plain, own keys only).
    for (const name in fields) {
      const field = fields[name];
      // As JSON.stringify: properties holding undefined (or a function) are left out.
      if (field === undefined || typeof field === 'function' || !Object.hasOwn(fields, name)) continue;
      let next = node.next.get(name);
      if (next === undefined) node.next.set(name, (next = { shape: -1, next: new Map() }));
      node = next;
      count(field, name, false, false);
    }
    if (node.shape === -1) node.shape = shapes.push(ownNames(fields)) - 1;
    shapeOf[index] = node.shape;
  };
  count(value, '', false, false);
  const strings: string[] = [];
  // A shared string -> its packed form (`[1,n]`), made once.
  const stringToken = new Map<string, unknown[]>();
  for (const [text, used] of uses) {
    if (used > 1) stringToken.set(text, [STRING, strings.push(text) - 1]);
  }
  // Second pass: the packed value as lists, written by JSON.stringify (one native pass; building
  // the text piece by piece here cost three times as much). The lists of each top-level entry
  // (a type, an operation) are written as soon as they are built, so that only one entry's
  // lists are held at a time, not the whole model's (on Graph, about 100 MB more at the peak).
  const definedAs = new Int32Array(reached);
  let definitions = 0;
  let reachedCount = 0;
  const open = new Set<object>();
  const pack = (item: unknown, key: string, inList: boolean, parentTracked: boolean, depth: number): unknown => {
    if (typeof item === 'string') {
      const text = rewrite(item, key, inList);
      return (text.length >= MIN_SHARED_STRING && text.length <= MAX_SHARED_STRING ? stringToken.get(text) : undefined) ?? text;
    }
    // As JSON.stringify: undefined, a function or a symbol in a list is null.
    if (typeof item !== 'object' || item === null) return typeof item === 'number' || typeof item === 'boolean' ? item : null;
    const tracked = tracks(key, inList, parentTracked);
    const index = tracked ? order.get(item)! : reachedCount;
    if (index < reachedCount) {
      if (open.has(item)) throw new TypeError('packJson: a value that contains itself has no JSON form');
      return [REFERENCE, definedAs[index]!];
    }
    reachedCount++;
    const shared = times[index]! > 1;
    const packed: unknown[] = [];
    if (shared) {
      definedAs[index] = definitions++;
      open.add(item);
      packed.push(DEFINITION);
    }
    const shape = shapeOf[index]!;
    // Near the root, each part is written to text at once (see above).
    const part = depth < WRITTEN_BELOW ? (child: unknown) => (child instanceof PackedText ? child.text : writeJson(child)) : (child: unknown) => child;
    if (shape === -1) {
      packed.push(LIST);
      for (const element of item as unknown[]) packed.push(part(pack(element, key, true, tracked, depth + 1)));
    } else {
      packed.push(FIRST_SHAPE + shape);
      const fields = item as Record<string, unknown>;
      for (const name of shapes[shape]!) packed.push(part(pack(fields[name], name, false, false, depth + 1)));
    }
    if (shared) open.delete(item);
    if (depth === 0) return new PackedRoot(packed);
    return depth < WRITTEN_BELOW ? new PackedText(`[${packed.join(',')}]`) : packed;
  };
  const root = pack(value, '', false, false, 0);
  const head = `{"format":${JSON.stringify(PACKED_FORMAT)},"keys":${writeJson(shapes)},"strings":${writeJson(strings)},"value":`;
  if (!(root instanceof PackedRoot)) return `${head}${writeJson(root)}}`;
  // The root's parts joined once, with the head and the end: one flat text. Joining them first
  // and then adding the head made a rope, which the next reader (JSON.stringify) flattened into
  // a second copy (Graph v1.0: 7 MB more of short-lived text).
  const parts = root.parts;
  parts[0] = `${head}[${String(parts[0])}`;
  parts[parts.length - 1] = `${String(parts[parts.length - 1])}]}`;
  return parts.join(',');
}

/** The same numbers in an array twice as long. */
function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

/** The keys JSON.stringify writes, in its order. */
function ownNames(fields: Record<string, unknown>): string[] {
  return Object.keys(fields).filter((name) => fields[name] !== undefined && typeof fields[name] !== 'function');
}

/** Values this deep or deeper are packed as lists, and written to text by their parent. */
const WRITTEN_BELOW = 2;

/** The root's packed list, its items written (all but its tags): joined by packJson with the rest. */
class PackedRoot {
  readonly parts: unknown[];
  constructor(parts: unknown[]) {
    this.parts = parts;
  }
}

/** Packed text already written (a part near the root). */
class PackedText {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** True for the parsed text of `packJson` (as opposed to plain JSON of the same value). */
export function isPacked(parsed: unknown): parsed is { format: string; keys: unknown; strings: unknown; value: unknown } {
  return typeof parsed === 'object' && parsed !== null && (parsed as Record<string, unknown>)['format'] === PACKED_FORMAT;
}

/**
 * The value back from the parsed packed text. Throws on a text that does not fit together
 * (an unknown tag, an index outside its table): a wrong model is worse than none.
 */
export function unpackJson(parsed: { keys: unknown; strings: unknown; value: unknown }): unknown {
  const { keys, strings } = parsed;
  if (!Array.isArray(keys) || !keys.every((names) => Array.isArray(names) && names.every((name) => typeof name === 'string'))) {
    throw new Error("expected lists of key names at '/keys'");
  }
  if (!Array.isArray(strings) || !strings.every((text) => typeof text === 'string')) throw new Error("expected a list of strings at '/strings'");
  const shapes = keys as string[][];
  const table = strings as string[];
  const shared: unknown[] = [];
  const unpack = (item: unknown): unknown => {
    if (!Array.isArray(item)) return item;
    const tag: unknown = item[0];
    if (tag === STRING) return at(table, item[1], 'string');
    if (tag === REFERENCE) return at(shared, item[1], 'shared value');
    if (tag === DEFINITION) {
      const index = shared.push(undefined) - 1;
      return (shared[index] = build(item, 1));
    }
    return build(item, 0);
  };
  const build = (item: unknown[], start: number): unknown => {
    const tag: unknown = item[start];
    if (tag === LIST) {
      const list = new Array<unknown>(item.length - start - 1);
      for (let index = start + 1; index < item.length; index++) list[index - start - 1] = unpack(item[index]);
      return list;
    }
    const names = typeof tag === 'number' && tag >= FIRST_SHAPE ? shapes[tag - FIRST_SHAPE] : undefined;
    if (!names || names.length !== item.length - start - 1) throw new Error(`not a packed value: ${String(tag)}`);
    const object: Record<string, unknown> = {};
    for (let index = 0; index < names.length; index++) {
      const name = names[index]!;
      const field = unpack(item[start + 1 + index]);
      // A schema may name a record field `__proto__`: an own property, as JSON.parse makes it.
      if (name === '__proto__') Object.defineProperty(object, name, { value: field, enumerable: true, writable: true, configurable: true });
      else object[name] = field;
    }
    return object;
  };
  return unpack(parsed.value);
}

function at(table: unknown[], index: unknown, what: string): unknown {
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= table.length) throw new Error(`no ${what} ${String(index)}`);
  return table[index];
}
