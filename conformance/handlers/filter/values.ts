import type { Model, StructuredType } from '../../../generator/model/types.ts';
import { lookupStructuredType, lookupType } from '../../../generator/model/queries.ts';
import { edmGeoType, isGeoType, readGeoJson, readWkt, type Geo } from './geo.ts';

/**
 * Values as the evaluator sees them: JSON from the store and literals from the URL, read per
 * their Edm type so that they compare as OData says (OData URL Conventions 4.01 §5.1.1.1:
 * dates by instant, GUIDs without case, enums by value).
 */
export type Value =
  | null
  | { t: 'boolean'; v: boolean }
  | { t: 'number'; v: number; integer: boolean }
  | { t: 'string'; v: string }
  | { t: 'guid'; v: string }
  | { t: 'binary'; v: string }
  /** An instant in milliseconds, and the offset it was written with (for `hour()` and friends). */
  | { t: 'dateTimeOffset'; v: number; offset: number }
  /** Midnight UTC of the day, in milliseconds. */
  | { t: 'date'; v: number }
  /** Milliseconds since midnight. */
  | { t: 'timeOfDay'; v: number }
  | { t: 'duration'; v: number }
  | { t: 'enum'; v: number; type: string }
  /** A geography or geometry value: a literal's well-known text or a stored GeoJSON value, read. */
  | { t: 'geo'; v: Geo }
  | { t: 'structured'; type: StructuredType | undefined; data: Record<string, unknown>; path?: string }
  | { t: 'collection'; items: Value[] };

/** What orders and compares for equality (geo values do neither: OData compares them only through the geo functions). */
export type Primitive = Exclude<Value, null | { t: 'structured' } | { t: 'collection' } | { t: 'geo' }>;

const INTEGERS = new Set(['Edm.Byte', 'Edm.SByte', 'Edm.Int16', 'Edm.Int32', 'Edm.Int64']);
const NUMBERS = new Set([...INTEGERS, 'Edm.Decimal', 'Edm.Double', 'Edm.Single']);

