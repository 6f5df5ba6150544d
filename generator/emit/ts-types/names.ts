import type { Model } from '../../model/types.ts';
import { derivedTypes, isStructured } from '../../model/queries.ts';
import { typeNames } from '../naming.ts';

/**
 * Names of everything `types.gen.ts` exports besides the schema types themselves: input
 * shapes, envelopes, Edm helpers and the per-type parts of polymorphic unions. Schema type
 * names (`typeName`) are claimed first; every other name takes the first free spelling
 * (`UserCreate`, else `UserCreate_`, `UserCreate__`...), compared case-sensitively like
 * TypeScript. Memoised per model, which stays plain data.
 */
export interface TypesFileNames {
  /** `<Name>Create` by qualified name (entity and complex types). */
  create: Record<string, string>;
  /** `<Name>Update` by qualified name (entity and complex types). */
  update: Record<string, string>;
  /**
   * Only for types that have derived types: the exact shape of the type (its own and
   * inherited properties, any `@odata.type`): `<Name>Properties`, `<Name>CreateProperties`,
   * `<Name>UpdateProperties`.
   * Derived interfaces extend these; the union named after the type lists them.
   */
  properties: Record<string, string>;
  createProperties: Record<string, string>;
  updateProperties: Record<string, string>;
  collection: string;
  error: string;
  /** Fixed helpers: Edm numbers with INF/NaN, GeoJSON shapes, instance annotations. */
  helpers: Record<HelperName, string>;
}

export const HELPER_NAMES = [
  'EdmFloat',
  'GeoJsonPosition',
  'GeoJsonCrs',
  'GeoJsonPoint',
  'GeoJsonLineString',
  'GeoJsonPolygon',
  'GeoJsonMultiPoint',
  'GeoJsonMultiLineString',
  'GeoJsonMultiPolygon',
  'GeoJsonGeometryCollection',
  'GeoJsonGeometry',
  'ODataErrorDetail',
  'ODataInnerError',
] as const;
export type HelperName = (typeof HELPER_NAMES)[number];

const memo = new WeakMap<Model, TypesFileNames>();

export function inputTypeNames(model: Model): TypesFileNames {
  let names = memo.get(model);
  if (names) return names;
  const schemaNames = typeNames(model);
  const taken = new Set(Object.values(schemaNames));
  const claim = (wanted: string): string => {
    let name = wanted;
    while (taken.has(name)) name += '_';
    taken.add(name);
    return name;
  };
  const structured = Object.keys(model.types)
    .filter((qualified) => isStructured(model.types[qualified]))
    .sort();
  const polymorphic = structured.filter((qualified) => derivedTypes(model, qualified).length > 0);
  const perType = (suffix: string, types = structured): Record<string, string> => {
    const result = Object.create(null) as Record<string, string>;
    for (const qualified of types) result[qualified] = claim(`${schemaNames[qualified]}${suffix}`);
    return result;
  };
  // Claimed in a fixed order so that names never depend on anything but the model.
  const create = perType('Create');
  const update = perType('Update');
  const collection = claim('ODataCollection');
  const error = claim('ODataError');
  const properties = perType('Properties', polymorphic);
  const createProperties = perType('CreateProperties', polymorphic);
  const updateProperties = perType('UpdateProperties', polymorphic);
  const helpers = Object.fromEntries(HELPER_NAMES.map((helper) => [helper, claim(helper)])) as Record<HelperName, string>;
  names = { create, update, properties, createProperties, updateProperties, collection, error, helpers };
  memo.set(model, names);
  return names;
}
