import { attribute, childElements, type XmlElement } from '../../csdl/xml-element.ts';
import type { EntityContainer, EntitySet, NavigationPropertyBinding, OperationImport, Singleton } from '../types.ts';
import { readAnnotations } from './annotation.ts';
import { at, booleanAttribute, qualify, requiredAttribute, type BuildContext } from './context.ts';

/** The entity container (CSDL XML 13): entity sets, singletons, action and function imports. */
export function readEntityContainer(element: XmlElement, context: BuildContext): EntityContainer {
  const name = requiredAttribute(element, 'Name', 'EntityContainer', context);
  return {
    name,
    qualifiedName: `${context.namespace}.${name}`,
    entitySets: childElements(element, 'EntitySet').map((set) => readEntitySet(set, context)),
    singletons: childElements(element, 'Singleton').map((singleton) => readSingleton(singleton, context)),
    operationImports: [
      ...childElements(element, 'ActionImport').map((item) => readImport(item, 'actionImport', context)),
      ...childElements(element, 'FunctionImport').map((item) => readImport(item, 'functionImport', context)),
    ],
    annotations: readAnnotations(element, context),
    source: at(element, context),
  };
}

function readBindings(element: XmlElement): NavigationPropertyBinding[] {
  return childElements(element, 'NavigationPropertyBinding').map((binding) => ({
    path: attribute(binding, 'Path') ?? '',
    target: attribute(binding, 'Target') ?? '',
  }));
}

function readEntitySet(element: XmlElement, context: BuildContext): EntitySet {
  return {
    kind: 'entitySet',
    name: requiredAttribute(element, 'Name', 'EntitySet', context),
    entityType: qualify(requiredAttribute(element, 'EntityType', 'EntitySet', context), context),
    includeInServiceDocument: booleanAttribute(attribute(element, 'IncludeInServiceDocument'), true),
    navigationPropertyBindings: readBindings(element),
    capabilities: {},
    annotations: readAnnotations(element, context),
    source: at(element, context),
  };
}

function readSingleton(element: XmlElement, context: BuildContext): Singleton {
  return {
    kind: 'singleton',
    name: requiredAttribute(element, 'Name', 'Singleton', context),
    type: qualify(requiredAttribute(element, 'Type', 'Singleton', context), context),
    nullable: booleanAttribute(attribute(element, 'Nullable'), false),
    navigationPropertyBindings: readBindings(element),
    capabilities: {},
    annotations: readAnnotations(element, context),
    source: at(element, context),
  };
}

function readImport(element: XmlElement, kind: OperationImport['kind'], context: BuildContext): OperationImport {
  const tag = kind === 'actionImport' ? 'ActionImport' : 'FunctionImport';
  const item: OperationImport = {
    kind,
    name: requiredAttribute(element, 'Name', tag, context),
    operation: qualify(requiredAttribute(element, tag === 'ActionImport' ? 'Action' : 'Function', tag, context), context),
    includeInServiceDocument: booleanAttribute(attribute(element, 'IncludeInServiceDocument'), false),
    annotations: readAnnotations(element, context),
    source: at(element, context),
  };
  const entitySet = attribute(element, 'EntitySet');
  if (entitySet !== undefined) item.entitySet = entitySet;
  return item;
}
