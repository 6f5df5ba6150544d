import { attribute, childElements, type XmlElement } from '../../csdl/xml-element.ts';
import type { ComplexType, EntityType } from '../types.ts';
import { readAnnotations } from './annotation.ts';
import { at, booleanAttribute, qualify, requiredAttribute, type BuildContext } from './context.ts';
import { readNavigationProperty, readProperty } from './property.ts';

/** Entity types (CSDL XML 6) and complex types (CSDL XML 9). */
export function readStructuredType(element: XmlElement, kind: 'entity', context: BuildContext): EntityType;
export function readStructuredType(element: XmlElement, kind: 'complex', context: BuildContext): ComplexType;
export function readStructuredType(
  element: XmlElement,
  kind: 'entity' | 'complex',
  context: BuildContext,
): EntityType | ComplexType {
  const name = requiredAttribute(element, 'Name', kind === 'entity' ? 'EntityType' : 'ComplexType', context);
  // One object built in the model's key order (kind first, base type and key last), not spread together from parts.
  const type = {
    kind,
    name,
    namespace: context.namespace,
    qualifiedName: `${context.namespace}.${name}`,
    abstract: booleanAttribute(attribute(element, 'Abstract'), false),
    openType: booleanAttribute(attribute(element, 'OpenType'), false),
    properties: childElements(element, 'Property').map((property) => readProperty(property, context)),
    navigationProperties: childElements(element, 'NavigationProperty').map((navigation) =>
      readNavigationProperty(navigation, context),
    ),
    capabilities: {},
    annotations: readAnnotations(element, context),
    origin: ['csdl'],
    source: at(element, context),
  } as EntityType | ComplexType;
  const baseType = attribute(element, 'BaseType');
  if (baseType !== undefined) type.baseType = qualify(baseType, context);
  if (type.kind === 'entity') {
    type.key = readKey(element);
    type.hasStream = booleanAttribute(attribute(element, 'HasStream'), false);
  }
  return type;
}

/** Key property paths (CSDL XML 6.5); aliased keys keep their path. */
function readKey(element: XmlElement): string[] {
  return childElements(element, 'Key').flatMap((key) =>
    childElements(key, 'PropertyRef').map((ref) => attribute(ref, 'Name') ?? ''),
  );
}
