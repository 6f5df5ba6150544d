import { checkInstanceAnnotation, checkPropertyAnnotation } from './annotations.ts';
import type { Check, Compiler } from './compile.ts';
import { accepts, quickOf, type Quick } from './quick.ts';
import type { ResolvedStructured } from './resolve.ts';
import { PROPERTY_FLAGS, type IssueSeverity, type PropertyEntry, type ValidationIssueCode, type ValidationMode } from './types.ts';
import { halt, report, requestError, type Walk } from './walk.ts';

/**
 * The members of one object: declared and inherited properties, navigation properties,
 * annotations, and dynamic properties of open types (OData CSDL 4.01, section 6.3). Other
 * names are unknown: an error in requests, a warning in responses, where services may be
 * newer than the schema at hand.
 */
interface Member {
  check: Check;
  /** Reported whenever the member is present in this mode (a key in an update...). */
  restriction: Restriction | undefined;
  /** The inline test that settles common valid values (see quick.ts). */
  quick: Quick | undefined;
  /** For an unrestricted single-valued structural property: the check of a non-null value, called directly. */
  nested: Check | undefined;
}

interface Restriction {
  code: ValidationIssueCode;
  severity: IssueSeverity;
  expected: string;
  message: string;
}

/** The members of one structured type in one mode, compiled on first use (so recursive types terminate). */
export interface Members {
  compiler: Compiler;
  type: ResolvedStructured;
  mode: ValidationMode;
  compiled: MemberTable | undefined;
  /**
   * The keys of the last object checked, in order, and their members: objects of one type
   * mostly share their keys, so a key is matched by identity instead of a lookup by name.
   */
  seenKeys: string[];
  seenMembers: (Member | undefined)[];
  /** A (malformed) table declares a property named like the type annotation: no untyped path. */
  declaresTypeKeys: boolean;
}

export function membersOf(compiler: Compiler, type: ResolvedStructured, mode: ValidationMode): Members {
  const declaresTypeKeys = ['@odata.type', '@type'].some((key) => type.properties.has(key) || type.navigation.has(key));
  return { compiler, type, mode, compiled: undefined, seenKeys: [], seenMembers: [], declaresTypeKeys };
}

/** Checks the members of `record`, an object of exactly this type (a plain call: no closure per type). */
export function checkMembers(of: Members, record: Record<string, unknown>, walk: Walk): void {
  const members = (of.compiled ??= compileMembers(of.compiler, of.type, of.mode));
  if (isPlain(record, walk) && !walk.careful) {
    ownMembers(of, members, record, walk);
    return;
  }
  // Other objects, and every object of a careful walk (a value threw when read, see engine.ts):
  // the path is set before each value is read, so a throwing getter is reported at its key.
  const type = of.type;
  const keys = Object.keys(record);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    walk.path[walk.size++] = key;
    if (walk.full && halt(walk)) {
      walk.size--;
      return;
    }
    const member = members[key];
    const item = record[key];
    if (member === undefined || member.quick === undefined || !accepts(member.quick, item, walk)) visit(type, member, key, item, walk);
    walk.size--;
    if (walk.stopped) return;
  }
}

/**
 * `for...in` allocates no key array, and reads by its keys fast. It visits what Object.keys
 * does (own enumerable names, in the same order) where nothing up the prototype chain is
 * enumerable: plain objects, while Object.prototype is clean.
 */
function isPlain(record: Record<string, unknown>, walk: Walk): boolean {
  return walk.plainObjectsEnumerateOwnKeys && Object.getPrototypeOf(record) === Object.prototype;
}

/**
 * The members of an object of the declared type, where `@odata.type` is not yet read: most
 * objects do not name their type, and finding the key among the others costs nothing, while
 * reading it up front costs two lookups per object. Returns false, with the walk as it was,
 * when the object names its type (or `for...in` turned out to visit an inherited key): the
 * caller then takes the typed path, which dispatches on the type first, as the spec orders
 * it (OData JSON 4.01, section 4.5.3), and reads own keys only. Values whose reading throws
 * are walked again in that order from the start (see engine.ts).
 */
