import picomatch from 'picomatch';
import { lookupStructuredType, lookupType } from '../model/queries.ts';
import type { Callable, Model, Operation, QualifiedName, StructuredType } from '../model/types.ts';

/**
 * `--include`: generate for part of a schema. A pattern starting with `/` selects operations
 * by path (`/policies/crossTenantAccessPolicy/**`; braces and parentheses are literal, as in
 * `/users/{id}`); any other pattern selects types by qualified name, where `*` stays within
 * one namespace segment and `**` crosses them (`microsoft.graph.*`, `microsoft.**`).
 *
 * The types the selection references are pulled in transitively: base types, property
 * types, and for operations the types along their paths, bodies, responses and the
 * parameters and returns of the actions and functions they call. Navigation properties to
 * types left out are dropped, and unions list only the derived types kept.
 */
export interface IncludeResult {
  model: Model;
  /** Patterns that matched nothing (worth a note: probably a typo). */
  unmatched: string[];
}

export function includeOnly(model: Model, patterns: readonly string[]): IncludeResult {
  if (patterns.length === 0) return { model, unmatched: [] };
  const pathPatterns = patterns.filter((pattern) => pattern.startsWith('/'));
  const typePatterns = patterns.filter((pattern) => !pattern.startsWith('/'));
  const pathMatchers = pathPatterns.map((pattern) => picomatch(pattern, { nobrace: true, noextglob: true, dot: true }));
  const typeMatchers = typePatterns.map((pattern) => picomatch(pattern.split('.').join('/'), { dot: true }));
  const used = new Set<number>();
  const operations = model.operations.filter((operation) => matchesAny(pathMatchers, operation.path, used, 0));
  const seeds = Object.keys(model.types).filter((name) => matchesAny(typeMatchers, name.split('.').join('/'), used, pathMatchers.length));
  const callables = callablesOf(model, operations);
  for (const operation of operations) seeds.push(...operationTypes(operation));
  for (const callable of callables) seeds.push(...callableTypes(callable));
  const kept = closure(model, seeds);
  return {
    model: filteredModel(model, kept, operations, callables),
    unmatched: [...pathPatterns, ...typePatterns].filter((_, index) => !used.has(index)),
  };
}

function matchesAny(matchers: picomatch.Matcher[], text: string, used: Set<number>, offset: number): boolean {
  let matched = false;
  matchers.forEach((matcher, index) => {
    if (matcher(text)) {
      used.add(offset + index);
      matched = true;
    }
  });
  return matched;
}

function operationTypes(operation: Operation): QualifiedName[] {
  const types = operation.segments.flatMap((segment) => ('type' in segment ? [segment.type] : []));
  for (const reference of [operation.target, operation.requestBody, operation.response]) if (reference) types.push(reference.type);
  return types;
}

function callablesOf(model: Model, operations: Operation[]): Callable[] {
  const names = new Set<string>();
  for (const operation of operations) {
    if (operation.callable) names.add(operation.callable);
    for (const segment of operation.segments) if (segment.kind === 'action' || segment.kind === 'function') names.add(segment.name);
  }
  return [...model.actions, ...model.functions].filter((callable) => names.has(callable.qualifiedName));
}

function callableTypes(callable: Callable): QualifiedName[] {
  return [...callable.parameters.map((parameter) => parameter.type), ...(callable.returnType ? [callable.returnType.type] : [])];
}

/** The seeds and every type they reach through base types and structural properties. */
function closure(model: Model, seeds: QualifiedName[]): Set<QualifiedName> {
  const kept = new Set<QualifiedName>();
  const queue = [...seeds];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (kept.has(name) || !lookupType(model, name)) continue;
    kept.add(name);
    const type = lookupStructuredType(model, name);
    if (!type) continue;
    if (type.baseType !== undefined) queue.push(type.baseType);
    for (const property of type.properties) queue.push(property.type);
  }
  return kept;
}

function filteredModel(model: Model, kept: Set<QualifiedName>, operations: Operation[], callables: Callable[]): Model {
  const types: Model['types'] = {};
  for (const name of Object.keys(model.types).filter((item) => kept.has(item)).sort()) {
    const type = model.types[name]!;
    types[name] = type.kind === 'entity' || type.kind === 'complex' ? withKeptNavigation(type, kept) : type;
  }
  const keptCallables = new Set(callables);
  const container = model.entityContainer;
  return {
    ...model,
    types,
    actions: model.actions.filter((callable) => keptCallables.has(callable)),
    functions: model.functions.filter((callable) => keptCallables.has(callable)),
    operations,
    ...(container
      ? {
          entityContainer: {
            ...container,
            entitySets: container.entitySets.filter((set) => kept.has(set.entityType)),
            singletons: container.singletons.filter((singleton) => kept.has(singleton.type)),
            operationImports: container.operationImports.filter((item) => callables.some((callable) => callable.qualifiedName === item.operation)),
          },
        }
      : {}),
  };
}

function withKeptNavigation<T extends StructuredType>(type: T, kept: Set<QualifiedName>): T {
  const navigationProperties = type.navigationProperties.filter((navigation) => kept.has(navigation.type));
  return navigationProperties.length === type.navigationProperties.length ? type : { ...type, navigationProperties };
}
