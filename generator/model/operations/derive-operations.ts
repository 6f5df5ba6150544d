import { baseChain, lookupStructuredType } from '../queries.ts';
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
import { renderSegment } from './path-template.ts';

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
  /** Operations by path, each path's in the order added: a path has at most one per method. */
  byPath: Map<string, Operation[]>;
  boundCallables: Map<string, BoundTo>;
  /** Per-type answers the walk asks at every visit of the type, computed once (see `typeFacts`). */
  facts: Map<StructuredType, TypeFacts>;
}

/** What the walk needs of a type, the same at every place it is reached. */
interface TypeFacts {
  key: string[];
  navigations: NavigationProperty[];
  /** Callables bound to the type or a base type (binding is inherited), to a single entity and to a collection. */
  boundToEntity: Callable[];
  boundToCollection: Callable[];
}

/** Where an operation is added: its path so far, and what declared it. */
interface Place {
  segments: PathSegment[];
  /** `segments` rendered (`renderPath` but '' for none), extended one segment at a time. */
  path: string;
  /** The placeholders `segments` use so far (`placeholdersOf`), which new ones must not repeat. */
  placeholders: string[];
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
  const walk: Walk = { model, maxDepth: options.maxDepth ?? 5, byPath: new Map(), boundCallables: indexBound(model), facts: new Map() };
  for (const set of container.entitySets) {
    const type = lookupStructuredType(model, set.entityType);
    if (!type) continue;
    const at = root(walk, { kind: 'entitySet', name: set.name, type: type.qualifiedName }, type, set.source);
    collection(walk, at, mergeCapabilities(type.capabilities, set.capabilities));
  }
  for (const singleton of container.singletons) {
    const type = lookupStructuredType(model, singleton.type);
    if (!type) continue;
    const at = root(walk, { kind: 'singleton', name: singleton.name, type: type.qualifiedName }, type, singleton.source);
    single(walk, at, mergeCapabilities(type.capabilities, singleton.capabilities), false);
  }
  for (const item of container.operationImports) unboundCallables(walk, item.operation, item.kind === 'actionImport', item.source);
  return sortedOperations(walk.byPath);
}

const METHOD_ORDER: Record<HttpMethod, number> = { GET: 0, POST: 1, PUT: 2, PATCH: 3, DELETE: 4 };

export function compareOperations(a: Operation, b: Operation): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : compareMethods(a, b);
}

function compareMethods(a: Operation, b: Operation): number {
  return METHOD_ORDER[a.method] - METHOD_ORDER[b.method];
}

/**
 * The order of `compareOperations` (path, then method), got by sorting the distinct paths
 * alone: the default sort compares strings by UTF-16 code units, as `<` does.
 */
function sortedOperations(byPath: Map<string, Operation[]>): Operation[] {
  const sorted: Operation[] = [];
  for (const path of [...byPath.keys()].sort()) {
    const operations = byPath.get(path)!;
    if (operations.length > 1) operations.sort(compareMethods);
    for (const operation of operations) sorted.push(operation);
  }
  return sorted;
}

function root(walk: Walk, segment: PathSegment, type: StructuredType, source: SourcePosition): Position {
  return { segments: [segment], path: renderSegment(segment), placeholders: [], type, visited: [type.qualifiedName], depth: 0, source };
}

/** The place one segment further on; `type` changes only through navigation. */
function extend<P extends Place>(at: P, segment: PathSegment, placeholders: string[] = at.placeholders): P {
  return { ...at, segments: [...at.segments, segment], path: at.path + renderSegment(segment), placeholders };
}

/** Adds the operation unless the path already has one for the method: the first place that reaches it names it. */
function add(
  walk: Walk,
  at: Place,
  method: HttpMethod,
  intent: OperationIntent,
  target: TypeReference | undefined,
  requestBody?: Operation['requestBody'],
  response?: TypeReference,
  callable?: string,
): void {
  const path = at.path || '/';
  let onPath = walk.byPath.get(path);
  if (onPath === undefined) walk.byPath.set(path, (onPath = []));
  else for (const operation of onPath) if (operation.method === method) return;
  // Properties in the order the model has always had them (JSON output is compared byte for byte).
  const operation = { id: `${method} ${path}`, method, path, segments: at.segments, intent } as Operation;
  if (target !== undefined) operation.target = target;
  if (requestBody !== undefined) operation.requestBody = requestBody;
  if (response !== undefined) operation.response = response;
  if (callable !== undefined) operation.callable = callable;
  operation.successStatus = defaultStatus(intent, response !== undefined);
  operation.statusSource = 'default';
  operation.origin = ['csdl'];
  operation.sources = [at.source];
  onPath.push(operation);
}