export function checkUntypedMembers(of: Members, record: Record<string, unknown>, walk: Walk): boolean {
  const members = (of.compiled ??= compileMembers(of.compiler, of.type, of.mode));
  if (of.declaresTypeKeys || walk.stopped || !walk.plainObjectsEnumerateOwnKeys) return false;
  const issues = walk.issues.length;
  const nodes = walk.nodes;
  if (untypedMembers(of, members, record, walk)) return true;
  // Undo what was found under the declared type; only the walk's counters changed.
  walk.issues.length = issues;
  walk.nodes = nodes;
  walk.stopped = false;
  walk.failed = walk.issues.some((issue) => issue.severity === 'error');
  walk.full = walk.failed && issues >= walk.maxIssues;
  return false;
}

/**
 * The loop of checkUntypedMembers, the hot path of every walk. Returns false as soon as a
 * type annotation turns up (or, when the walk stops early, is among the keys not visited),
 * or when the last key visited is not the object's own: `for...in` visits own keys first,
 * so then it has visited an inherited one, which Object.keys would not (one `hasOwn` per
 * object proves that, where `Object.getPrototypeOf` would cost a runtime call). Keys are
 * matched by identity against the last object of the type before a lookup by name.
 */
function untypedMembers(of: Members, members: MemberTable, record: Record<string, unknown>, walk: Walk): boolean {
  const seenKeys = of.seenKeys;
  const seenMembers = of.seenMembers;
  let position = 0;
  let last: string | undefined;
  for (const key in record) {
    last = key;
    if (walk.full) {
      walk.path[walk.size++] = key;
      halt(walk);
      walk.size--;
      return Object.hasOwn(record, key) && !namesType(record);
    }
    let member = seenMembers[position];
    if (seenKeys[position] !== key) {
      member = members[key];
      seenKeys[position] = key;
      seenMembers[position] = member;
    }
    position++;
    const item = record[key];
    if (member !== undefined) {
      if (member.nested !== undefined && item !== null) {
        walk.path[walk.size++] = key;
        member.nested(item, walk);
        walk.size--;
      } else if (member.quick === undefined || !accepts(member.quick, item, walk)) {
        walk.path[walk.size++] = key;
        visit(of.type, member, key, item, walk);
        walk.size--;
      }
    } else {
      if (item !== undefined && (key === '@odata.type' || key === '@type')) return false;
      walk.path[walk.size++] = key;
      visit(of.type, member, key, item, walk);
      walk.size--;
    }
    if (walk.stopped) return Object.hasOwn(record, key) && !namesType(record);
  }
  return last === undefined || Object.hasOwn(record, last);
}

/** True when a type annotation is there to dispatch on (what the typed path reads). */
function namesType(record: Record<string, unknown>): boolean {
  return record['@odata.type'] !== undefined || record['@type'] !== undefined;
}

/**
 * The members of a plain object (the typed path), by `for...in`. Written out apart from
 * untypedMembers rather than one loop with an `untyped` flag: that loop is the hot path, and
 * without the flag test per key it measured 2-4% faster on 10,000 entities (commit c0fd680).
 */
function ownMembers(of: Members, members: MemberTable, record: Record<string, unknown>, walk: Walk): void {
  const type = of.type;
  for (const key in record) {
    if (walk.full) {
      walk.path[walk.size++] = key;
      halt(walk);
      walk.size--;
      return;
    }
    // The key joins the path only for a value that is looked into: most pass the quick test.
    const member = members[key];
    const item = record[key];
    if (member !== undefined && member.nested !== undefined && item !== null) {
      walk.path[walk.size++] = key;
      member.nested(item, walk);
      walk.size--;
    } else if (member === undefined || member.quick === undefined || !accepts(member.quick, item, walk)) {
      walk.path[walk.size++] = key;
      visit(type, member, key, item, walk);
      walk.size--;
    }
    if (walk.stopped) return;
  }
}

