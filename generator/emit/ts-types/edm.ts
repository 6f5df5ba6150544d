import type { EmitOptions } from '../emitter.ts';
import type { HelperName } from './names.ts';

/**
 * The Edm -> TypeScript mapping of primitive types, as they appear in OData JSON
 * (OData JSON Format 4.01, section 7.1 "Primitive Value"):
 * - Int64 and Decimal are JSON numbers, or strings when the client asks for
 *   `IEEE754Compatible=true` (section 3.2), since a double cannot hold every Int64.
 * - Single and Double are numbers, or the strings `NaN`, `INF`, `-INF` (section 7.1).
 * - Date, DateTimeOffset, TimeOfDay, Duration, Guid and Binary (base64url) are strings.
 * - Geography and Geometry values are GeoJSON (section 7.1, RFC 7946).
 * - Edm.Untyped is any JSON value (section 7.9); the abstract Edm.PrimitiveType any primitive,
 *   Edm.EntityType and Edm.ComplexType any object (CSDL 4.01, section 4.4).
 * - The path types (Edm.AnnotationPath, Edm.PropertyPath, Edm.NavigationPropertyPath,
 *   Edm.AnyPropertyPath, Edm.ModelElementPath) hold a path, which JSON writes as a string.
 * docs/generate.md holds the same table for users; keep them in step.
 */
type Mapping = string | { helper: HelperName } | 'int64-or-decimal';

const MAPPING: Record<string, Mapping> = {
  'Edm.String': 'string',
  'Edm.Boolean': 'boolean',
  'Edm.Byte': 'number',
  'Edm.SByte': 'number',
  'Edm.Int16': 'number',
  'Edm.Int32': 'number',
  'Edm.Int64': 'int64-or-decimal',
  'Edm.Decimal': 'int64-or-decimal',
  'Edm.Single': { helper: 'EdmFloat' },
  'Edm.Double': { helper: 'EdmFloat' },
  'Edm.Date': 'string',
  'Edm.DateTimeOffset': 'string',
  'Edm.TimeOfDay': 'string',
  'Edm.Duration': 'string',
  'Edm.Guid': 'string',
  'Edm.Binary': 'string',
  'Edm.Stream': 'string',
  'Edm.Untyped': 'unknown',
  'Edm.PrimitiveType': 'string | number | boolean',
  'Edm.ComplexType': '{ [property: string]: unknown }',
  'Edm.EntityType': '{ [property: string]: unknown }',
  'Edm.AnnotationPath': 'string',
  'Edm.PropertyPath': 'string',
  'Edm.NavigationPropertyPath': 'string',
  'Edm.AnyPropertyPath': 'string',
  'Edm.ModelElementPath': 'string',
  'Edm.Geography': { helper: 'GeoJsonGeometry' },
  'Edm.Geometry': { helper: 'GeoJsonGeometry' },
};
for (const family of ['Geography', 'Geometry']) {
  for (const shape of ['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon'] as const) {
    MAPPING[`Edm.${family}${shape}`] = { helper: `GeoJson${shape}` };
  }
  MAPPING[`Edm.${family}Collection`] = { helper: 'GeoJsonGeometryCollection' };
}

export function isEdmPrimitive(qualifiedName: string): boolean {
  return Object.hasOwn(MAPPING, qualifiedName);
}

/** The TypeScript text for an Edm primitive, or undefined when the name is not one. */
export function edmType(
  qualifiedName: string,
  options: EmitOptions,
  helpers: Record<HelperName, string>,
): string | undefined {
  if (!Object.hasOwn(MAPPING, qualifiedName)) return undefined;
  const mapping = MAPPING[qualifiedName]!;
  if (mapping === 'int64-or-decimal') return options.ieee754Compatible ? 'string' : 'number';
  return typeof mapping === 'string' ? mapping : helpers[mapping.helper];
}

/** Types whose string form has a format worth naming in a doc comment (`Edm.Guid`). */
const FORMATTED = new Set([
  'Edm.Date',
  'Edm.DateTimeOffset',
  'Edm.TimeOfDay',
  'Edm.Duration',
  'Edm.Guid',
  'Edm.Binary',
  'Edm.Int64',
  'Edm.Decimal',
  'Edm.Stream',
]);

export function hasFormat(qualifiedName: string): boolean {
  return FORMATTED.has(qualifiedName);
}
