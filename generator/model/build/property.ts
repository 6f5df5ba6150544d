import { attribute, type XmlElement } from '../../csdl/xml-element.ts';
import type { Facets, NavigationProperty, StructuralProperty } from '../types.ts';
import { readAnnotations } from './annotation.ts';
import { at, booleanAttribute, requiredAttribute, typeReference, type BuildContext } from './context.ts';

/** Facets shared by properties, parameters and return types (CSDL XML 7.2). */
export function readFacets(element: XmlElement): Facets {
  const facets: Facets = { nullable: booleanAttribute(attribute(element, 'Nullable'), true) };
  const maxLength = attribute(element, 'MaxLength');
  // Invalid values are reported by check-xml-shape.ts and left out here.
  if (maxLength === 'max') facets.maxLength = 'max';
  else if (isCount(maxLength)) facets.maxLength = Number(maxLength);
  const precision = attribute(element, 'Precision');
  if (isCount(precision)) facets.precision = Number(precision);
  const scale = attribute(element, 'Scale');
  if (scale === 'variable' || scale === 'floating') facets.scale = scale;
  else if (isCount(scale)) facets.scale = Number(scale);
  const srid = attribute(element, 'SRID');
  if (srid !== undefined) facets.srid = srid;
  const unicode = attribute(element, 'Unicode');
  if (unicode !== undefined) facets.unicode = booleanAttribute(unicode, true);
  const defaultValue = attribute(element, 'DefaultValue');
  if (defaultValue !== undefined) facets.defaultValue = defaultValue;
  return facets;
}

function isCount(value: string | undefined): value is string {
  return value !== undefined && /^\d+$/.test(value);
}

/** A structural property (CSDL XML 7.1). Annotation-derived flags are set later, once external annotations are in. */
export function readProperty(element: XmlElement, context: BuildContext): StructuralProperty {
  return {
    kind: 'property',
    name: requiredAttribute(element, 'Name', 'Property', context),
    ...typeReference(requiredAttribute(element, 'Type', 'Property', context), context),
    ...readFacets(element),
    computed: false,
    immutable: false,
    annotations: readAnnotations(element, context),
    origin: ['csdl'],
    source: at(element, context),
  };
}

/** A navigation property (CSDL XML 8.1). */
export function readNavigationProperty(element: XmlElement, context: BuildContext): NavigationProperty {
  const property: NavigationProperty = {
    kind: 'navigation',
    name: requiredAttribute(element, 'Name', 'NavigationProperty', context),
    ...typeReference(requiredAttribute(element, 'Type', 'NavigationProperty', context), context),
    nullable: booleanAttribute(attribute(element, 'Nullable'), true),
    containsTarget: booleanAttribute(attribute(element, 'ContainsTarget'), false),
    capabilities: {},
    annotations: readAnnotations(element, context),
    origin: ['csdl'],
    source: at(element, context),
  };
  const partner = attribute(element, 'Partner');
  if (partner !== undefined) property.partner = partner;
  return property;
}
