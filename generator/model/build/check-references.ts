import type { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { standardVocabularyType } from '../../vocabularies/index.ts';
import { derivesFrom, findNavigationProperty, lookupStructuredType } from '../queries.ts';
import { EDM_PRIMITIVES, type Model, type SchemaType, type SourcePosition, type StructuredType } from '../types.ts';

const PRIMITIVES = new Set<string>(EDM_PRIMITIVES);

/**
 * Reports references that do not resolve (types, base types, keys, imports, bindings) and
 * cyclic base types. The model stays whole: a bad reference is reported, not removed.
 */
export function checkReferences(model: Model, diagnostics: DiagnosticCollector): void {
  const known = (name: string) => PRIMITIVES.has(name) || Object.hasOwn(model.types, name) || standardVocabularyType(name) !== undefined;
  // The element's name is put together only for a report: most of some twenty thousand references resolve.
  const expect: Expect = (type, at, owner, separator = '', member = '') => {
    // An empty name is a missing Type attribute, reported where it is read.
    if (type !== '' && !known(type)) diagnostics.report('csdl/unresolved-type', at, { type, element: `${owner}${separator}${member}` });
  };
  for (const type of Object.values(model.types)) checkType(model, type, expect, diagnostics);
  for (const callables of [model.actions, model.functions]) {
    for (const callable of callables) {
      for (const parameter of callable.parameters) expect(parameter.type, parameter.source, callable.qualifiedName, '/', parameter.name);
      if (callable.returnType) expect(callable.returnType.type, callable.source, callable.qualifiedName, ' return type');
    }
  }
  checkContainer(model, expect, diagnostics);
}

/** Reports `type` unless it resolves; the element is named `${owner}${separator}${member}`. */
type Expect = (type: string, at: SourcePosition, owner: string, separator?: string, member?: string) => void;

function checkType(model: Model, type: SchemaType, expect: Expect, diagnostics: DiagnosticCollector): void {
  if (type.kind === 'enum' || type.kind === 'typeDefinition') {
    expect(type.underlyingType, type.source, type.qualifiedName);
    return;
  }
  for (const property of type.properties) expect(property.type, property.source, type.qualifiedName, '/', property.name);
  for (const property of type.navigationProperties) expect(property.type, property.source, type.qualifiedName, '/', property.name);
  if (type.baseType !== undefined) checkBaseType(model, type, diagnostics);
  if (type.kind === 'entity') checkKey(model, type, diagnostics);
}

function checkBaseType(model: Model, type: StructuredType, diagnostics: DiagnosticCollector): void {
  const baseName = type.baseType!;
  const base = Object.hasOwn(model.types, baseName) ? model.types[baseName] : undefined;
  if (!base) {
    diagnostics.report('csdl/unresolved-type', type.source, { type: baseName, element: `${type.qualifiedName} base type` });
    return;
  }
  if (base.kind !== type.kind) {
    diagnostics.report('csdl/base-type-kind', type.source, { baseType: baseName, type: type.qualifiedName, kind: type.kind });
  }
  const chain = [type.qualifiedName];
  for (let current: SchemaType | undefined = base; current && 'baseType' in current; ) {
    if (current.qualifiedName === type.qualifiedName) {
      chain.push(current.qualifiedName);
      diagnostics.report('csdl/cyclic-base-type', type.source, { type: type.qualifiedName, chain: chain.join(' -> ') });
      return;
    }
    if (chain.includes(current.qualifiedName)) return; // A cycle further up: reported at its own members.
    chain.push(current.qualifiedName);
    const next: string | undefined = current.baseType;
    current = next !== undefined && Object.hasOwn(model.types, next) ? model.types[next] : undefined;
  }
}

function checkKey(model: Model, type: StructuredType & { kind: 'entity' }, diagnostics: DiagnosticCollector): void {
  const keyHolder = keyHolderOf(model, type);
  if (!keyHolder) {
    if (addressedByKey(model, type.qualifiedName)) diagnostics.report('csdl/missing-key', type.source, { type: type.qualifiedName });
    return;
  }
  if (keyHolder !== type) return; // Checked where it is declared.
  // Only a type that declares a key needs the names of the properties it has, inherited ones too.
  const properties = new Set<string>();
  const seen = new Set<string>();
  for (let current: SchemaType | undefined = type; current?.kind === 'entity' && !seen.has(current.qualifiedName); current = entityBase(model, current)) {
    seen.add(current.qualifiedName);
    for (const property of current.properties) properties.add(property.name);
  }
  for (const name of type.key) {
    // Key paths into complex properties (a/b) are checked by their first segment.
    if (!properties.has(name.split('/')[0]!)) {
      diagnostics.report('csdl/unknown-key-property', type.source, { property: name, type: type.qualifiedName });
    }
  }
}

/** The first entity type up the base chain (the type itself first) that declares a key; cycle-safe. */
function keyHolderOf(model: Model, type: StructuredType & { kind: 'entity' }): (StructuredType & { kind: 'entity' }) | undefined {
  const seen = new Set<string>();
  for (let current: SchemaType | undefined = type; current?.kind === 'entity' && !seen.has(current.qualifiedName); current = entityBase(model, current)) {
    if (current.key.length > 0) return current;
    seen.add(current.qualifiedName);
  }
  return undefined;
}

function entityBase(model: Model, type: StructuredType): SchemaType | undefined {
  return type.baseType !== undefined && Object.hasOwn(model.types, type.baseType) ? model.types[type.baseType] : undefined;
}

function checkContainer(model: Model, expect: Expect, diagnostics: DiagnosticCollector): void {
  const container = model.entityContainer;
  if (!container) return;
  for (const set of container.entitySets) expect(set.entityType, set.source, 'entity set ', set.name);
  for (const singleton of container.singletons) expect(singleton.type, singleton.source, 'singleton ', singleton.name);
  const callableNames = new Set([...model.actions, ...model.functions].map((callable) => callable.qualifiedName));
  for (const item of container.operationImports) {
    if (item.operation !== '' && !callableNames.has(item.operation)) {
      diagnostics.report('csdl/unresolved-callable', item.source, {
        kind: item.kind === 'actionImport' ? 'Action' : 'Function',
        name: item.name,
        operation: item.operation,
      });
    }
  }
  for (const source of [...container.entitySets, ...container.singletons]) {
    for (const binding of source.navigationPropertyBindings) {
      if (!resolveBindingTarget(model, binding.target)) {
        diagnostics.report('csdl/unresolved-binding', source.source, { path: binding.path, target: binding.target });
      }
    }
  }
}

/**
 * Resolves a binding target: an entity set or singleton, optionally container-qualified,
 * optionally followed by a path of navigations and type casts (Graph writes
 * `directory/microsoft.graph.entraRecoveryServices.recovery/recovery/jobs`).
 */
export function resolveBindingTarget(model: Model, target: string): boolean {
  const container = model.entityContainer;
  if (!container) return false;
  const prefix = `${container.qualifiedName}/`;
  const [head = '', ...path] = (target.startsWith(prefix) ? target.slice(prefix.length) : target).split('/');
  const set = container.entitySets.find((item) => item.name === head);
  const singleton = container.singletons.find((item) => item.name === head);
  let type = lookupStructuredType(model, set?.entityType ?? singleton?.type ?? '');
  for (const segment of path) {
    if (!type) return false;
    if (segment.includes('.')) {
      // Graph writes the target's type where no cast applies; only a real cast changes the type.
      const cast = lookupStructuredType(model, segment);
      if (!cast) return false;
      if (derivesFrom(model, cast, type.qualifiedName)) type = cast;
      continue;
    }
    const navigation = findNavigationProperty(model, type, segment);
    type = navigation ? lookupStructuredType(model, navigation.type) : undefined;
  }
  return type !== undefined;
}

/**
 * A key matters where entities are addressed by it: entity sets and collection-valued
 * navigations. Graph's singleton types (admin, print, ...) have none, legitimately.
 */
const keyedIndex = new WeakMap<Model, Set<string>>();

function addressedByKey(model: Model, name: string): boolean {
  let keyed = keyedIndex.get(model);
  if (!keyed) {
    keyed = new Set(model.entityContainer?.entitySets.map((set) => set.entityType) ?? []);
    for (const type of Object.values(model.types)) {
      if (type.kind !== 'entity' && type.kind !== 'complex') continue;
      for (const navigation of type.navigationProperties) if (navigation.collection) keyed.add(navigation.type);
    }
    keyedIndex.set(model, keyed);
  }
  return keyed.has(name);
}
