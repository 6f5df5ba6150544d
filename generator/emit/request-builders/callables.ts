import type { Callable, Model, Operation, Parameter, PathSegment } from '../../model/types.ts';
import { baseChain, lookupStructuredType } from '../../model/queries.ts';
import { safeIdentifier } from '../naming.ts';
import type { PositionNode } from './tree.ts';

/**
 * Bound actions and functions (OData URL Conventions 4.01 sections 4.6 and 11.5.4) and
 * operation imports as members of a position: which CSDL overloads each operation invokes,
 * and the member name it gets. A member is named after the callable (`sendMail`); when two
 * callables would share a name at a position (an action and a function both called
 * `browse`), or a callable would share it with a navigation property, each takes its kind
 * as a suffix (`browseAction`), and the namespace as well if that is not enough. Renames are
 * decided once per callable, so every position and the route table agree.
 */
export interface CallableMember {
  /** The member name, unescaped (the route table's key). */
  name: string;
  kind: 'action' | 'function';
  /** The URL segment: the qualified name, or the import's name. */
  urlName: string;
  /** The callable's qualified name. */
  qualifiedName: string;
  /** The binding parameter's type and collection flag; absent for imports. */
  binding?: { type: string; collection: boolean };
  /** One per CSDL overload invoked from this position, with the operation that invokes it. */
  overloads: { callable: Callable; operation: Operation }[];
}

type CallableSegment = Extract<PathSegment, { kind: 'action' | 'function' }>;

export interface CallableIndex {
  /** Members of a node, sorted by name (the same array on every call: read it, do not change it). */
  membersOf(node: PositionNode): CallableMember[];
}

const NO_MEMBERS: CallableMember[] = [];

