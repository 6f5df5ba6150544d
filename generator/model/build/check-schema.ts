import type { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { findProperty, lookupStructuredType, lookupType } from '../queries.ts';
import type { EntityType, Facets, Model, SourcePosition, StructuralProperty } from '../types.ts';

/**
 * Rules of CSDL that a document can break while every reference resolves: what a key may be
 * (CSDL XML 4.01, 6.5) and which facets apply to which types (7.2). They are warnings, and
 * the model is left as the service behaves: a key is never null, an inapplicable facet means
 * nothing, and a key of another type still addresses its entity.
 */
export function checkSchema(model: Model, diagnostics: DiagnosticCollector): void {
  for (const type of Object.values(model.types)) {
    if (type.kind === 'entity') checkKey(model, type, diagnostics);
    if (type.kind === 'entity' || type.kind === 'complex') {
      for (const property of type.properties) checkFacets(model, property.type, property, type.qualifiedName, property.name, diagnostics);
    } else if (type.kind === 'typeDefinition') checkFacets(model, type.underlyingType, type, type.qualifiedName, undefined, diagnostics);
  }
  for (const callable of [...model.actions, ...model.functions]) {
    for (const parameter of callable.parameters) {
      checkFacets(model, parameter.type, parameter, callable.qualifiedName, parameter.name, diagnostics);
    }
  }
}

/**
 * Key property types CSDL allows (CSDL XML 4.01, 6.5): these primitives, enumeration types
 * and type definitions of them. Not Edm.Single, Edm.Double, Edm.Binary, Edm.Stream, spatial
 * or abstract types.
 */
const KEY_TYPES = new Set([
  'Edm.Boolean', 'Edm.Byte', 'Edm.Date', 'Edm.DateTimeOffset', 'Edm.Decimal', 'Edm.Duration', 'Edm.Guid',
  'Edm.Int16', 'Edm.Int32', 'Edm.Int64', 'Edm.SByte', 'Edm.String', 'Edm.TimeOfDay',
]);

function checkKey(model: Model, type: EntityType, diagnostics: DiagnosticCollector): void {
  for (const path of type.key) {
    const property = keyProperty(model, type, path);
    if (!property) continue; // Reported by checkReferences.
    const at = { type: type.qualifiedName, property: path };
    if (property.nullable) {
      diagnostics.report('csdl/nullable-key', property.source, at);
      property.nullable = false;
    }
    const primitive = underlyingType(model, property.type);
    if (property.collection || (primitive !== undefined && !KEY_TYPES.has(primitive))) {
      diagnostics.report('csdl/key-type', property.source, { ...at, keyType: property.collection ? `Collection(${property.type})` : property.type });
    }
  }
}

/** The property a key path (`id`, or `address/code` into complex properties) names. */
function keyProperty(model: Model, type: EntityType, path: string): StructuralProperty | undefined {
  const [first = '', ...rest] = path.split('/');
  let property = findProperty(model, type, first);
  for (const segment of rest) {
    const complex = property ? lookupStructuredType(model, property.type) : undefined;
    property = complex ? findProperty(model, complex, segment) : undefined;
  }
  return property;
}

/** The primitive type a name stands for (a type definition's underlying type); undefined for enums and unknown names. */
function underlyingType(model: Model, name: string): string | undefined {
  const type = lookupType(model, name);
  if (!type) return name.startsWith('Edm.') ? name : undefined;
  if (type.kind === 'typeDefinition') return type.underlyingType;
  return type.kind === 'enum' ? undefined : name;
}

type FacetName = Exclude<keyof Facets, 'nullable' | 'defaultValue'>;

/** The primitive types each facet applies to (CSDL XML 4.01, 7.2). */
const APPLIES_TO: Record<FacetName, (type: string) => boolean> = {
  maxLength: (type) => type === 'Edm.String' || type === 'Edm.Binary' || type === 'Edm.Stream',
  precision: (type) => ['Edm.Decimal', 'Edm.DateTimeOffset', 'Edm.Duration', 'Edm.TimeOfDay'].includes(type),
  scale: (type) => type === 'Edm.Decimal',
  srid: (type) => type.startsWith('Edm.Geography') || type.startsWith('Edm.Geometry'),
  unicode: (type) => type === 'Edm.String',
};
const ATTRIBUTE: Record<FacetName, string> = {
  maxLength: 'MaxLength',
  precision: 'Precision',
  scale: 'Scale',
  srid: 'SRID',
  unicode: 'Unicode',
};

interface Faceted extends Partial<Omit<Facets, 'nullable'>> {
  source: SourcePosition;
}

const FACET_NAMES = Object.keys(ATTRIBUTE) as FacetName[];

/**
 * Reports (and drops) the facets of `element` that do not apply to `typeName`; the element is
 * named `owner/member` (or `owner`), put together only for a report.
 */
function checkFacets(
  model: Model,
  typeName: string,
  element: Faceted,
  owner: string,
  member: string | undefined,
  diagnostics: DiagnosticCollector,
): void {
  const type = lookupType(model, typeName);
  // Facets on a usage of a type definition restate or refine the definition's; they are not ours to judge here.
  if (type?.kind === 'typeDefinition') return;
  if (!type && !typeName.startsWith('Edm.')) return; // An unresolved type is reported by checkReferences.
  for (const facet of FACET_NAMES) {
    if (element[facet] === undefined || (!type && APPLIES_TO[facet](typeName))) continue;
    const name = member === undefined ? owner : `${owner}/${member}`;
    diagnostics.report('csdl/inapplicable-facet', element.source, { facet: ATTRIBUTE[facet], type: typeName, element: name });
    delete element[facet];
  }
}
