import type { HttpMethod, Operation, PathSegment } from '../../generator/model/types.ts';

/**
 * The operations of a model as a tree of path segments, so that a request is routed in one
 * walk down its path (OData URL Conventions 4.0 §4) instead of trying ten thousand patterns.
 */
export type RouteKind = 'root' | 'collection' | 'entity' | 'callable' | 'reference';

export interface RouteNode {
  kind: RouteKind;
  /** Entity type addressed (collections: the member type). */
  type?: string;
  /** The segment that leads here. */
  segment?: PathSegment;
  parent?: RouteNode;
  /** Reached through containment (or an entity set or singleton), so the store owns it. */
  contained: boolean;
  literals: Map<string, RouteNode>;
  /** Case-folded names: Graph treats segment names case-insensitively. */
  folded: Map<string, RouteNode>;
  /** The member below a collection, addressed by key. */
  member?: RouteNode;
  /** `$ref` below a non-contained navigation or its member: the link (OData Protocol 11.4.6). */
  reference?: RouteNode;
  methods: Partial<Record<HttpMethod, Operation>>;
  /** Function overloads (same name, other parameters) and action overloads share a node. */
  overloads: Operation[];
  /** The path template, for messages. */
  template: string;
}

export function buildRoutes(operations: readonly Operation[]): RouteNode {
  const root = node('root', undefined, undefined, true, '');
  for (const operation of operations) {
    let at = root;
    for (const segment of operation.segments) at = child(at, segment);
    at.methods[operation.method] ??= operation;
    if (at.kind === 'callable') at.overloads.push(operation);
  }
  addShortCallableNames(root);
  return root;
}

function node(kind: RouteKind, segment: PathSegment | undefined, parent: RouteNode | undefined, contained: boolean, template: string): RouteNode {
  return { kind, segment, parent, contained, literals: new Map(), folded: new Map(), methods: {}, overloads: [], template, ...(segment && 'type' in segment && { type: segment.type }) };
}

function child(at: RouteNode, segment: PathSegment): RouteNode {
  if (segment.kind === 'key') {
    at.member ??= node('entity', segment, at, at.contained, `${at.template}/{${segment.placeholders.join(',')}}`);
    return at.member;
  }
  if (segment.kind === 'ref') {
    at.reference ??= node('reference', segment, at, false, `${at.template}/$ref`);
    return at.reference;
  }
  const name = segment.kind === 'cast' ? segment.type : segment.name;
  const existing = at.literals.get(name);
  if (existing) return existing;
  const template = `${at.template}/${name}`;
  let created: RouteNode;
  switch (segment.kind) {
    case 'entitySet':
      created = node('collection', segment, at, true, template);
      break;
    case 'singleton':
      created = node('entity', segment, at, true, template);
      break;
    case 'navigation':
      created = node(segment.collection ? 'collection' : 'entity', segment, at, segment.containsTarget, template);
      break;
    case 'cast':
      created = node(at.kind === 'collection' ? 'collection' : 'entity', segment, at, at.contained, template);
      break;
    case 'action':
    case 'function':
      created = node('callable', segment, at, false, template);
      break;
    default:
      return assertNever(segment);
  }
  at.literals.set(name, created);
  if (!at.folded.has(name.toLowerCase())) at.folded.set(name.toLowerCase(), created);
  return created;
}

/** Graph accepts `delta()` for `microsoft.graph.delta()`: add the short name where unambiguous. */
function addShortCallableNames(at: RouteNode): void {
  const short = new Map<string, RouteNode | null>();
  for (const [name, next] of at.literals) {
    if (next.kind === 'callable' && name.includes('.')) {
      const simple = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
      short.set(simple, short.has(simple) ? null : next);
    }
    addShortCallableNames(next);
  }
  if (at.member) addShortCallableNames(at.member);
  for (const [simple, next] of short) if (next && !at.folded.has(simple)) at.folded.set(simple, next);
}

/**
 * Whether an entity exists before anyone creates it: singletons do, and so does a contained
 * single-valued navigation that cannot be created with PUT (it is part of its parent, like
 * `policies/crossTenantAccessPolicy`). One that PUT creates starts absent.
 */
export function existsImplicitly(at: RouteNode): boolean {
  if (at.kind !== 'entity' || !at.segment) return false;
  if (at.segment.kind === 'singleton') return true;
  if (at.segment.kind === 'cast') return at.parent ? existsImplicitly(at.parent) : false;
  return at.segment.kind === 'navigation' && at.segment.containsTarget && at.methods.PUT === undefined;
}

/**
 * A contained collection clients cannot add to (no POST: Capabilities.InsertRestrictions says
 * so): its members are the service's own. The handlers give it one member of their own making,
 * so that it can be read, listed and walked through.
 */
export function isServerProvided(at: RouteNode): boolean {
  return at.kind === 'collection' && at.contained && at.member !== undefined && at.methods.POST === undefined;
}

/** A single-valued navigation (as opposed to a collection member or a singleton). */
export function isSingleNavigation(at: RouteNode): boolean {
  if (at.segment?.kind === 'cast') return at.parent ? isSingleNavigation(at.parent) : false;
  return at.segment?.kind === 'navigation' && !at.segment.collection;
}

export function allowedMethods(at: RouteNode): HttpMethod[] {
  return (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).filter((method) => at.methods[method] !== undefined);
}

function assertNever(value: never): never {
  throw new Error(`unexpected path segment ${JSON.stringify(value)}`);
}

/** Every node below `root`, depth-first in path order. */
export function walkRoutes(root: RouteNode, visit: (node: RouteNode) => void): void {
  const children = [...root.literals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, child]) => child);
  for (const child of children) {
    visit(child);
    walkRoutes(child, visit);
    if (child.member) {
      visit(child.member);
      walkRoutes(child.member, visit);
    }
  }
}
