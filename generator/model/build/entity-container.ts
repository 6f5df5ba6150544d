import { attribute, childElements, type XmlElement } from '../../csdl/xml-element.ts';
import type { EntityContainer, EntitySet, NavigationPropertyBinding, OperationImport, Singleton } from '../types.ts';
import { readAnnotations } from './annotation.ts';
import { at, booleanAttribute, qualify, type BuildContext } from './context.ts';

/** The entity container (CSDL XML 13): entity sets, singletons, action and function imports. */
export function readEntityContainer(element: XmlElement, context: BuildContext): EntityContainer {
  const name = attribute(element, 'Name') ?? '';
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
    name: attribute(element, 'Name') ?? '',
    entityType: qualify(attribute(element, 'EntityType') ?? '', context),
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
    name: attribute(element, 'Name') ?? '',
    type: qualify(attribute(element, 'Type') ?? '', context),
    nullable: booleanAttribute(attribute(element, 'Nullable'), false),
    navigationPropertyBindings: readBindings(element),
    capabilities: {},
    annotations: readAnnotations(element, context),
    source: at(element, context),
  };
}

function readImport(element: XmlElement, kind: OperationImport['kind'], context: BuildContext): OperationImport {
  const item: OperationImport = {
    kind,
    name: attribute(element, 'Name') ?? '',
    operation: qualify(attribute(element, kind === 'actionImport' ? 'Action' : 'Function') ?? '', context),
    includeInServiceDocument: booleanAttribute(attribute(element, 'IncludeInServiceDocument'), false),
    annotations: readAnnotations(element, context),
    source: at(element, context),
  };
  const entitySet = attribute(element, 'EntitySet');
  if (entitySet !== undefined) item.entitySet = entitySet;
  return item;
}
