import type { ResolvedSchema } from './resolve.ts';
import { quickDate, quickDateTimeOffset } from './temporal.ts';
import { PROPERTY_FLAGS, type PropertyEntry, type PropertyFacets } from './types.ts';
import type { Walk } from './walk.ts';

/**
 * Quick acceptance of a member's value: one inline test, chosen when the member is compiled,
 * that settles the common valid value (a string where a string goes, a known enum member, a
 * canonical date-time) without a call through the check closures. It only ever says "valid,
 * nothing to report"; anything it does not accept goes through the full check, which says
 * what is wrong. So issues are exactly those of the full check, and the valid case, which
 * is most of every payload, costs one switch.
 */
export interface Quick {
  op: number;
  /** A null value (or, for a collection, a null item) is fine. */
  nullable: boolean;
  collection: boolean;
  /** Enum members up to `unknownFutureValue` (op `enum`). */
  members: Map<string, number> | undefined;
  /** The same names as a short list, for small enums (op `few`). */
  names: string[] | undefined;
  /** The largest member value accepted without a policy (the sentinel's). */
  maxMember: number;
}

const ANY = 1;
const STRING = 2;
const BOOLEAN = 3;
const INT32 = 4;
const INT16 = 5;
const BYTE = 6;
const DOUBLE = 7;
const GUID = 8;
const DATE_TIME_OFFSET = 9;
const DATE = 10;
const ENUM = 11;
const FEW = 12;

/**
 * `8-4-4-4-12` hexadecimal digits by character codes: what the Guid regex of primitives.ts
 * accepts, without a regex match per value.
 */
export function quickGuid(text: string): boolean {
  if (text.length !== 36) return false;
  for (let index = 0; index < 36; index++) {
    const code = text.charCodeAt(index);
    if (index === 8 || index === 13 || index === 18 || index === 23) {
      if (code !== 45 /* - */) return false;
    } else if (!((code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 102))) {
      return false;
    }
  }
  return true;
}

/** Enums up to this many members are tested by comparing names, which beats a Map lookup. */
const FEW_MEMBERS = 8;

/** Primitive types whose full check reads no facet but these (any set one disables the quick test). */
const PRIMITIVE_OPS = new Map<string, [op: number, facets: (keyof PropertyFacets)[]]>([
  ['Edm.String', [STRING, ['maxLength']]],
  ['Edm.Boolean', [BOOLEAN, []]],
  ['Edm.Int32', [INT32, []]],
  ['Edm.Int16', [INT16, []]],
  ['Edm.Byte', [BYTE, []]],
  ['Edm.Double', [DOUBLE, []]],
  ['Edm.Guid', [GUID, ['precision']]],
  ['Edm.DateTimeOffset', [DATE_TIME_OFFSET, ['precision']]],
  ['Edm.Date', [DATE, ['precision']]],
  ['Edm.Untyped', [ANY, []]],
  ['Edm.Stream', [ANY, []]],
]);

/** The quick test of a structural property, or undefined when only the full check will do. */
export function quickOf(schema: ResolvedSchema, entry: PropertyEntry): Quick | undefined {
  const [type, flags, facets] = entry;
  const quick: Quick = {
    op: 0,
    nullable: (flags & PROPERTY_FLAGS.nullable) !== 0,
    collection: (flags & PROPERTY_FLAGS.collection) !== 0,
    members: undefined,
    names: undefined,
    maxMember: Number.POSITIVE_INFINITY,
  };
  let name = type;
  let merged = facets;
  const definition = schema.entry(type);
  if (definition?.kind === 'typeDefinition') {
    name = definition.underlying;
    merged = { ...definition.facets, ...facets };
  }
  const primitive = PRIMITIVE_OPS.get(name);
  if (primitive !== undefined) {
    const [op, read] = primitive;
    if (merged !== undefined && read.some((facet) => merged[facet] !== undefined)) return undefined;
    quick.op = op;
    return quick;
  }
  const resolved = definition?.kind === 'enum' ? schema.enumType(type) : undefined;
  if (resolved === undefined) return undefined;
  // An enum without members takes any string (its full check cannot do better).
  quick.op = resolved.members.size === 0 ? STRING : ENUM;
  quick.members = resolved.members;
  quick.maxMember = resolved.sentinel ?? Number.POSITIVE_INFINITY;
  const names = [...resolved.members].filter(([, value]) => value <= quick.maxMember).map(([name]) => name);
  if (quick.op === ENUM && names.length <= FEW_MEMBERS) {
    quick.op = FEW;
    quick.names = names;
  }
  return quick;
}

/**
 * True when the full check would find nothing in `value`. A collection spends its items from
 * the node budget as the full walk would, and only when all of them fit.
 */
export function accepts(quick: Quick, value: unknown, walk: Walk): boolean {
  if (!quick.collection) return value === null ? quick.nullable : acceptsElement(quick, value);
  if (!Array.isArray(value) || walk.nodes + value.length > walk.maxNodes) return false;
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    if (item === null ? !quick.nullable : !acceptsElement(quick, item)) return false;
  }
  walk.nodes += value.length;
  return true;
}

function acceptsElement(quick: Quick, value: unknown): boolean {
  switch (quick.op) {
    case ANY:
      return true;
    case STRING:
      return typeof value === 'string';
    case BOOLEAN:
      return typeof value === 'boolean';
    case INT32:
      return typeof value === 'number' && (value | 0) === value;
    case INT16:
      return typeof value === 'number' && (value | 0) === value && value >= -32768 && value <= 32767;
    case BYTE:
      return typeof value === 'number' && (value | 0) === value && value >= 0 && value <= 255;
    case DOUBLE:
      return typeof value === 'number' && Number.isFinite(value);
    case GUID:
      return typeof value === 'string' && quickGuid(value);
    case DATE_TIME_OFFSET:
      return typeof value === 'string' && quickDateTimeOffset(value);
    case DATE:
      return typeof value === 'string' && quickDate(value);
    case ENUM: {
      if (typeof value !== 'string') return false;
      const member = quick.members!.get(value);
      return member !== undefined && member <= quick.maxMember;
    }
    case FEW: {
      if (typeof value !== 'string') return false;
      const names = quick.names!;
      for (let index = 0; index < names.length; index++) if (names[index] === value) return true;
      return false;
    }
    default:
      return false;
  }
}
