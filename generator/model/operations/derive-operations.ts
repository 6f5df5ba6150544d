import { allNavigationProperties, baseChain, keyProperties, lookupStructuredType } from '../queries.ts';
import type {
  Callable,
  Capabilities,
  HttpMethod,
  Model,
  NavigationProperty,
  Operation,
  OperationIntent,
  PathSegment,
  SourcePosition,
  StructuredType,
  TypeReference,
} from '../types.ts';
import { mergeCapabilities } from './capabilities-merge.ts';
import { defaultStatus } from './default-status.ts';
import { placeholdersOf, renderPath } from './path-template.ts';

/**
 * Derives the service's HTTP operations from the entity container (OData URL Conventions 4,
 * OData Protocol 11.4): entity sets and singletons, then containment navigation, walked
 * depth-first. The walk is cycle-safe (a type is not entered twice on one path) and bounded
 * (at most `maxDepth` navigation hops), and it honours the Capabilities restrictions.
 */
export interface DeriveOptions {
  /** Navigation hops below an entity set or singleton. */
  maxDepth?: number;
}

interface Walk {
  model: Model;
  maxDepth: number;
  operations: Map<string, Operation>;
  boundCallables: Record<string, Callable[]>;
}

/** Where an operation is added: its path so far, and what declared it. */
interface Place {
  segments: PathSegment[];
  source: SourcePosition;
}

/** A place in the containment walk. */
interface Position extends Place {
  type: StructuredType;
  /** Entity types already on this path, for cycle safety. */
  visited: readonly string[];
  depth: number;
}

export function deriveOperations(model: Model, options: DeriveOptions = {}): Operation[] {
  const container = model.entityContainer;
  if (!container) return [];
  const walk: Walk = { model, maxDepth: options.maxDepth ?? 5, operations: new Map(), boundCallables: indexBound(model) };
  for (const set of container.entitySets) {
    const type = lookupStructuredType(model, set.entityType);
    if (!type) continue;
    const segments: PathSegment[] = [{ kind: 'entitySet', name: set.name, type: type.qualifiedName }];
    const at: Position = { segments, type, visited: [type.qualifiedName], depth: 0, source: set.source };
    collection(walk, at, mergeCapabilities(type.capabilities, set.capabilities));
  }
  for (const singleton of container.singletons) {
    const type = lookupStructuredType(model, singleton.type);
    if (!type) continue;
    const segments: PathSegment[] = [{ kind: 'singleton', name: singleton.name, type: type.qualifiedName }];
    const at: Position = { segments, type, visited: [type.qualifiedName], depth: 0, source: singleton.source };
    single(walk, at, mergeCapabilities(type.capabilities, singleton.capabilities), false);
  }
  for (const item of container.operationImports) unboundCallables(walk, item.operation, item.kind === 'actionImport', item.source);
  return [...walk.operations.values()].sort(compareOperations);
}

const METHOD_ORDER: Record<HttpMethod, number> = { GET: 0, POST: 1, PUT: 2, PATCH: 3, DELETE: 4 };

export function compareOperations(a: Operation, b: Operation): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : METHOD_ORDER[a.method] - METHOD_ORDER[b.method];
}

function add(
  walk: Walk,
  at: Place,
  method: HttpMethod,
  intent: OperationIntent,
  shape: { target?: TypeReference; requestBody?: Operation['requestBody']; response?: TypeReference; callable?: string },
): void {
  const path = renderPath(at.segments);
  const id = `${method} ${path}`;
  if (walk.operations.has(id)) return;
  const operation: Operation = {
    id,
    method,
    path,
    segments: at.segments,
    intent,
    ...shape,
    successStatus: defaultStatus(intent, shape.response !== undefined),
    statusSource: 'default',
    origin: ['csdl'],
    sources: [at.source],
  };
  walk.operations.set(id, operation);
}

