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
   * The text as a JSON string literal (what `JSON.stringify` of the packed text gives), written
   * as such rather than quoted afterwards: `model.gen.ts` carries it so, and quoting 7 MB once
   * more costs a pass and a copy.
   */
  quoted?: boolean;
}

/**
 * The packed text of `value` (a JSON value: objects, lists, strings, finite numbers, booleans,
 * null). Characters beyond ASCII are escaped (`\u00e9`: the same JSON value), so that the text
 * is one byte per character whatever the strings in the value are (the model's are cut from the
 * input text, two bytes per character when it holds any character beyond Latin-1).
 */
export function packJson(value: unknown, options: PackOptions = {}): string {
  const packer = new Packer(options);
  packer.count(value, '', false, false);
  return packer.write();
}

/** A node of the trie of key lists: objects with the same keys in the same order end on the same node. */
interface ShapeNode {
  shape: number;
  /** The first key seen after this node and where it leads: most nodes have one, a compare instead of a lookup. */
  firstName: string | undefined;
  firstNext: ShapeNode | undefined;
  more: Map<string, ShapeNode> | undefined;
  /** The (rewritten) string last met as the value of this key here, and its number (see countString). */
  lastText: string | undefined;
  lastId: number;
}

const shapeNode = (): ShapeNode => ({ shape: -1, firstName: undefined, firstNext: undefined, more: undefined, lastText: undefined, lastId: -1 });

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const ZERO = 0x30;
const HEX = '0123456789abcdef';
const ENCODER = new TextEncoder();
/** Strings up to a third of this long are encoded through the scratch bytes (see writePlainCharacters). */
const SCRATCH_LENGTH = 4096;
const SHORT_STRING = 8;
/** JSON.stringify's short escapes, by character code (others below a space are `\u00XX`). */
const SHORT_ESCAPES: Record<number, number> = { 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72 };

/*
 * What the walk records, in the order met, one number each: the low 3 bits say what, the rest
 * (OP_SHIFT up) a number: a reach number, a text number, an index into `others`, or the value.
 */
const OP_NODE = 0; // an object or list reached the first time (its reach number); its values follow, then OP_END
const OP_END = 1;
const OP_AGAIN = 2; // an object reached again (its reach number)
const OP_TEXT = 3; // a string long enough to share (its text number)
const OP_STRING = 4; // any other string (its index in `others`)
const OP_INTEGER = 5; // a whole number from 0 below MAX_OP_INTEGER (the number)
const OP_NUMBER = 6; // any other number (its index in `others`)
const OP_CONSTANT = 7; // null, false or true (index in CONSTANTS)
const OP_SHIFT = 3;
/** What fits above the 3 bits in a 32-bit record; reach, text and other numbers past it are refused (no wrong text). */
const MAX_OP_INTEGER = 2 ** 28;
const CONSTANTS = ['null', 'false', 'true'];

/**
 * One walk over the value (`count`), then one loop over what it recorded (`write`). The walk
 * numbers each object and list as it is reached, finds its key list, counts how often each
 * string and each object looked for by identity is met, and records each value met (typed
 * arrays: a few MB for Graph, no garbage per value). Only then is it known which strings and
 * objects are shared and what each key list is numbered, so the text is written from the
 * records, as bytes into one buffer decoded once at the end: no lists or strings per value
 * (building them and writing them with JSON.stringify cost three times as much), no second
 * walk over the model's objects, no lookup by string or by identity a second time.
 */
