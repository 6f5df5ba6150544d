import type { Model, Operation, PathSegment } from '../../model/types.ts';

/**
 * The model's operations as a tree of URL positions (OData URL Conventions 4.01 section 4):
 * one node per path prefix, with the HTTP operations on it and the actions and functions
 * invoked from it. Bound and imported callables and `$ref` are leaves, kept on the node they
 * start from.
 */
export interface PositionNode {
  /** What the position addresses; absent at the service root. */
  type?: string;
  collection: boolean;
  /** GET, POST, PUT, PATCH and DELETE on this position. */
  operations: Operation[];
  /** Actions and functions invoked from this position. */
  callables: Operation[];
  /** Link operations on this position's `$ref` (POST, PUT, DELETE; OData Protocol 11.4.6). */
  references: Operation[];
  /** Child positions by edge key (see `edgeKey`), sorted by key once built. */
  children: Map<string, PositionEdge>;
}

export type StepSegment = Exclude<PathSegment, { kind: 'action' | 'function' | 'ref' }>;

export interface PositionEdge {
  segment: StepSegment;
  node: PositionNode;
}

const trees = new WeakMap<Model, PositionNode>();

/** The tree of a model, built once: the request builders and the handlers both walk it, and neither changes it. */
export function buildPositionTree(model: Model): PositionNode {
  let root = trees.get(model);
  if (!root) {
    root = positionTree(model);
    trees.set(model, root);
  }
  return root;
}

function positionTree(model: Model): PositionNode {
  const root: PositionNode = { collection: false, operations: [], callables: [], references: [], children: new Map() };
  for (const operation of model.operations) {
    let node = root;
    const segments = operation.segments;
    const last = segments.at(-1);
    const callable = last?.kind === 'action' || last?.kind === 'function';
    const reference = last?.kind === 'ref';
    const steps = callable || reference ? segments.slice(0, -1) : segments;
    // deriveOperations puts callables and `$ref` last; one inside a path is not addressable here.
    if (steps.some((segment) => segment.kind === 'action' || segment.kind === 'function' || segment.kind === 'ref')) continue;
    for (const segment of steps as StepSegment[]) node = child(node, segment);
    (callable ? node.callables : reference ? node.references : node.operations).push(operation);
  }
  sortChildren(root);
  return root;
}

/** One key per distinct step: a name, a key, or a cast to a type. */
export function edgeKey(segment: StepSegment): string {
  switch (segment.kind) {
    case 'entitySet':
    case 'singleton':
    case 'navigation':
      return `n:${segment.name}`;
    case 'key':
      return 'k';
    case 'cast':
      return `c:${segment.type}`;
    default:
      throw new Error(`internal: unexpected segment ${JSON.stringify(segment satisfies never)}`);
  }
}

function child(node: PositionNode, segment: StepSegment): PositionNode {
  const key = edgeKey(segment);
  let edge = node.children.get(key);
  if (!edge) {
    edge = { segment, node: { ...positionOf(node, segment), operations: [], callables: [], references: [], children: new Map() } };
    node.children.set(key, edge);
  }
  return edge.node;
}

function positionOf(parent: PositionNode, segment: StepSegment): { type: string; collection: boolean } {
  switch (segment.kind) {
    case 'entitySet':
      return { type: segment.type, collection: true };
    case 'singleton':
      return { type: segment.type, collection: false };
    case 'navigation':
      return { type: segment.type, collection: segment.collection };
    case 'key':
      return { type: segment.type, collection: false };
    case 'cast':
      return { type: segment.type, collection: parent.collection };
    default:
      throw new Error(`internal: unexpected segment ${JSON.stringify(segment satisfies never)}`);
  }
}

function sortChildren(node: PositionNode): void {
  node.children = new Map([...node.children].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  for (const edge of node.children.values()) sortChildren(edge.node);
}