/** A collection of entities: list, create, and each member by key. */
function collection(walk: Walk, at: Position, capabilities: Capabilities, contained = true): void {
  const entity = { type: at.type.qualifiedName, collection: false };
  const many = { type: at.type.qualifiedName, collection: true };
  if (capabilities.readable !== false) add(walk, at, 'GET', 'list', { target: many, response: many });
  if (!contained) return;
  if (capabilities.insertable !== false) {
    add(walk, at, 'POST', 'create', { target: many, requestBody: { ...entity, mode: 'create' }, response: entity });
  }
  boundCallables(walk, at, true);
  const key = keyProperties(walk.model, at.type);
  if (key.length === 0) return;
  const keySegment: PathSegment = {
    kind: 'key',
    keyProperties: key,
    placeholders: uniquePlaceholders(key, placeholdersOf(at.segments)),
    type: at.type.qualifiedName,
  };
  const member: Position = { ...at, segments: [...at.segments, keySegment] };
  if (capabilities.readable !== false) add(walk, member, 'GET', 'read', { target: entity, response: entity });
  update(walk, member, capabilities);
  if (capabilities.deletable !== false) add(walk, member, 'DELETE', 'delete', { target: entity });
  navigations(walk, member, capabilities);
  boundCallables(walk, member, false);
}

/** A single entity: a singleton or a single-valued navigation. */
function single(walk: Walk, at: Position, capabilities: Capabilities, deletable: boolean): void {
  const entity = { type: at.type.qualifiedName, collection: false };
  if (capabilities.readable !== false) add(walk, at, 'GET', 'read', { target: entity, response: entity });
  update(walk, at, capabilities);
  if (deletable && capabilities.deletable !== false) add(walk, at, 'DELETE', 'delete', { target: entity });
  navigations(walk, at, capabilities);
  boundCallables(walk, at, false);
}

/** PATCH unless Capabilities.UpdateRestrictions says UpdateMethod PUT. */
function update(walk: Walk, at: Position, capabilities: Capabilities): void {
  if (capabilities.updatable === false) return;
  const entity = { type: at.type.qualifiedName, collection: false };
  if (capabilities.updateMethod === 'PUT') {
    add(walk, at, 'PUT', 'replace', { target: entity, requestBody: { ...entity, mode: 'create' } });
  } else {
    add(walk, at, 'PATCH', 'update', { target: entity, requestBody: { ...entity, mode: 'update' } });
  }
}

function navigations(walk: Walk, at: Position, parent: Capabilities): void {
  if (at.depth >= walk.maxDepth || parent.navigability === 'None') return;
  for (const navigation of allNavigationProperties(walk.model, at.type)) {
    const target = lookupStructuredType(walk.model, navigation.type);
    if (!target || !mayEnter(at, target)) continue;
    const capabilities = mergeCapabilities(
      target.capabilities,
      parent.restrictedNavigation?.[navigation.name],
      navigation.capabilities,
    );
    if (capabilities.navigability === 'None') continue;
    const next: Position = {
      segments: [...at.segments, segmentOf(navigation)],
      type: target,
      visited: [...at.visited, target.qualifiedName],
      depth: at.depth + 1,
      source: navigation.source,
    };
    follow(walk, next, navigation, capabilities, parent);
  }
}

function segmentOf(navigation: NavigationProperty): PathSegment {
  return {
    kind: 'navigation',
    name: navigation.name,
    type: navigation.type,
    collection: navigation.collection,
    containsTarget: navigation.containsTarget,
  };
}

/**
 * Cycle safety: a type may recur once on a path, so that self-containment
 * (`/folders/{id}/children/{id2}`) appears, but never twice.
 */
function mayEnter(at: Position, target: StructuredType): boolean {
  return at.visited.filter((name) => name === target.qualifiedName).length < 2;
}

/**
 * Contained targets get the full set of operations. A related (non-contained) target lives at
 * its own canonical URL (its entity set), where it is updated, deleted and navigated from; so
 * through the navigation a client reads it (a collection's members by key too), creates one that
 * is linked at once (POST to the collection, OData Protocol 4.01 section 11.4.2), and adds,
 * replaces or removes the link with `$ref` (11.4.6), and the walk stops there.
 */
function follow(walk: Walk, at: Position, navigation: NavigationProperty, capabilities: Capabilities, parent: Capabilities): void {
  if (navigation.containsTarget) {
    if (navigation.collection) collection(walk, at, capabilities);
    else single(walk, at, capabilities, true);
    return;
  }
  // A link belongs to the source entity: it changes with the source, unless the navigation says it may not.
  const linkable = parent.updatable !== false && mergeCapabilities(parent.restrictedNavigation?.[navigation.name], navigation.capabilities).updatable !== false;
  if (navigation.collection) relatedCollection(walk, at, capabilities, linkable);
  else relatedSingle(walk, at, capabilities, linkable && navigation.nullable);
}