/** A JSON value of the Edm type `type` (a primitive, enum, type definition or structured type). */
export function fromJson(model: Model, type: string, json: unknown, path?: string): Value {
  if (json === null || json === undefined) return null;
  if (NUMBERS.has(type)) return number(type, typeof json === 'string' ? json : (json as number));
  switch (type) {
    case 'Edm.Boolean':
      return { t: 'boolean', v: json === true };
    case 'Edm.Guid':
      return { t: 'guid', v: String(json).toLowerCase() };
    case 'Edm.Binary':
      return { t: 'binary', v: String(json) };
    case 'Edm.DateTimeOffset':
      return dateTimeOffset(String(json));
    case 'Edm.Date':
      return { t: 'date', v: Date.parse(`${String(json)}T00:00:00Z`) };
    case 'Edm.TimeOfDay':
      return { t: 'timeOfDay', v: timeOfDay(String(json)) };
    case 'Edm.Duration':
      return { t: 'duration', v: duration(String(json)) };
    case 'Edm.String':
      return { t: 'string', v: String(json) };
  }
  if (isGeoType(type)) return geoValue(type, json);
  const declared = lookupType(model, type);
  if (declared?.kind === 'enum') return enumValue(model, type, String(json)) ?? { t: 'string', v: String(json) };
  if (declared?.kind === 'typeDefinition') return fromJson(model, declared.underlyingType, json, path);
  if (declared && typeof json === 'object' && !Array.isArray(json)) {
    const data = json as Record<string, unknown>;
    const named = typeof data['@odata.type'] === 'string' ? lookupStructuredType(model, data['@odata.type'].replace(/^#/, '')) : undefined;
    return { t: 'structured', type: named ?? lookupStructuredType(model, type), data, ...(path !== undefined ? { path } : {}) };
  }
  return untyped(json);
}

/** A literal's text (the tokenizer has read it once already) or a stored GeoJSON value; null when it is neither. */
function geoValue(type: string, json: unknown): Value {
  if (typeof json !== 'string') {
    const geo = readGeoJson(type, json);
    return geo ? { t: 'geo', v: geo } : null;
  }
  try {
    return { t: 'geo', v: readWkt(json, type.startsWith('Edm.Geography')) };
  } catch {
    return null;
  }
}

/** A value whose type the model does not say (an open property): read by its JSON type. */
export function untyped(json: unknown): Value {
  if (json === null || json === undefined) return null;
  if (typeof json === 'boolean') return { t: 'boolean', v: json };
  if (typeof json === 'number') return { t: 'number', v: json, integer: Number.isInteger(json) };
  if (typeof json === 'string') return { t: 'string', v: json };
  if (Array.isArray(json)) return { t: 'collection', items: json.map(untyped) };
  return { t: 'structured', type: undefined, data: json as Record<string, unknown> };
}

export function number(type: string, value: number | string): Value {
  const v = value === 'INF' ? Infinity : value === '-INF' ? -Infinity : value === 'NaN' ? NaN : Number(value);
  return { t: 'number', v, integer: INTEGERS.has(type) };
}

export function dateTimeOffset(text: string): Value {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(text);
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return { t: 'dateTimeOffset', v: Date.parse(text), offset: minutes };
}

export function timeOfDay(text: string): number {
  const [hours = '0', minutes = '0', seconds = '0'] = text.split(':');
  return Math.round((Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000);
}

/** ISO 8601 duration as OData writes it (`P1DT2H`, `-PT0.5S`) in milliseconds; NaN when malformed. */
export function duration(text: string): number {
  const match = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return NaN;
  const [, sign, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  const ms = Math.round(((Number(days) * 24 + Number(hours)) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000);
  return sign ? -ms : ms;
}

/** `Red`, `Red,Blue` (flags) or `2` as the enum's numeric value; undefined for an unknown member. */
export function enumValue(model: Model, type: string, text: string): Value | undefined {
  const declared = lookupType(model, type);
  if (declared?.kind !== 'enum') return undefined;
  let value = 0;
  for (const name of text.split(',').map((part) => part.trim())) {
    if (/^-?\d+$/.test(name)) {
      value |= Number(name);
      continue;
    }
    const member = declared.members.find((candidate) => candidate.name === name);
    if (!member) return undefined;
    value = declared.isFlags ? value | member.value : member.value;
  }
  return { t: 'enum', v: value, type };
}

/** Reads `value` as the kind of `like`, for a string compared with a typed value (`Color eq 'Red'`, `Start eq '...'`). */
export function coerce(model: Model, value: Value, like: Value): Value {
  if (value?.t !== 'string' || like === null || like.t === 'string') return value;
  switch (like.t) {
    case 'enum':
      return enumValue(model, like.type, value.v) ?? value;
    case 'guid':
      return { t: 'guid', v: value.v.toLowerCase() };
    case 'dateTimeOffset': {
      const read = dateTimeOffset(value.v);
      return Number.isNaN((read as { v: number }).v) ? value : read;
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value.v) ? { t: 'date', v: Date.parse(`${value.v}T00:00:00Z`) } : value;
    case 'timeOfDay':
      return /^\d{2}:\d{2}/.test(value.v) ? { t: 'timeOfDay', v: timeOfDay(value.v) } : value;
    case 'duration':
      return Number.isNaN(duration(value.v)) ? value : { t: 'duration', v: duration(value.v) };
    default:
      return value;
  }
}

/** Equality of primitives of one kind (after `coerce`); numbers compare across integer and decimal. */
export function equal(a: Value, b: Value): boolean {
  if (a === null || b === null) return a === b;
  if (a.t === 'collection' || b.t === 'collection' || a.t === 'structured' || b.t === 'structured') return false;
  return a.t === b.t && a.v === b.v && (a.t !== 'enum' || (b as { type: string }).type === a.type);
}

/** Order of two non-null primitives of one kind: negative, zero, positive; undefined when they do not compare. */
export function compare(a: Primitive, b: Primitive): number | undefined {
  // Callers cast what they hold to Primitive; a geo value (an object) orders with nothing.
  if (a.t !== b.t || typeof a.v === 'object') return undefined;
  if (typeof a.v === 'boolean') return Number(a.v) - Number(b.v as boolean);
  if (typeof a.v === 'number') return a.v < (b.v as number) ? -1 : a.v > (b.v as number) ? 1 : a.v === b.v ? 0 : undefined;
  return a.v < (b.v as string) ? -1 : a.v > (b.v as string) ? 1 : 0;
}

/** The JSON-ish text of a value for messages. */
export function describeValue(value: Value): string {
  if (value === null) return 'null';
  if (value.t === 'structured') return value.type?.qualifiedName ?? 'an object';
  if (value.t === 'collection') return 'a collection';
  if (value.t === 'geo') return edmGeoType(value.v);
  return `${value.t} ${JSON.stringify(value.v)}`;
}