export function indexCallables(model: Model, root: PositionNode): CallableIndex {
  const renamed = new Map<string, string>();
  const resolved = new Map<Operation, Callable | undefined>();
  const overloads = overloadsByName(model);
  const resolve = (node: PositionNode, operation: Operation): Callable | undefined => {
    if (!resolved.has(operation)) resolved.set(operation, resolveOverload(model, overloads, node, operation));
    return resolved.get(operation);
  };
  // First pass: find every name clash, so that a callable has one name everywhere.
  walk(root, (node) => {
    const taken = new Set([...node.children.values()].map((edge) => ('name' in edge.segment ? edge.segment.name : '')));
    const byName = new Map<string, Map<string, CallableSegment['kind']>>();
    for (const operation of node.callables) {
      const name = plainName(operation);
      byName.set(name, (byName.get(name) ?? new Map()).set(identityOf(operation), kindOf(operation)));
    }
    for (const [name, identities] of byName) {
      if (identities.size === 1 && !taken.has(name)) continue;
      const sameKind = new Set(identities.values()).size === 1;
      for (const [identity, kind] of identities) {
        const suffix = kind === 'action' ? 'Action' : 'Function';
        const qualified = identity.slice(kind.length + 1);
        renamed.set(identity, sameKind || taken.has(`${name}${suffix}`) ? safeIdentifier(`${qualified.replace(/\./g, '_')}_${kind}`) : `${name}${suffix}`);
      }
    }
  });
  // Asked for each node by the interfaces and twice by the route table: worked out once per node.
  const membersByNode = new Map<PositionNode, CallableMember[]>();
  return {
    membersOf(node) {
      let list = membersByNode.get(node);
      if (!list) {
        list = membersAt(node);
        membersByNode.set(node, list);
      }
      return list;
    },
  };

  function membersAt(node: PositionNode): CallableMember[] {
    if (node.callables.length === 0) return NO_MEMBERS;
    const members = new Map<string, CallableMember>();
    for (const operation of node.callables) {
      const callable = resolve(node, operation);
      if (!callable) continue;
      const identity = identityOf(operation);
      const name = renamed.get(identity) ?? plainName(operation);
      const segment = operation.segments.at(-1) as CallableSegment;
      let member = members.get(name);
      if (!member) {
        const binding = callable.isBound ? callable.parameters[0] : undefined;
        member = { name, kind: segment.kind, urlName: segment.name, qualifiedName: callable.qualifiedName, overloads: [] };
        if (binding) member.binding = { type: binding.type, collection: binding.collection };
        members.set(name, member);
      }
      if (!member.overloads.some((overload) => overload.callable === callable)) member.overloads.push({ callable, operation });
    }
    return [...members.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

/** The parameters a caller passes: all but the binding parameter. */
export function callerParameters(callable: Callable): Parameter[] {
  return callable.isBound ? callable.parameters.slice(1) : callable.parameters;
}

function walk(node: PositionNode, visit: (node: PositionNode) => void): void {
  visit(node);
  for (const edge of node.children.values()) walk(edge.node, visit);
}

function kindOf(operation: Operation): CallableSegment['kind'] {
  return (operation.segments.at(-1) as CallableSegment).kind;
}

/** `action ns.name`: what makes two callables the same one. */
function identityOf(operation: Operation): string {
  const segment = operation.segments.at(-1) as CallableSegment;
  return `${segment.kind} ${operation.callable ?? segment.name}`;
}

/** The callable's simple name; for an import, the import's name. */
function plainName(operation: Operation): string {
  const segment = operation.segments.at(-1) as CallableSegment;
  return operation.segments.length === 1 ? segment.name : segment.name.slice(segment.name.lastIndexOf('.') + 1);
}

/**
 * The CSDL overload an operation invokes: same qualified name and kind, bound to the
 * position's type or, failing that, the nearest base type with the same collection flag (or
 * unbound, for an import), and for functions the same required parameters (OData CSDL 4.01
 * section 12.2; a binding to a derived type hides one to its base, as deriveOperations does).
 */
function resolveOverload(model: Model, overloads: OverloadsByName, node: PositionNode, operation: Operation): Callable | undefined {
  const segment = operation.segments.at(-1) as CallableSegment;
  const pool = (segment.kind === 'action' ? overloads.actions : overloads.functions).get(operation.callable ?? '') ?? [];
  const chain = node.type === undefined ? [] : baseChainNames(model, node.type);
  const rank = (callable: Callable): number => {
    if (operation.segments.length === 1) return callable.isBound ? -1 : 0;
    const binding = callable.parameters[0];
    return callable.isBound && binding && binding.collection === node.collection ? chain.indexOf(binding.type) : -1;
  };
  let best: Callable | undefined;
  for (const callable of pool) {
    if (callable.qualifiedName !== operation.callable || rank(callable) < 0 || !sameRequiredParameters(callable, segment)) continue;
    if (!best || rank(callable) < rank(best)) best = callable;
  }
  return best;
}

interface OverloadsByName {
  actions: Map<string, Callable[]>;
  functions: Map<string, Callable[]>;
}

/** Each kind's overloads by qualified name, in model order: an operation looks at its own name's only. */
function overloadsByName(model: Model): OverloadsByName {
  const group = (callables: Callable[]) => {
    const byName = new Map<string, Callable[]>();
    for (const callable of callables) {
      const list = byName.get(callable.qualifiedName);
      if (list) list.push(callable);
      else byName.set(callable.qualifiedName, [callable]);
    }
    return byName;
  };
  return { actions: group(model.actions), functions: group(model.functions) };
}

function sameRequiredParameters(callable: Callable, segment: CallableSegment): boolean {
  if (segment.kind !== 'function') return true;
  const required = callerParameters(callable).filter((parameter) => !parameter.optional).map((parameter) => parameter.name);
  return required.join(',') === segment.parameters.join(',');
}

function baseChainNames(model: Model, qualifiedName: string): string[] {
  const type = lookupStructuredType(model, qualifiedName);
  return type ? baseChain(model, type).map((item) => item.qualifiedName) : [qualifiedName];
}