function relatedCollection(walk: Walk, at: Position, capabilities: Capabilities, linkable: boolean): void {
  const entity = { type: at.type.qualifiedName, collection: false };
  const many = { type: at.type.qualifiedName, collection: true };
  if (capabilities.readable !== false) add(walk, at, 'GET', 'list', { target: many, response: many });
  if (capabilities.insertable !== false) {
    add(walk, at, 'POST', 'create', { target: many, requestBody: { ...entity, mode: 'create' }, response: entity });
  }
  if (linkable) add(walk, reference(at), 'POST', 'reference', { target: many });
  const key = keyProperties(walk.model, at.type);
  if (key.length === 0) return;
  const keySegment: PathSegment = { kind: 'key', keyProperties: key, placeholders: uniquePlaceholders(key, placeholdersOf(at.segments)), type: at.type.qualifiedName };
  const member: Position = { ...at, segments: [...at.segments, keySegment] };
  if (capabilities.readable !== false) add(walk, member, 'GET', 'read', { target: entity, response: entity });
  if (linkable) add(walk, reference(member), 'DELETE', 'reference', { target: entity });
}

/** A single-valued related entity: read it; set the link with PUT and, when it may be null, remove it with DELETE. */
function relatedSingle(walk: Walk, at: Position, capabilities: Capabilities, removable: boolean): void {
  const entity = { type: at.type.qualifiedName, collection: false };
  if (capabilities.readable !== false) add(walk, at, 'GET', 'read', { target: entity, response: entity });
  if (capabilities.updatable === false && capabilities.insertable === false) return;
  add(walk, reference(at), 'PUT', 'reference', { target: entity });
  if (removable) add(walk, reference(at), 'DELETE', 'reference', { target: entity });
}

function reference(at: Position): Position {
  return { ...at, segments: [...at.segments, { kind: 'ref' }] };
}

function bindingKey(type: string, collection: boolean): string {
  return collection ? `Collection(${type})` : type;
}

function indexBound(model: Model): Record<string, Callable[]> {
  const index: Record<string, Callable[]> = Object.create(null);
  for (const callable of [...model.actions, ...model.functions]) {
    const binding = callable.isBound ? callable.parameters[0] : undefined;
    if (binding) (index[bindingKey(binding.type, binding.collection)] ??= []).push(callable);
  }
  return index;
}

/** Callables bound to the addressed type or one of its base types (binding is inherited). */
function boundCallables(walk: Walk, at: Position, isCollection: boolean): void {
  for (const type of baseChain(walk.model, at.type)) {
    for (const callable of walk.boundCallables[bindingKey(type.qualifiedName, isCollection)] ?? []) {
      invoke(walk, at, callable, callable.parameters.slice(1));
    }
  }
}

function unboundCallables(walk: Walk, name: string, isAction: boolean, source: SourcePosition): void {
  const overloads = (isAction ? walk.model.actions : walk.model.functions).filter(
    (callable) => callable.qualifiedName === name && !callable.isBound,
  );
  for (const callable of overloads) {
    invoke(walk, { segments: [], source }, callable, callable.parameters, callable.name);
  }
}

/** An action is POSTed with its parameters as the body; a function is a GET with them in the URL. */
function invoke(walk: Walk, at: Place, callable: Callable, parameters: Callable['parameters'], importName?: string): void {
  const name = importName ?? callable.qualifiedName;
  const response = callable.returnType ? { type: callable.returnType.type, collection: callable.returnType.collection } : undefined;
  if (callable.kind === 'action') {
    const next = { ...at, segments: [...at.segments, { kind: 'action' as const, name, parameters: [], placeholders: [] }], source: callable.source };
    const requestBody = parameters.length > 0 ? { type: callable.qualifiedName, collection: false, mode: 'parameters' as const } : undefined;
    add(walk, next, 'POST', 'action', { ...(requestBody && { requestBody }), ...(response && { response }), callable: callable.qualifiedName });
    return;
  }
  const required = parameters.filter((parameter) => !parameter.optional).map((parameter) => parameter.name);
  const placeholders = uniquePlaceholders(required, placeholdersOf(at.segments));
  const next = { ...at, segments: [...at.segments, { kind: 'function' as const, name, parameters: required, placeholders }], source: callable.source };
  add(walk, next, 'GET', 'function', { ...(response && { response }), callable: callable.qualifiedName });
}

/** Renames placeholders that repeat a name already used in the path: `id`, then `id2`. */
function uniquePlaceholders(names: string[], taken: string[]): string[] {
  const used = new Set(taken);
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate); n++) candidate = `${name}${n}`;
    used.add(candidate);
    return candidate;
  });
}
