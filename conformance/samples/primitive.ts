import type { EnumType, Facets, Model } from '../../generator/model/types.ts';
import { lookupType } from '../../generator/model/queries.ts';

/**
 * Valid values of Edm primitive types, enums and type definitions in their JSON form
 * (OData JSON Format 4.0 §7.1 Primitive Value). `variant` picks one of several values, so that
 * a PATCH can send a value different from the one created. `undefined`: no JSON form we send
 * (streams, most spatial types).
 */
export function samplePrimitive(model: Model, type: string, facets: Partial<Facets>, variant: number): unknown {
  const schemaType = type.startsWith('Edm.') ? undefined : lookupType(model, type);
  if (schemaType?.kind === 'enum') return sampleEnum(schemaType, variant);
  if (schemaType?.kind === 'typeDefinition') return samplePrimitive(model, schemaType.underlyingType, { ...schemaType, ...facets }, variant);
  if (schemaType) return undefined;
  const n = variant % 28;
  switch (type) {
    case 'Edm.String':
    case 'Edm.Untyped':
    case 'Edm.PrimitiveType':
      return fit(`odatakit-${variant}`, facets.maxLength);
    case 'Edm.Boolean':
      return variant % 2 === 1;
    case 'Edm.Byte':
    case 'Edm.SByte':
    case 'Edm.Int16':
    case 'Edm.Int32':
    case 'Edm.Int64':
    case 'Edm.Decimal':
    case 'Edm.Double':
    case 'Edm.Single':
      return (variant % 100) + 1;
    case 'Edm.Guid':
      return `00000000-0000-4000-8000-${String(variant).padStart(12, '0').slice(-12)}`;
    case 'Edm.Date':
      return `2024-01-${pad(n + 1)}`;
    case 'Edm.DateTimeOffset':
      return `2024-01-${pad(n + 1)}T08:00:00Z`;
    case 'Edm.TimeOfDay':
      return `${pad(n % 24)}:30:00`;
    case 'Edm.Duration':
      return `PT${n + 1}H`;
    case 'Edm.Binary':
      return 'AQID';
    case 'Edm.GeographyPoint':
    case 'Edm.GeometryPoint':
      return { type: 'Point', coordinates: [n, n] };
    default:
      return undefined;
  }
}

/** Members before `unknownFutureValue`: after it come Graph's evolvable members, opt-in only. */
export function stableMembers(type: EnumType): string[] {
  const names = type.members.map((member) => member.name);
  const sentinel = names.indexOf('unknownFutureValue');
  return sentinel === -1 ? names : names.slice(0, sentinel);
}

function sampleEnum(type: EnumType, variant: number): string | undefined {
  const members = stableMembers(type);
  return members.length === 0 ? undefined : members[variant % members.length];
}

function fit(text: string, maxLength: Facets['maxLength']): string {
  return typeof maxLength === 'number' && text.length > maxLength ? text.slice(0, Math.max(1, maxLength)) : text;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Values of the given JSON kind that no property of this Edm type accepts, for spoiler requests. */
export function wrongKindFor(model: Model, type: string, collection: boolean): unknown {
  if (collection) return 'odatakit-not-an-array';
  const schemaType = type.startsWith('Edm.') ? undefined : lookupType(model, type);
  if (schemaType?.kind === 'complex' || schemaType?.kind === 'entity') return 'odatakit-not-an-object';
  if (schemaType?.kind === 'enum') return 12345;
  if (schemaType?.kind === 'typeDefinition') return wrongKindFor(model, schemaType.underlyingType, false);
  switch (type) {
    case 'Edm.Untyped':
    case 'Edm.PrimitiveType':
    case 'Edm.Stream':
      return undefined;
    case 'Edm.Boolean':
      return 'odatakit-not-a-boolean';
    case 'Edm.Byte':
    case 'Edm.SByte':
    case 'Edm.Int16':
    case 'Edm.Int32':
    case 'Edm.Int64':
    case 'Edm.Decimal':
    case 'Edm.Double':
    case 'Edm.Single':
      return 'odatakit-not-a-number';
    default:
      return type.startsWith('Edm.Geo') ? 'odatakit-not-geojson' : 12345;
  }
}
