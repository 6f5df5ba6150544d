/**
 * DocTypeInfo -> EntityType or ComplexType. A `keyProperty` makes an entity type (as in
 * ApiDoctor); so does deriving from a documented entity type. Rows marked "Inherited from"
 * belong to the base type and are left out when the page names one.
 */
import type { EntityType, NavigationProperty, StructuralProperty, StructuredType } from '../types.ts';
import type { DocPropertyInfo, DocTypeInfo } from './doc-types.ts';

export function structuredTypesFromDocs(infos: DocTypeInfo[]): StructuredType[] {
  const byName = new Map(infos.map((info) => [info.qualifiedName, info]));
  return infos.map((info) => toType(info, isEntity(info, byName)));
}

/** Entity when it states a key or a documented base type is an entity (cycle-safe). */
function isEntity(info: DocTypeInfo, byName: Map<string, DocTypeInfo>): boolean {
  const seen = new Set<string>();
  for (let current: DocTypeInfo | undefined = info; current && !seen.has(current.qualifiedName); ) {
    if (current.keyProperty) return true;
    seen.add(current.qualifiedName);
    current = current.baseType ? byName.get(current.baseType.name) : undefined;
  }
  return false;
}

function toType(info: DocTypeInfo, entity: boolean): StructuredType {
  const declared = (list: DocPropertyInfo[]) => list.filter((p) => !(info.baseType && p.inheritedFrom));
  const properties = declared(info.properties).map((p) => structural(p, p.name === info.keyProperty));
  const base = {
    name: info.name,
    namespace: info.namespace,
    qualifiedName: info.qualifiedName,
    annotations: [],
    origin: ['docs' as const],
    source: info.source,
    abstract: info.annotation.abstract ?? false,
    openType: info.annotation.openType ?? false,
    properties,
    navigationProperties: declared(info.navigation).map(navigation),
    capabilities: {},
    ...(info.description !== undefined && { description: info.description }),
    ...(info.baseType && { baseType: info.baseType.name }),
  };
  if (!entity) return { kind: 'complex', ...base };
  // A key the type does not declare itself is inherited: CSDL then leaves Key out too.
  const key = info.keyProperty && properties.some((p) => p.name === info.keyProperty) ? [info.keyProperty] : [];
  const type: EntityType = { kind: 'entity', ...base, key, hasStream: false };
  return type;
}

function structural(info: DocPropertyInfo, isKey: boolean): StructuralProperty {
  const property: StructuralProperty = {
    kind: 'property',
    name: info.name,
    type: info.type.type,
    collection: info.type.collection,
    nullable: !isKey && !info.cues.includes('Not nullable'),
    computed: info.cues.includes('Read-only'),
    immutable: false,
    annotations: [],
    origin: ['docs'],
    source: info.source,
  };
  if (info.description !== undefined) property.description = info.description;
  if (info.cues.length) property.docCues = info.cues;
  return property;
}

function navigation(info: DocPropertyInfo): NavigationProperty {
  const property: NavigationProperty = {
    kind: 'navigation',
    name: info.name,
    type: info.type.type,
    collection: info.type.collection,
    nullable: !info.cues.includes('Not nullable'),
    // Pages do not say whether a relationship contains its target; CSDL does.
    containsTarget: false,
    capabilities: {},
    annotations: [],
    origin: ['docs'],
    source: info.source,
  };
  if (info.description !== undefined) property.description = info.description;
  return property;
}
