import { decodeEntities, type XmlElement } from '../../csdl/xml-element.ts';
import type { Facets, NavigationProperty, StructuralProperty } from '../types.ts';
import { readAnnotations } from './annotation.ts';
import { at, booleanAttribute, requiredAttribute, typeReference, type BuildContext } from './context.ts';

/** Facets shared by properties, parameters and return types (CSDL XML 7.2). */
export function readFacets(element: XmlElement): Facets {
  return addFacets(element, {});
}

/**
 * Adds the element's facets to `into`, nullable first and the others in a fixed order (the
 * model's key order). Written into the element's own object rather than spread into it: the
 * build reads some twenty thousand of these.
 */
export function addFacets<T extends object>(element: XmlElement, into: T): T & Facets {
  const facets = into as T & Facets;
  const attributes = element.$;
  facets.nullable = booleanAttribute(valueOf(attributes?.['Nullable']), true);
  if (attributes === undefined) return facets;
  const maxLength = valueOf(attributes['MaxLength']);
  // Invalid values are reported by check-xml-shape.ts and left out here.
  if (maxLength === 'max') facets.maxLength = 'max';
  else if (isCount(maxLength)) facets.maxLength = Number(maxLength);
  const precision = valueOf(attributes['Precision']);
  if (isCount(precision)) facets.precision = Number(precision);
  const scale = valueOf(attributes['Scale']);
  if (scale === 'variable' || scale === 'floating') facets.scale = scale;
  else if (isCount(scale)) facets.scale = Number(scale);
  const srid = valueOf(attributes['SRID']);
  if (srid !== undefined) facets.srid = srid;
  const unicode = valueOf(attributes['Unicode']);
  if (unicode !== undefined) facets.unicode = booleanAttribute(unicode, true);
  const defaultValue = valueOf(attributes['DefaultValue']);
  if (defaultValue !== undefined) facets.defaultValue = defaultValue;
  return facets;
}

/** An attribute's value as `attribute` (xml-element.ts) reads it, from the element's attributes already in hand. */
function valueOf(raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : decodeEntities(raw);
}

function isCount(value: string | undefined): value is string {
  return value !== undefined && /^\d+$/.test(value);
}

/** The facet attributes besides Nullable, which few elements carry. */
const OPTIONAL_FACETS = new Set(['MaxLength', 'Precision', 'Scale', 'SRID', 'Unicode', 'DefaultValue']);

/** Whether the element has a facet other than Nullable; without one, its object can be written whole in one literal. */
export function hasOptionalFacets(element: XmlElement): boolean {
  for (const name in element.$) if (OPTIONAL_FACETS.has(name)) return true;
  return false;
}

/** A structural property (CSDL XML 7.1). Annotation-derived flags are set later, once external annotations are in. */
export function readProperty(element: XmlElement, context: BuildContext): StructuralProperty {
  const name = requiredAttribute(element, 'Name', 'Property', context);
  const { type, collection } = typeReference(requiredAttribute(element, 'Type', 'Property', context), context);
  if (!hasOptionalFacets(element)) {
    // Nearly every property (Graph: all but 2 of 10,528): one object of one shape, the keys in the order below.
    return {
      kind: 'property',
      name,
      type,
      collection,
      nullable: booleanAttribute(valueOf(element.$?.['Nullable']), true),
      computed: false,
      immutable: false,
      annotations: readAnnotations(element, context),
      origin: ['csdl'],
      source: at(element, context),
    };
  }
  const property = addFacets(element, { kind: 'property', name, type, collection }) as StructuralProperty;
  property.computed = false;
  property.immutable = false;
  property.annotations = readAnnotations(element, context);
  property.origin = ['csdl'];
  property.source = at(element, context);
  return property;
}

/** A navigation property (CSDL XML 8.1). */
export function readNavigationProperty(element: XmlElement, context: BuildContext): NavigationProperty {
  const name = requiredAttribute(element, 'Name', 'NavigationProperty', context);
  const { type, collection } = typeReference(requiredAttribute(element, 'Type', 'NavigationProperty', context), context);
  const attributes = element.$;
  const property: NavigationProperty = {
    kind: 'navigation',
    name,
    type,
    collection,
    nullable: booleanAttribute(valueOf(attributes?.['Nullable']), true),
    containsTarget: booleanAttribute(valueOf(attributes?.['ContainsTarget']), false),
    capabilities: {},
    annotations: readAnnotations(element, context),
    origin: ['csdl'],
    source: at(element, context),
  };
  const partner = valueOf(attributes?.['Partner']);
  if (partner !== undefined) property.partner = partner;
  return property;
}