function typeFacts(walk: Walk, type: StructuredType): TypeFacts {
  let facts = walk.facts.get(type);
  if (facts) return facts;
  // One walk up the base chain answers all four (what keyProperties and allNavigationProperties in queries.ts say).
  const chain = baseChain(walk.model, type);
  facts = { key: [], navigations: [], boundToEntity: [], boundToCollection: [] };
  for (const item of chain) {
    if (facts.key.length === 0 && item.kind === 'entity' && item.key.length > 0) facts.key = item.key;
    const bound = walk.boundCallables.get(item.qualifiedName);
    if (bound) {
      facts.boundToEntity.push(...bound.entity);
      facts.boundToCollection.push(...bound.collection);
    }
  }
  for (let index = chain.length - 1; index >= 0; index--) facts.navigations.push(...chain[index]!.navigationProperties); // base type's first
  walk.facts.set(type, facts);
  return facts;
}

/** The key segment addressing one member of the collection at `at`, and the place it leads to. */
function memberOf(walk: Walk, at: Position, key: string[]): Position {
  const placeholders = uniquePlaceholders(key, at.placeholders);
  const keySegment: PathSegment = { kind: 'key', keyProperties: key, placeholders, type: at.type.qualifiedName };
  return extend(at, keySegment, [...at.placeholders, ...placeholders]);
}

function createBody(type: string): Operation['requestBody'] {
  return { type, collection: false, mode: 'create' };
}

/** A collection of entities: list, create, and each member by key. */
function collection(walk: Walk, at: Position, capabilities: Capabilities, contained = true): void {
  const entity = { type: at.type.qualifiedName, collection: false };
  const many = { type: at.type.qualifiedName, collection: true };
  if (capabilities.readable !== false) add(walk, at, 'GET', 'list', many, undefined, many);
  if (!contained) return;
  if (capabilities.insertable !== false) add(walk, at, 'POST', 'create', many, createBody(entity.type), entity);
  boundCallables(walk, at, true);
  const { key } = typeFacts(walk, at.type);
  if (key.length === 0) return;
  const member = memberOf(walk, at, key);
  if (capabilities.readable !== false) add(walk, member, 'GET', 'read', entity, undefined, entity);
  update(walk, member, capabilities);
  if (capabilities.deletable !== false) add(walk, member, 'DELETE', 'delete', entity);
  navigations(walk, member, capabilities);
  boundCallables(walk, member, false);
}

/** A single entity: a singleton or a single-valued navigation. */
function single(walk: Walk, at: Position, capabilities: Capabilities, deletable: boolean): void {
  const entity = { type: at.type.qualifiedName, collection: false };
  if (capabilities.readable !== false) add(walk, at, 'GET', 'read', entity, undefined, entity);
  update(walk, at, capabilities);
  if (deletable && capabilities.deletable !== false) add(walk, at, 'DELETE', 'delete', entity);
  navigations(walk, at, capabilities);
  boundCallables(walk, at, false);
}

/** PATCH unless Capabilities.UpdateRestrictions says UpdateMethod PUT. */
function update(walk: Walk, at: Position, capabilities: Capabilities): void {
  if (capabilities.updatable === false) return;
  const entity = { type: at.type.qualifiedName, collection: false };
  if (capabilities.updateMethod === 'PUT') {
    add(walk, at, 'PUT', 'replace', entity, createBody(entity.type));
  } else {
    add(walk, at, 'PATCH', 'update', entity, { type: entity.type, collection: false, mode: 'update' });
  }
}