function visit(type: ResolvedStructured, member: Member | undefined, key: string, item: unknown, walk: Walk): void {
  if (member !== undefined) {
    const restriction = member.restriction;
    if (restriction !== undefined) report(walk, restriction.code, restriction.severity, restriction.expected, item, restriction.message);
    member.check(item, walk);
  } else if (key.charCodeAt(0) === 64 /* @ */) {
    checkInstanceAnnotation(key, item, walk);
  } else {
    const at = key.indexOf('@');
    if (at > 0) checkPropertyAnnotation(type, key, at, item, walk);
    else if (!type.open) report(walk, 'unknown-property', requestError(walk), `a property of ${type.name}`, item, `${type.name} has no property ${key}`);
    else if (walk.dynamicProperties !== 'accept') {
      report(walk, 'dynamic-property', walk.dynamicProperties, `a declared property of ${type.name}`, item, `${key} is not declared; ${type.name} is open, so it is a dynamic property`);
    }
  }
}

/**
 * Members by name, in an object without a prototype: names like `__proto__` or `constructor`
 * are own keys like any other, and a lookup by a payload's key is cheaper than a Map's.
 */
type MemberTable = Record<string, Member | undefined>;

function compileMembers(compiler: Compiler, type: ResolvedStructured, mode: ValidationMode): MemberTable {
  const members = Object.create(null) as MemberTable;
  for (const [name, entry] of type.properties) {
    const restricted = restriction(type, name, entry, mode);
    // A restricted member is reported whenever present, so it never takes the quick test.
    const quick = restricted === undefined ? quickOf(compiler.schema, entry) : undefined;
    const structured = quick === undefined && restricted === undefined && (entry[1] & PROPERTY_FLAGS.collection) === 0 && compiler.schema.structured(entry[0]) !== undefined;
    const nested = structured ? compiler.element(entry[0], entry[2], mode) : undefined;
    members[name] = { check: compiler.property(entry, mode), restriction: restricted, quick, nested };
  }
  for (const [name, entry] of type.navigation) members[name] = { check: compiler.navigation(entry, mode), restriction: undefined, quick: undefined, nested: undefined };
  return members;
}

/**
 * What a client may not send. Update (PATCH, PUT as replace): keys never change (OData 4.01
 * Protocol, section 11.4.3), Core.Computed and Core.Permissions Read are the service's,
 * Core.Immutable is set on insert only. Create: computed and read-only values are ignored by
 * services, so sending them is only a warning.
 */
function restriction(type: ResolvedStructured, name: string, entry: PropertyEntry, mode: ValidationMode): Restriction | undefined {
  const flags = entry[1];
  const readOnly = (flags & (PROPERTY_FLAGS.computed | PROPERTY_FLAGS.readOnly)) !== 0;
  const why = (flags & PROPERTY_FLAGS.computed) !== 0 ? 'computed by the service (Core.Computed)' : 'read-only (Core.Permissions)';
  if (mode === 'update') {
    if (type.keys.has(name)) return { code: 'key-in-update', severity: 'error', expected: 'no key property', message: `${name} is the key of ${type.name} and cannot be updated` };
    if (readOnly) return { code: 'read-only', severity: 'error', expected: 'no read-only property', message: `${name} is ${why}` };
    if ((flags & PROPERTY_FLAGS.immutable) !== 0) return { code: 'immutable', severity: 'error', expected: 'no immutable property', message: `${name} can only be set on create (Core.Immutable)` };
  } else if (mode === 'create' && readOnly) {
    return { code: 'read-only', severity: 'warning', expected: 'no read-only property', message: `${name} is ${why}; the service ignores it` };
  }
  return undefined;
}