class Packer {
  private readonly rewrite: ((text: string, key: string, inList: boolean) => string) | undefined;
  private readonly sharedUnder: Set<string> | undefined;
  private readonly quoted: boolean;
  /** No enumerable key on Object.prototype (nothing polluted it): see countFields. */
  private readonly plainPrototypes = !hasEnumerableKey(Object.prototype);
  // Large to start with (1 MB; Graph: ~950,000 records, ~210,000 objects and lists): each time
  // one grows, it is copied.
  private ops = new Int32Array(1 << 18);
  private opCount = 0;
  /** The strings of OP_STRING and the numbers of OP_NUMBER. */
  private readonly others: (string | number)[] = [];
  /** Characters of OP_STRING strings, for the size of the text. */
  private otherLength = 0;
  // Per object or list, by reach number: how often it is reached, and its key list (-1: a list).
  private times = new Int32Array(1 << 16);
  private shapeOf = new Int32Array(1 << 16);
  private reached = 0;
  /** Objects looked for by identity -> reach number. */
  private readonly order = new Map<object, number>();
  /** Per reach number: 1 while an object looked for by identity is being walked (reached inside itself: no JSON). */
  private open = new Uint8Array(1 << 16);
  private readonly shapes: string[][] = [];
  private readonly shapeRoot = shapeNode();
  // Strings long enough to share: each distinct (rewritten) text once, and how often it is used.
  private readonly textIds = new Map<string, number>();
  private readonly texts: string[] = [];
  private textLength = 0;
  private uses = new Int32Array(1 << 14);
  // The text.
  private bytes = new Uint8Array(0);
  private length = 0;
  private readonly scratch = new Uint8Array(SCRATCH_LENGTH);

  constructor(options: PackOptions) {
    this.rewrite = options.rewriteString;
    this.sharedUnder = options.sharedUnder === undefined ? undefined : new Set(options.sharedUnder);
    this.quoted = options.quoted === true;
  }

  private record(code: number, n: number): void {
    if (this.opCount === this.ops.length) this.growOps();
    this.ops[this.opCount++] = (n << OP_SHIFT) | code;
  }

  /** Apart from `record`, so that `record` stays small enough to be inlined where it is called. */
  private growOps(): void {
    this.ops = grown(this.ops);
  }

  private recordOther(code: number, other: string | number): void {
    this.record(code, counted(this.others.push(other) - 1));
  }

  count(item: unknown, key: string, inList: boolean, parentTracked: boolean): void {
    switch (typeof item) {
      case 'string':
        return this.countString(item, key, inList, undefined);
      case 'number':
        // As JSON.stringify: -0 is 0 (`-0 >= 0`, and `-0 << 3` is 0).
        if (item >= 0 && item < MAX_OP_INTEGER && Number.isInteger(item)) return this.record(OP_INTEGER, item);
        return this.recordOther(OP_NUMBER, item);
      case 'boolean':
        return this.record(OP_CONSTANT, item ? 2 : 1);
      case 'object':
        if (item !== null) return this.countNode(item, key, inList, parentTracked);
    }
    // As JSON.stringify: null, and in a list undefined, a function or a symbol, is null.
    this.record(OP_CONSTANT, 0);
  }

  private countNode(item: object, key: string, inList: boolean, parentTracked: boolean): void {
    const sharedUnder = this.sharedUnder;
    const tracked = sharedUnder === undefined || (inList ? parentTracked : sharedUnder.has(key));
    if (tracked) {
      const seen = this.order.get(item);
      if (seen !== undefined) return this.countAgain(seen);
    }
    const index = this.reach();
    this.record(OP_NODE, index);
    if (tracked) {
      this.order.set(item, index);
      this.open[index] = 1;
    }
    // Into a local first: the walk below may replace the arrays with larger ones.
    const shape = Array.isArray(item) ? this.countList(item, key, tracked) : this.countFields(item as Record<string, unknown>);
    this.shapeOf[index] = shape;
    this.record(OP_END, 0);
    if (tracked) this.open[index] = 0;
  }

  private countAgain(seen: number): void {
    if (this.open[seen] === 1) throw new TypeError('packJson: a value that contains itself has no JSON form');
    this.times[seen]!++;
    this.record(OP_AGAIN, seen);
  }

  /** The next reach number, reached once so far. */
  private reach(): number {
    if (this.reached === this.times.length) {
      this.times = grown(this.times);
      this.shapeOf = grown(this.shapeOf);
      this.open = grownBytes(this.open);
    }
    const index = counted(this.reached++);
    this.times[index] = 1;
    return index;
  }

