import { checkDecimal, checkFloat, checkInt64, checkInteger } from './numbers.js';
import { fractionDigits, isDate, isDateTimeOffset, isDuration, isTimeOfDay } from './temporal.js';
import type { PropertyFacets } from './types.js';

/**
 * One checker per Edm primitive type, for values as JSON writes them (OData JSON 4.01,
 * section 7.1; types from OData CSDL 4.01, section 4.4). A checker returns nothing when the
 * value is fine, else a problem the engine turns into an issue at the current path.
 */
export interface Problem {
  code: 'type' | 'format' | 'facet';
  expected: string;
  message: string;
  /** Findings that services commonly tolerate (standard base64 for Binary) are warnings. */
  warning?: boolean;
}

export type PrimitiveCheck = (value: unknown, facets: PropertyFacets | undefined, ieee754: boolean) => Problem | undefined;

const GUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
// binaryValue = *(4base64char) [ base64b16 / base64b8 ], base64url alphabet, padding optional.
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const BASE64 = /^[A-Za-z0-9+/_-]*$/;

function typeProblem(expected: string, kind: string): Problem {
  return { code: 'type', expected, message: `expected ${kind}` };
}

function stringOf(type: string, valid: (text: string) => boolean, shape: string): PrimitiveCheck {
  const expected = `${type} (${shape})`;
  return (value, facets) => {
    if (typeof value !== 'string') return typeProblem(expected, 'a string');
    if (!valid(value)) return { code: 'format', expected, message: `not a valid ${type}` };
    if (facets?.precision !== undefined && fractionDigits(value) > facets.precision) {
      return { code: 'facet', expected, message: `more than ${facets.precision} digits of fractional seconds` };
    }
    return undefined;
  };
}

/** MaxLength counts characters (code points), not UTF-16 units (OData CSDL 4.01, section 7.2.2). */
function checkString(value: unknown, facets: PropertyFacets | undefined): Problem | undefined {
  if (typeof value !== 'string') return typeProblem('Edm.String', 'a string');
  const max = facets?.maxLength;
  if (max !== undefined && value.length > max && codePointsOver(value, max)) {
    return { code: 'facet', expected: `Edm.String (at most ${max} characters)`, message: `longer than MaxLength ${max}` };
  }
  return undefined;
}

/** Counts code points up to `max` + 1 only, so a huge string costs no more than the limit. */
function codePointsOver(text: string, max: number): boolean {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    if (++count > max) return true;
  }
  return false;
}

function checkBinary(value: unknown, facets: PropertyFacets | undefined): Problem | undefined {
  const expected = 'Edm.Binary (base64url)';
  if (typeof value !== 'string') return typeProblem(expected, 'a base64url string');
  const body = value.replace(/={1,2}$/, '');
  const padded = body.length !== value.length;
  if ((padded && value.length % 4 !== 0) || body.length % 4 === 1 || !BASE64.test(body)) {
    return { code: 'format', expected, message: 'not base64url-encoded binary' };
  }
  const max = facets?.maxLength;
  if (max !== undefined && Math.floor((body.length * 3) / 4) > max) return { code: 'facet', expected, message: `more than ${max} bytes` };
  // Standard base64 (`+`, `/`) is what many services send and accept; JSON wants base64url.
  if (!BASE64URL.test(body)) return { code: 'format', expected, message: 'standard base64 where base64url (`-`, `_`) is expected', warning: true };
  return undefined;
}

const GEO_KINDS: Record<string, string[]> = {
  Point: ['Point'],
  LineString: ['LineString'],
  Polygon: ['Polygon'],
  MultiPoint: ['MultiPoint'],
  MultiLineString: ['MultiLineString'],
  MultiPolygon: ['MultiPolygon'],
  Collection: ['GeometryCollection'],
  '': ['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'],
};

/** Geo values are GeoJSON objects (OData JSON 4.01, section 7.1, RFC 7946), checked loosely. */
function geo(type: string, kind: string): PrimitiveCheck {
  const allowed = GEO_KINDS[kind]!;
  const expected = `${type} (GeoJSON ${allowed.join(' or ')})`;
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return typeProblem(expected, 'a GeoJSON object');
    const geoType: unknown = Object.hasOwn(value, 'type') ? (value as Record<string, unknown>)['type'] : undefined;
    if (typeof geoType !== 'string' || !allowed.includes(geoType)) return { code: 'format', expected, message: 'wrong or missing GeoJSON "type"' };
    const member = geoType === 'GeometryCollection' ? 'geometries' : 'coordinates';
    if (!Object.hasOwn(value, member) || !Array.isArray((value as Record<string, unknown>)[member])) {
      return { code: 'format', expected, message: `GeoJSON ${geoType} without a "${member}" array` };
    }
    return undefined;
  };
}

