import { attribute, type XmlElement } from '../../csdl/xml-element.ts';
import type { TypeDefinition } from '../types.ts';
import { readAnnotations } from './annotation.ts';
import { at, qualify, requiredAttribute, type BuildContext } from './context.ts';
import { readFacets } from './property.ts';

/** Type definitions (CSDL XML 11): a named primitive type with facets. */
export function readTypeDefinition(element: XmlElement, context: BuildContext): TypeDefinition {
  const name = requiredAttribute(element, 'Name', 'TypeDefinition', context);
  const { nullable: _nullable, ...facets } = readFacets(element);
  return {
    kind: 'typeDefinition',
    name,
    namespace: context.namespace,
    qualifiedName: `${context.namespace}.${name}`,
    underlyingType: qualify(attribute(element, 'UnderlyingType') ?? 'Edm.String', context),
    ...facets,
    annotations: readAnnotations(element, context),
    origin: ['csdl'],
    source: at(element, context),
  };
}