  private countList(list: unknown[], key: string, tracked: boolean): number {
    for (let index = 0; index < list.length; index++) this.count(list[index], key, true, tracked);
    return -1;
  }

  /** Counts the fields; gives the number of the key list (numbered as their objects end). */
  private countFields(fields: Record<string, unknown>): number {
    let node = this.shapeRoot;
    // An object whose prototype adds no enumerable key has only own keys in for...in: one check
    // per object instead of a call per field.
    const plain = this.plainPrototypes && isPlainPrototype(Object.getPrototypeOf(fields));
    // for...in rather than Object.keys: no list per object.
    for (const name in fields) {
      const field = fields[name];
      // As JSON.stringify: properties holding undefined (or a function) are left out.
      if (field === undefined || typeof field === 'function' || (!plain && !Object.hasOwn(fields, name))) continue;
      node = node.firstName === name ? node.firstNext! : nextShapeNode(node, name);
      if (typeof field === 'string') this.countString(field, name, false, node);
      else this.count(field, name, false, false);
    }
    if (node.shape === -1) node.shape = this.shapes.push(ownNames(fields)) - 1;
    return node.shape;
  }

  /**
   * `node`: where the string is in its object's key list. The string there is often the one
   * met there last (every source's file, most segments' kind): compared first, it saves
   * looking it up (half the lookups on Graph).
   */
  private countString(item: string, key: string, inList: boolean, node: ShapeNode | undefined): void {
    const text = this.rewrite === undefined ? item : this.rewrite(item, key, inList);
    if (text.length < MIN_SHARED_STRING || text.length > MAX_SHARED_STRING) {
      this.otherLength += text.length;
      return this.recordOther(OP_STRING, text);
    }
    let id: number;
    if (node !== undefined && node.lastText === text) id = node.lastId;
    else {
      id = this.textIds.get(text) ?? this.newText(text);
      if (node !== undefined) {
        node.lastText = text;
        node.lastId = id;
      }
    }
    this.uses[id]!++;
    this.record(OP_TEXT, id);
  }

  private newText(text: string): number {
    const id = counted(this.texts.push(text) - 1);
    this.textIds.set(text, id);
    this.textLength += text.length;
    if (id === this.uses.length) this.uses = grown(this.uses);
    return id;
  }

  /** The whole text: the tables the walk found, then the value from the records. */
  write(): string {
    this.textIds.clear();
    this.order.clear();
    // Room for all of it at once, as good as always: each text in full once (a tenth more when
    // quoted, for escapes), and a few bytes per record (Graph: 5 on average).
    this.bytes = new Uint8Array(Math.ceil((this.textLength + this.otherLength) * (this.quoted ? 1.1 : 1)) + 6 * this.opCount + 4096);
    if (this.quoted) this.byte(QUOTE);
    this.writeAscii('{');
    this.writeString('format');
    this.byte(COLON);
    this.writeString(PACKED_FORMAT);
    this.byte(COMMA);
    this.writeString('keys');
    this.byte(COLON);
    this.writeKeyTable();
    this.byte(COMMA);
    this.writeString('strings');
    this.byte(COLON);
    const tableIndex = this.writeStringTable();
    this.byte(COMMA);
    this.writeString('value');
    this.byte(COLON);
    this.writeRecords(tableIndex);
    this.writeAscii('}');
    if (this.quoted) this.byte(QUOTE);
    // All ASCII: decoded as UTF-8 it is a one-byte string.
    return new TextDecoder().decode(this.bytes.subarray(0, this.length));
  }

  private writeKeyTable(): void {
    this.byte(OPEN);
    for (let shape = 0; shape < this.shapes.length; shape++) {
      if (shape > 0) this.byte(COMMA);
      this.byte(OPEN);
      const names = this.shapes[shape]!;
      for (let index = 0; index < names.length; index++) {
        if (index > 0) this.byte(COMMA);
        this.writeString(names[index]!);
      }
      this.byte(CLOSE);
    }
    this.byte(CLOSE);
  }

