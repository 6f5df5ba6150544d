import type {
  EntityType,
  Model,
  NavigationProperty,
  SchemaType,
  StructuralProperty,
  StructuredType,
} from './types.ts';

/**
 * Structural questions shared code asks of the model, so that callers do not branch on
 * kinds or walk base types themselves. All walks are cycle-safe.
 */

export function lookupType(model: Model, name: string): SchemaType | undefined {
  return Object.hasOwn(model.types, name) ? model.types[name] : undefined;
}

export function lookupStructuredType(model: Model, name: string): StructuredType | undefined {
  const type = lookupType(model, name);
  return type?.kind === 'entity' || type?.kind === 'complex' ? type : undefined;
}

export function isStructured(type: SchemaType | undefined): type is StructuredType {
  return type?.kind === 'entity' || type?.kind === 'complex';
}

/** The type and its base types, most derived first; stops at a cycle or a missing base. */
export function baseChain(model: Model, type: StructuredType): StructuredType[] {
  const chain: StructuredType[] = [];
  const seen = new Set<string>();
  for (let current: StructuredType | undefined = type; current && !seen.has(current.qualifiedName); ) {
    seen.add(current.qualifiedName);
    chain.push(current);
    current = current.baseType === undefined ? undefined : lookupStructuredType(model, current.baseType);
  }
  return chain;
}

/** Structural properties including inherited ones, base type's first. */
export function allProperties(model: Model, type: StructuredType): StructuralProperty[] {
  return baseChain(model, type)
    .reverse()
    .flatMap((item) => item.properties);
}

/** Navigation properties including inherited ones, base type's first. */
export function allNavigationProperties(model: Model, type: StructuredType): NavigationProperty[] {
  return baseChain(model, type)
    .reverse()
    .flatMap((item) => item.navigationProperties);
}

export function findNavigationProperty(model: Model, type: StructuredType, name: string): NavigationProperty | undefined {
  for (const item of baseChain(model, type)) {
    const found = item.navigationProperties.find((navigation) => navigation.name === name);
    if (found) return found;
  }
  return undefined;
}

export function findProperty(model: Model, type: StructuredType, name: string): StructuralProperty | undefined {
  for (const item of baseChain(model, type)) {
    const found = item.properties.find((property) => property.name === name);
    if (found) return found;
  }
  return undefined;
}

/** The key property names of an entity type, declared or inherited. */
export function keyProperties(model: Model, type: StructuredType): string[] {
  for (const item of baseChain(model, type)) {
    if (item.kind === 'entity' && item.key.length > 0) return item.key;
  }
  return [];
}

/** Whether `type` is `ancestor` or derives from it. */
export function derivesFrom(model: Model, type: StructuredType, ancestor: string): boolean {
  return baseChain(model, type).some((item) => item.qualifiedName === ancestor);
}

/** Is any type in the chain open? (OpenType is inherited, CSDL XML 6.3.) */
export function isOpenType(model: Model, type: StructuredType): boolean {
  return baseChain(model, type).some((item) => item.openType);
}

/**
 * Types deriving from `name`, directly or not, sorted by qualified name. Builds an index
 * once per model (memoised on a WeakMap so the model stays plain data).
 */
const derivedIndex = new WeakMap<Model, Record<string, string[]>>();

export function derivedTypes(model: Model, name: string): StructuredType[] {
  let index = derivedIndex.get(model);
  if (!index) {
    index = Object.create(null) as Record<string, string[]>;
    for (const type of Object.values(model.types)) {
      if (type.kind !== 'entity' && type.kind !== 'complex') continue;
      for (const ancestor of baseChain(model, type).slice(1)) (index[ancestor.qualifiedName] ??= []).push(type.qualifiedName);
    }
    for (const list of Object.values(index)) list.sort();
    derivedIndex.set(model, index);
  }
  return (index[name] ?? []).map((item) => lookupStructuredType(model, item)!).filter(Boolean);
}

export function isEntityType(type: SchemaType | undefined): type is EntityType {
  return type?.kind === 'entity';
}
