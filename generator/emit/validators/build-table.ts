import { isReadOnly } from '../ts-types/input-rules.ts';
import type { EnumType, Model, NavigationProperty, StructuralProperty, StructuredType, TypeDefinition } from '../../model/types.ts';
import {
  PROPERTY_FLAGS,
  type EnumTypeEntry,
  type NavigationEntry,
  type PropertyEntry,
  type PropertyFacets,
  type StructuredTypeEntry,
  type TypeDefinitionEntry,
  type TypeEntry,
  type ValidationTable,
} from '../../runtime/validation/index.ts';

/**
 * The model, reduced to what validation needs: per type its kind, base, abstract and open
 * flags, key, properties (type, facets, Core.Computed/Immutable/Permissions, derived-type
 * constraints), navigation properties and enum members. Plain data, sorted by name, so
 * that the generated module is deterministic.
 */
export interface BuildTableOptions {
  /** Int64 and Decimal as strings (IEEE754Compatible=true). Default false. */
  ieee754Compatible?: boolean;
}

export function buildValidationTable(model: Model, options: BuildTableOptions = {}): ValidationTable {
  const types = Object.create(null) as Record<string, TypeEntry>;
  for (const name of Object.keys(model.types).sort()) {
    const schemaType = model.types[name]!;
    switch (schemaType.kind) {
      case 'entity':
      case 'complex':
        types[name] = structuredEntry(schemaType);
        break;
      case 'enum':
        types[name] = enumEntry(schemaType);
        break;
      case 'typeDefinition':
        types[name] = typeDefinitionEntry(schemaType);
        break;
      default:
        schemaType satisfies never;
    }
  }
  const aliases = Object.create(null) as Record<string, string>;
  for (const schema of [...model.schemas].sort((a, b) => (a.namespace < b.namespace ? -1 : 1))) {
    if (schema.alias !== undefined && schema.alias !== schema.namespace) aliases[schema.alias] = schema.namespace;
  }
  return { version: 1, ieee754Compatible: options.ieee754Compatible === true, aliases, types };
}

function structuredEntry(type: StructuredType): StructuredTypeEntry {
  const entry: StructuredTypeEntry = { kind: type.kind };
  if (type.baseType !== undefined) entry.base = type.baseType;
  if (type.abstract) entry.abstract = true;
  if (type.openType) entry.open = true;
  if (type.kind === 'entity' && type.key.length > 0) entry.key = [...type.key];
  if (type.properties.length > 0) entry.properties = record(type.properties, propertyEntry);
  if (type.navigationProperties.length > 0) entry.navigation = record(type.navigationProperties, navigationEntry);
  return entry;
}

/** Declared order is kept: it is the order of the schema and of the docs. */
function record<T extends { name: string }, E>(items: T[], convert: (item: T) => E): Record<string, E> {
  const result = Object.create(null) as Record<string, E>;
  for (const item of items) result[item.name] = convert(item);
  return result;
}

function propertyEntry(property: StructuralProperty): PropertyEntry {
  let flags = 0;
  if (property.collection) flags |= PROPERTY_FLAGS.collection;
  if (property.nullable) flags |= PROPERTY_FLAGS.nullable;
  if (property.computed) flags |= PROPERTY_FLAGS.computed;
  if (property.immutable) flags |= PROPERTY_FLAGS.immutable;
  if (isReadOnly(property)) flags |= PROPERTY_FLAGS.readOnly;
  const facets = facetsOf(property, property.derivedTypeConstraint);
  return facets === undefined ? [property.type, flags] : [property.type, flags, facets];
}

function facetsOf(
  source: Pick<StructuralProperty, 'maxLength' | 'precision' | 'scale'>,
  derived?: string[],
): PropertyFacets | undefined {
  const facets: PropertyFacets = {};
  if (typeof source.maxLength === 'number') facets.maxLength = source.maxLength;
  if (source.precision !== undefined) facets.precision = source.precision;
  if (source.scale !== undefined) facets.scale = source.scale;
  if (derived !== undefined && derived.length > 0) facets.derived = [...derived].sort();
  return Object.keys(facets).length > 0 ? facets : undefined;
}

function navigationEntry(navigation: NavigationProperty): NavigationEntry {
  const constraint = navigation.derivedTypeConstraint;
  const collection = navigation.collection ? 1 : 0;
  return constraint !== undefined && constraint.length > 0 ? [navigation.type, collection, [...constraint].sort()] : [navigation.type, collection];
}

function enumEntry(type: EnumType): EnumTypeEntry {
  const members = Object.create(null) as Record<string, number>;
  for (const member of type.members) members[member.name] = member.value;
  return type.isFlags ? { kind: 'enum', flags: true, members } : { kind: 'enum', members };
}

function typeDefinitionEntry(type: TypeDefinition): TypeDefinitionEntry {
  const facets = facetsOf(type);
  return facets === undefined ? { kind: 'typeDefinition', underlying: type.underlyingType } : { kind: 'typeDefinition', underlying: type.underlyingType, facets };
}