  /** The strings used more than once, in the order first used; gives their index per text number (-1: used once). */
  private writeStringTable(): Int32Array {
    const tableIndex = new Int32Array(this.texts.length).fill(-1);
    let shared = 0;
    this.byte(OPEN);
    for (let id = 0; id < this.texts.length; id++) {
      if (this.uses[id]! < 2) continue;
      if (shared > 0) this.byte(COMMA);
      tableIndex[id] = shared++;
      this.writeString(this.texts[id]!);
    }
    this.byte(CLOSE);
    return tableIndex;
  }

  /** The value, from the records: each value after the first in a list or object after a comma. */
  private writeRecords(tableIndex: Int32Array): void {
    const { ops, times, shapeOf, others } = this;
    const definedAs = new Int32Array(this.reached);
    let definitions = 0;
    let comma = false;
    for (let at = 0; at < this.opCount; at++) {
      const op = ops[at]!;
      const code = op & 7;
      const n = op >>> OP_SHIFT;
      if (code === OP_END) {
        this.byte(CLOSE);
        continue;
      }
      if (comma) this.byte(COMMA);
      comma = true;
      switch (code) {
        case OP_NODE: {
          this.byte(OPEN);
          if (times[n]! > 1) {
            definedAs[n] = definitions++;
            this.writeInteger(DEFINITION);
            this.byte(COMMA);
          }
          const shape = shapeOf[n]!;
          this.writeInteger(shape === -1 ? LIST : FIRST_SHAPE + shape);
          break;
        }
        case OP_AGAIN:
          this.writeTagged(REFERENCE, definedAs[n]!);
          break;
        case OP_TEXT:
          if (tableIndex[n] === -1) this.writeString(this.texts[n]!);
          else this.writeTagged(STRING, tableIndex[n]!);
          break;
        case OP_STRING:
          this.writeString(others[n] as string);
          break;
        case OP_INTEGER:
          this.writeInteger(n);
          break;
        case OP_NUMBER:
          this.writeNumber(others[n] as number);
          break;
        default:
          this.writeAscii(CONSTANTS[n]!);
      }
    }
  }

  /** `[tag,n]` */
  private writeTagged(tag: number, n: number): void {
    this.byte(OPEN);
    this.writeInteger(tag);
    this.byte(COMMA);
    this.writeInteger(n);
    this.byte(CLOSE);
  }

  /** As JSON.stringify: a number as JavaScript writes it, a non-finite one null. */
  private writeNumber(value: number): void {
    this.writeAscii(Number.isFinite(value) ? String(value) : 'null');
  }

  /** A whole number from 0 to 2^31 - 1, digit by digit. */
  private writeInteger(value: number): void {
    let digits = 1;
    for (let rest = value; rest >= 10; rest = (rest / 10) | 0) digits++;
    this.reserve(digits);
    let at = this.length + digits;
    this.length = at;
    let rest = value | 0;
    do {
      this.bytes[--at] = ZERO + (rest % 10);
      rest = (rest / 10) | 0;
    } while (rest > 0);
  }

  /** Text with no quote, backslash or character beyond ASCII in it (a number, true, a bracket). */
  private writeAscii(text: string): void {
    this.reserve(text.length);
    for (let index = 0; index < text.length; index++) this.bytes[this.length++] = text.charCodeAt(index);
  }

  private byte(code: number): void {
    if (this.length === this.bytes.length) this.reserve(1);
    this.bytes[this.length++] = code;
  }

  /**
   * A string as JSON.stringify writes it, with every character beyond ASCII escaped as
   * `\u00e9` (what escapeBeyondAscii makes of it: the same JSON value); when quoted, its quotes
   * and backslashes escaped once more.
   */
  private writeString(text: string): void {
    const length = text.length;
    // At most 7 bytes a character (`\\u00e9` when quoted), and the two quotes.
    this.reserve(length * 7 + 4);
    const bytes = this.bytes;
    let at = this.length;
    if (this.quoted) bytes[at++] = BACKSLASH;
    bytes[at++] = QUOTE;
    // Short strings are quicker copied by hand than through the encoder's call.
    at = length > SHORT_STRING && length * 3 <= SCRATCH_LENGTH ? this.writePlainCharacters(text, at) : -1;
    if (at === -1) at = this.writeCharacters(text, this.length + (this.quoted ? 2 : 1));
    if (this.quoted) bytes[at++] = BACKSLASH;
    bytes[at++] = QUOTE;
    this.length = at;
  }