function navigations(walk: Walk, at: Position, parent: Capabilities): void {
  if (at.depth >= walk.maxDepth || parent.navigability === 'None') return;
  for (const navigation of typeFacts(walk, at.type).navigations) {
    const target = lookupStructuredType(walk.model, navigation.type);
    if (!target || !mayEnter(at, target)) continue;
    const capabilities = mergeCapabilities(
      target.capabilities,
      parent.restrictedNavigation?.[navigation.name],
      navigation.capabilities,
    );
    if (capabilities.navigability === 'None') continue;
    const segment = segmentOf(navigation);
    const next: Position = {
      segments: [...at.segments, segment],
      path: at.path + renderSegment(segment),
      placeholders: at.placeholders,
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
  let seen = 0;
  for (const name of at.visited) if (name === target.qualifiedName) seen++;
  return seen < 2;
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
  if (capabilities.readable !== false) add(walk, at, 'GET', 'list', many, undefined, many);
  if (capabilities.insertable !== false) add(walk, at, 'POST', 'create', many, createBody(entity.type), entity);
  if (linkable) add(walk, reference(at), 'POST', 'reference', many);
  const { key } = typeFacts(walk, at.type);
  if (key.length === 0) return;
  const member = memberOf(walk, at, key);
  if (capabilities.readable !== false) add(walk, member, 'GET', 'read', entity, undefined, entity);
  if (linkable) add(walk, reference(member), 'DELETE', 'reference', entity);
}

/** A single-valued related entity: read it; set the link with PUT and, when it may be null, remove it with DELETE. */
function relatedSingle(walk: Walk, at: Position, capabilities: Capabilities, removable: boolean): void {
  const entity = { type: at.type.qualifiedName, collection: false };
  if (capabilities.readable !== false) add(walk, at, 'GET', 'read', entity, undefined, entity);
  if (capabilities.updatable === false && capabilities.insertable === false) return;
  add(walk, reference(at), 'PUT', 'reference', entity);
  if (removable) add(walk, reference(at), 'DELETE', 'reference', entity);
}

function reference(at: Position): Position {
  return extend(at, { kind: 'ref' });
}

/** Callables bound to a type, by the binding parameter's type: to one entity, and to a collection of them. */
interface BoundTo {
  entity: Callable[];
  collection: Callable[];
}

function indexBound(model: Model): Map<string, BoundTo> {
  const index = new Map<string, BoundTo>();
  for (const callable of [...model.actions, ...model.functions]) {
    const binding = callable.isBound ? callable.parameters[0] : undefined;
    if (!binding) continue;
    let bound = index.get(binding.type);
    if (!bound) index.set(binding.type, (bound = { entity: [], collection: [] }));
    (binding.collection ? bound.collection : bound.entity).push(callable);
  }
  return index;
}

/** Callables bound to the addressed type or one of its base types (binding is inherited). */
function boundCallables(walk: Walk, at: Position, isCollection: boolean): void {
  const facts = typeFacts(walk, at.type);
  for (const callable of isCollection ? facts.boundToCollection : facts.boundToEntity) invoke(walk, at, callable, 1);
}

function unboundCallables(walk: Walk, name: string, isAction: boolean, source: SourcePosition): void {
  const overloads = (isAction ? walk.model.actions : walk.model.functions).filter(
    (callable) => callable.qualifiedName === name && !callable.isBound,
  );
  for (const callable of overloads) {
    invoke(walk, { segments: [], path: '', placeholders: [], source }, callable, 0, callable.name);
  }
}

/**
 * An action is POSTed with its parameters as the body; a function is a GET with them in the URL.
 * `first`: the first parameter passed (1 for a bound callable: the binding parameter is the path).
 */
function invoke(walk: Walk, at: Place, callable: Callable, first: number, importName?: string): void {
  const name = importName ?? callable.qualifiedName;
  const response = callable.returnType ? { type: callable.returnType.type, collection: callable.returnType.collection } : undefined;
  const { parameters } = callable;
  if (callable.kind === 'action') {
    const next = place(at, { kind: 'action', name, parameters: [], placeholders: [] }, at.placeholders, callable.source);
    const requestBody = parameters.length > first ? { type: callable.qualifiedName, collection: false, mode: 'parameters' as const } : undefined;
    add(walk, next, 'POST', 'action', undefined, requestBody, response, callable.qualifiedName);
    return;
  }
  const required: string[] = [];
  for (let index = first; index < parameters.length; index++) if (!parameters[index]!.optional) required.push(parameters[index]!.name);
  const placeholders = uniquePlaceholders(required, at.placeholders);
  const next = place(at, { kind: 'function', name, parameters: required, placeholders }, at.placeholders, callable.source);
  add(walk, next, 'GET', 'function', undefined, undefined, response, callable.qualifiedName);
}

/** A place (not a position in the walk: nothing is walked below a callable) one segment beyond `at`. */
function place(at: Place, segment: PathSegment, placeholders: string[], source: SourcePosition): Place {
  return { segments: [...at.segments, segment], path: at.path + renderSegment(segment), placeholders, source };
}

/** Renames placeholders that repeat a name already used in the path: `id`, then `id2`. */
function uniquePlaceholders(names: string[], taken: string[]): string[] {
  if (names.length === 0) return [];
  const used = new Set(taken);
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate); n++) candidate = `${name}${n}`;
    used.add(candidate);
    return candidate;
  });
}