const accept: PrimitiveCheck = () => undefined;

function build(): Map<string, PrimitiveCheck> {
  const checks = new Map<string, PrimitiveCheck>([
    ['Edm.String', checkString],
    ['Edm.Boolean', (value) => (typeof value === 'boolean' ? undefined : typeProblem('Edm.Boolean', 'true or false'))],
    ['Edm.Guid', stringOf('Edm.Guid', (text) => GUID.test(text), '8-4-4-4-12 hexadecimal digits')],
    ['Edm.Date', stringOf('Edm.Date', isDate, 'YYYY-MM-DD')],
    ['Edm.DateTimeOffset', stringOf('Edm.DateTimeOffset', isDateTimeOffset, 'YYYY-MM-DDThh:mm:ss.sZ or with an offset')],
    ['Edm.TimeOfDay', stringOf('Edm.TimeOfDay', isTimeOfDay, 'hh:mm:ss.s')],
    ['Edm.Duration', stringOf('Edm.Duration', isDuration, 'ISO 8601 days and time, e.g. P1DT2H')],
    ['Edm.Byte', (value) => checkInteger(value, 'Edm.Byte', 0, 255)],
    ['Edm.SByte', (value) => checkInteger(value, 'Edm.SByte', -128, 127)],
    ['Edm.Int16', (value) => checkInteger(value, 'Edm.Int16', -32768, 32767)],
    ['Edm.Int32', (value) => checkInteger(value, 'Edm.Int32', -2147483648, 2147483647)],
    ['Edm.Int64', (value, _facets, ieee754) => checkInt64(value, ieee754)],
    ['Edm.Decimal', checkDecimal],
    ['Edm.Double', (value) => checkFloat(value, 'Edm.Double')],
    ['Edm.Single', (value) => checkFloat(value, 'Edm.Single')],
    ['Edm.Binary', checkBinary],
    // Stream values travel through `/$value` and `@odata.media*` annotations; inline they may be anything.
    ['Edm.Stream', accept],
    ['Edm.Untyped', accept],
    ['Edm.PrimitiveType', (value) => (value !== null && typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'undefined' ? undefined : typeProblem('Edm.PrimitiveType', 'a primitive value'))],
  ]);
  for (const path of ['Edm.AnnotationPath', 'Edm.PropertyPath', 'Edm.NavigationPropertyPath', 'Edm.ModelElementPath', 'Edm.AnyPropertyPath']) {
    checks.set(path, (value) => (typeof value === 'string' ? undefined : typeProblem(path, 'a path string')));
  }
  for (const family of ['Geography', 'Geometry']) {
    for (const kind of Object.keys(GEO_KINDS)) checks.set(`Edm.${family}${kind}`, geo(`Edm.${family}${kind}`, kind));
  }
  return checks;
}

const PRIMITIVES = build();

/**
 * Cheap tests that settle the common valid case in one expression; anything they do not
 * accept goes through the full checker, which says what is wrong. Only for checks that need
 * no facet.
 */
const FAST = new Map<string, (value: unknown) => boolean>([
  ['Edm.String', (value) => typeof value === 'string'],
  ['Edm.Boolean', (value) => typeof value === 'boolean'],
  ['Edm.Int32', (value) => typeof value === 'number' && (value | 0) === value],
  ['Edm.Int16', (value) => typeof value === 'number' && (value | 0) === value && value >= -32768 && value <= 32767],
  ['Edm.Byte', (value) => typeof value === 'number' && (value | 0) === value && value >= 0 && value <= 255],
  ['Edm.Double', (value) => typeof value === 'number' && Number.isFinite(value)],
  ['Edm.Guid', (value) => typeof value === 'string' && value.length === 36 && GUID.test(value)],
  ['Edm.Untyped', () => true],
  ['Edm.Stream', () => true],
]);

export function fastPrimitiveCheck(type: string, facets: PropertyFacets | undefined): ((value: unknown) => boolean) | undefined {
  return facets === undefined ? FAST.get(type) : undefined;
}

/** The checker of an Edm primitive type, or undefined for a name that is not one. */
export function primitiveCheck(type: string): PrimitiveCheck | undefined {
  return PRIMITIVES.get(type);
}