  /**
   * The characters of a string that needs no escape (no quote, backslash, control character or
   * character beyond ASCII: nearly all), copied natively: -1 when one needs an escape. Through
   * the encoder and the scratch bytes because `charCodeAt` here meets every kind of string the
   * model holds (sliced, concatenated, one or two bytes a character), and V8 then compiles it
   * to a generic path several times slower than a copy (Graph: ~35 ms of the write).
   */
  private writePlainCharacters(text: string, at: number): number {
    const scratch = this.scratch;
    // UTF-8 of ASCII is the same bytes; any other character is bytes from 0x80 up.
    const written = ENCODER.encodeInto(text, scratch).written;
    const bytes = this.bytes;
    for (let index = 0; index < written; index++) {
      const code = scratch[index]!;
      if (code < 0x20 || code >= 0x80 || code === QUOTE || code === BACKSLASH) return -1;
      bytes[at + index] = code;
    }
    return at + written;
  }

  /** The characters of a string, escaped where JSON.stringify (and then escapeBeyondAscii) escapes them. */
  private writeCharacters(text: string, at: number): number {
    const bytes = this.bytes;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code >= 0x20 && code < 0x80 && code !== QUOTE && code !== BACKSLASH) bytes[at++] = code;
      else at = this.writeEscape(at, code);
    }
    return at;
  }

  /** The escape of one character in a JSON string, at `at` (room reserved); gives the end. */
  private writeEscape(at: number, code: number): number {
    const bytes = this.bytes;
    bytes[at++] = BACKSLASH;
    if (this.quoted) bytes[at++] = BACKSLASH;
    if (code === QUOTE || code === BACKSLASH) {
      // Quoted, `\"` is `\\\"`: the escape's backslash and the quote each escaped.
      if (this.quoted) bytes[at++] = BACKSLASH;
      bytes[at++] = code;
      return at;
    }
    const short = SHORT_ESCAPES[code];
    if (short !== undefined) {
      bytes[at++] = short;
      return at;
    }
    bytes[at++] = 0x75; // u
    for (let shift = 12; shift >= 0; shift -= 4) bytes[at++] = HEX.charCodeAt((code >> shift) & 0xf);
    return at;
  }

  /** Room for `more` bytes after the text so far. */
  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    let size = Math.max(1024, this.bytes.length * 2);
    while (size < this.length + more) size *= 2;
    const larger = new Uint8Array(size);
    larger.set(this.bytes.subarray(0, this.length));
    this.bytes = larger;
  }
}

/** A number to record (see MAX_OP_INTEGER). */
function counted(n: number): number {
  if (n >= MAX_OP_INTEGER) throw new RangeError('packJson: too many values to pack');
  return n;
}

function isPlainPrototype(prototype: unknown): boolean {
  return prototype === Object.prototype || prototype === null;
}

function hasEnumerableKey(object: object): boolean {
  for (const name in object) if (name !== undefined) return true;
  return false;
}

function nextShapeNode(node: ShapeNode, name: string): ShapeNode {
  if (node.firstName === undefined) {
    node.firstName = name;
    return (node.firstNext = shapeNode());
  }
  node.more ??= new Map();
  let next = node.more.get(name);
  if (next === undefined) node.more.set(name, (next = shapeNode()));
  return next;
}

/** The same numbers in an array four times as long (fewer copies). */
function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 4);
  larger.set(array);
  return larger;
}

function grownBytes(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const larger = new Uint8Array(array.length * 4);
  larger.set(array);
  return larger;
}

/** The keys JSON.stringify writes, in its order. */
function ownNames(fields: Record<string, unknown>): string[] {
  return Object.keys(fields).filter((name) => fields[name] !== undefined && typeof fields[name] !== 'function');
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
