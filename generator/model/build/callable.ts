import { attribute, childElements, type XmlElement } from '../../csdl/xml-element.ts';
import type { Callable, Parameter } from '../types.ts';
import { readAnnotations } from './annotation.ts';
import { at, booleanAttribute, requiredAttribute, typeReference, type BuildContext } from './context.ts';
import { addFacets, hasOptionalFacets } from './property.ts';

/** Actions (CSDL XML 12.1) and functions (12.2), one overload each. */
export function readCallable(element: XmlElement, kind: 'action' | 'function', context: BuildContext): Callable {
  const name = requiredAttribute(element, 'Name', kind === 'action' ? 'Action' : 'Function', context);
  const callable: Callable = {
    kind,
    name,
    namespace: context.namespace,
    qualifiedName: `${context.namespace}.${name}`,
    isBound: booleanAttribute(attribute(element, 'IsBound'), false),
    isComposable: booleanAttribute(attribute(element, 'IsComposable'), false),
    parameters: childElements(element, 'Parameter').map((parameter) => readParameter(parameter, context)),
    annotations: readAnnotations(element, context),
    source: at(element, context),
  };
  const entitySetPath = attribute(element, 'EntitySetPath');
  if (entitySetPath !== undefined) callable.entitySetPath = entitySetPath;
  const [returnType] = childElements(element, 'ReturnType');
  if (returnType) {
    const { type, collection } = typeReference(requiredAttribute(returnType, 'Type', 'ReturnType', context), context);
    callable.returnType = { type, collection, nullable: booleanAttribute(attribute(returnType, 'Nullable'), true) };
    const annotations = readAnnotations(returnType, context);
    if (annotations.length > 0) callable.returnType.annotations = annotations;
  }
  return callable;
}

function readParameter(element: XmlElement, context: BuildContext): Parameter {
  const name = requiredAttribute(element, 'Name', 'Parameter', context);
  const { type, collection } = typeReference(requiredAttribute(element, 'Type', 'Parameter', context), context);
  if (!hasOptionalFacets(element)) {
    const nullable = booleanAttribute(attribute(element, 'Nullable'), true);
    return { name, type, collection, nullable, optional: false, annotations: readAnnotations(element, context), source: at(element, context) };
  }
  const parameter = addFacets(element, { name, type, collection }) as Parameter;
  parameter.optional = false;
  parameter.annotations = readAnnotations(element, context);
  parameter.source = at(element, context);
  return parameter;
}
