import type { ts as TS } from 'ts-morph';
import type { Change } from '../diff/change.ts';
import { shapeOf } from '../diff/operations.ts';
import { baseChain, derivedTypes, lookupStructuredType } from '../model/queries.ts';
import type { Callable, Model, Operation } from '../model/types.ts';
import { ancestry, declaredIn, excerpt, report, type ImpactContext } from './context.ts';
import { MEMBER_KINDS, hurts } from './properties.ts';
import { sentence } from './why.ts';

/**
 * Requests through the generated client: `client.users.byId(id).memberOf.get()`. The path
 * is rebuilt from the expression (through `const` variables) back to the `Client`, then
 * walked in the old model: each step can be hit by a change (an entity set removed, a
 * navigation no longer contained, a key changed), and the verb or the action or function
 * called by the change of its operation or callable. `$select` and `$expand` name
 * properties of the position's type.
 */
const VERBS: Record<string, Operation['method']> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE' };

/** `via`: for a step before the code's own, what the code holds that the path reaches. */
type Step = ({ kind: 'name'; name: string } | { kind: 'key' } | { kind: 'cast'; type: string } | { kind: 'ref' }) & { node: TS.Node; via?: string };

export function visitRequests(context: ImpactContext, node: TS.Node): void {
  const { ts } = context;
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
  const callee = node.expression;
  const symbol = context.checker.getSymbolAtLocation(callee.name);
  const declaration = symbol?.declarations?.[0];
  if (!declaration) return;
  const verb = declaredIn(declaration, context.generated.verbsFile) ? VERBS[callee.name.text] : undefined;
  const callable = !verb && declaredIn(declaration, context.generated.clientFile) && ts.isMethodSignature(declaration) && !['byId', '$cast'].includes(callee.name.text);
  if (!verb && !callable) return;
  const call = `\`${excerpt(node)}\``;
  for (const steps of chainsOf(context, callee.expression)) {
    const position = walkSteps(context, steps);
    if (!position) continue;
    for (const step of position.steps) stepFindings(context, step, call);
    if (verb) {
      verbFindings(context, position, verb, callee.name, call);
      queryOptions(context, position, node);
    } else callableFindings(context, position, memberName(callee.name.text), callee.name, call);
  }
}

/**
 * The paths an expression can stand for: one, rebuilt back to the `Client`; or, when it starts
 * at a value of a builder interface the code received (a parameter, a field), every path by
 * which the client reaches that interface (interfaces are shared between equivalent positions).
 */
function chainsOf(context: ImpactContext, expression: TS.Expression): Step[][] {
  const from: { node?: TS.Expression } = {};
  const steps = chainOf(context, expression, 0, from);
  if (steps) return [steps];
  const start = from.node;
  const name = start && builderInterface(context, context.checker.getTypeAtLocation(start));
  if (!start || !name) return [];
  const rest = stepsAfter(context, expression, start);
  const via = `\`${excerpt(start)}\` (of type ${name})`;
  return rest ? pathsTo(context, name).map((prefix) => [...prefix.map((step) => ({ ...step, node: start, via })), ...rest]) : [];
}

/** The steps from `start` (a sub-expression of `expression`) to `expression`. */
function stepsAfter(context: ImpactContext, expression: TS.Expression, start: TS.Expression): Step[] | undefined {
  return chainOf(context, expression, 0, {}, start);
}

/** The name of a generated builder interface (not `Client`) a type is, if it is one. */
function builderInterface(context: ImpactContext, type: TS.Type): string | undefined {
  const symbol = type.getSymbol();
  const declaration = symbol?.declarations?.[0];
  if (!symbol || !declaration || !declaredIn(declaration, context.generated.clientFile) || !context.ts.isInterfaceDeclaration(declaration)) return undefined;
  return symbol.getName() === 'Client' ? undefined : symbol.getName();
}

/** At most this many paths to one interface: shared ones are reached from many places. */
const MAX_PATHS = 32;

type Edge = { from: string; step: Step };
const reverseIndexes = new WeakMap<object, Map<string, Edge[]>>();

/** Paths from the `Client` to an interface, shortest first, through the members of client.gen.ts. */
function pathsTo(context: ImpactContext, name: string): Step[][] {
  const edges = reverseEdges(context);
  const found: Step[][] = [];
  let frontier: { name: string; steps: Step[]; seen: Set<string> }[] = [{ name, steps: [], seen: new Set([name]) }];
  while (frontier.length > 0 && found.length < MAX_PATHS) {
    const next: typeof frontier = [];
    for (const item of frontier) {
      for (const edge of edges.get(item.name) ?? []) {
        const steps = [edge.step, ...item.steps];
        if (edge.from === 'Client') found.push(steps);
        else if (!item.seen.has(edge.from)) next.push({ name: edge.from, steps, seen: new Set([...item.seen, edge.from]) });
      }
    }
    frontier = next.slice(0, MAX_PATHS * 4);
  }
  return found.slice(0, MAX_PATHS);
}

/** For each builder interface, the interfaces whose members lead to it, and by which step. */
function reverseEdges(context: ImpactContext): Map<string, Edge[]> {
  let index = reverseIndexes.get(context.checker);
  if (index) return index;
  index = new Map();
  const { ts } = context;
  for (const statement of context.programFile(context.generated.clientFile)?.statements ?? []) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    for (const member of statement.members) {
      const target = (ts.isPropertySignature(member) || ts.isMethodSignature(member)) && member.type && ts.isTypeReferenceNode(member.type) && ts.isIdentifier(member.type.typeName) ? member.type.typeName.text : undefined;
      const key = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
      if (!target || key === undefined) continue;
      let step: Step | undefined;
      if (ts.isPropertySignature(member)) step = { kind: 'name', name: memberName(key), node: member };
      else if (key === 'byId') step = { kind: 'key', node: member };
      else if (key === '$cast' && ts.isMethodSignature(member)) {
        const literal = member.parameters[0]?.type;
        if (literal && ts.isLiteralTypeNode(literal) && ts.isStringLiteral(literal.literal)) step = { kind: 'cast', type: literal.literal.text, node: member };
      }
      if (!step) continue;
      const list = index.get(target);
      if (list) list.push({ from: statement.name.text, step });
      else index.set(target, [{ from: statement.name.text, step }]);
    }
  }
  reverseIndexes.set(context.checker, index);
  return index;
}

/**
 * The steps from the `Client` (or from `stop`) to an expression, or undefined when it does not
 * start at one; `from.node` is then where the rebuilding stopped.
 */
function chainOf(context: ImpactContext, expression: TS.Expression, depth: number, from: { node?: TS.Expression }, stop?: TS.Expression): Step[] | undefined {
  const { ts, checker } = context;
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isAsExpression(current)) current = current.expression;
  if (stop && current === stop) return [];
  if (!stop && isClient(context, checker.getTypeAtLocation(current))) return [];
  // The innermost expression of the chain, where it was not rebuilt further.
  from.node = current;
  if (ts.isPropertyAccessExpression(current)) {
    const symbol = checker.getSymbolAtLocation(current.name);
    if (!symbol?.declarations?.some((declaration) => declaredIn(declaration, context.generated.clientFile))) return undefined;
    const before = chainOf(context, current.expression, depth, from, stop);
    // `$ref` is the runtime's (OData URL Conventions 4.01 section 4.4), never a schema name.
    const step: Step = current.name.text === '$ref' ? { kind: 'ref', node: current.name } : { kind: 'name', name: memberName(current.name.text), node: current.name };
    return before && [...before, step];
  }
  if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
    const name = current.expression.name.text;
    const symbol = checker.getSymbolAtLocation(current.expression.name);
    if (!symbol?.declarations?.some((declaration) => declaredIn(declaration, context.generated.clientFile))) return undefined;
    const before = chainOf(context, current.expression.expression, depth, from, stop);
    if (!before) return undefined;
    if (name === 'byId') return [...before, { kind: 'key', node: current.expression.name }];
    const argument = current.arguments[0];
    if (name === '$cast' && argument && ts.isStringLiteralLike(argument)) return [...before, { kind: 'cast', type: argument.text, node: argument }];
    return undefined;
  }
  if (ts.isIdentifier(current) && depth < 8) {
    const symbol = checker.getSymbolAtLocation(current);
    const declaration = symbol?.valueDeclaration;
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0) {
      return chainOf(context, declaration.initializer, depth + 1, from, stop);
    }
  }
  return undefined;
}

function isClient(context: ImpactContext, type: TS.Type): boolean {
  const symbol = type.getSymbol();
  return symbol?.getName() === 'Client' && (symbol.declarations ?? []).some((declaration) => declaredIn(declaration, context.generated.clientFile));
}

/** `$get` -> `get`: the client escapes schema names that the runtime claims (members.ts). */
function memberName(key: string): string {
  return key.startsWith('$') ? key.slice(1) : key;
}

interface WalkedStep {
  step: Step;
  /** The change target this step depends on: `Container/users`, `ns.user/memberOf`. */
  target?: string;
  /** The entity type addressed by a key step. */
  keyed?: string;
  label: string;
}

interface Position {
  type?: string;
  collection: boolean;
  /** `n:users/k/n:memberOf`: how the old model's operations are matched. */
  key: string;
  steps: WalkedStep[];
}

function walkSteps(context: ImpactContext, steps: Step[]): Position | undefined {
  const model = context.oldModel;
  const container = model.entityContainer;
  let type: string | undefined;
  let collection = false;
  const keys: string[] = [];
  const walked: WalkedStep[] = [];
  for (const step of steps) {
    if (step.kind === 'name') {
      if (type === undefined) {
        const set = container?.entitySets.find((item) => item.name === step.name);
        const singleton = container?.singletons.find((item) => item.name === step.name);
        if (!set && !singleton) return undefined;
        type = set ? set.entityType : singleton!.type;
        collection = set !== undefined;
        walked.push({ step, target: `${container!.qualifiedName}/${step.name}`, label: step.name });
      } else {
        const owner = navigationOwner(model, type, step.name);
        if (!owner) return undefined;
        type = owner.navigation.type;
        collection = owner.navigation.collection;
        walked.push({ step, target: `${owner.type}/${step.name}`, label: step.name });
      }
      keys.push(`n:${step.name}`);
    } else if (step.kind === 'key') {
      walked.push({ step, keyed: type, label: 'byId' });
      collection = false;
      keys.push('k');
    } else if (step.kind === 'ref') {
      keys.push('$ref');
    } else {
      type = step.type;
      walked.push({ step, label: `$cast('${step.type}')` });
      keys.push(`c:${step.type}`);
    }
  }
  return { ...(type !== undefined ? { type } : {}), collection, key: keys.join('/'), steps: walked };
}

function navigationOwner(model: Model, typeName: string, name: string) {
  const type = lookupStructuredType(model, typeName);
  if (!type) return undefined;
  for (const owner of baseChain(model, type)) {
    const navigation = owner.navigationProperties.find((item) => item.name === name);
    if (navigation) return { type: owner.qualifiedName, navigation };
  }
  return undefined;
}

const STEP_KINDS = new Set(['entity-set-removed', 'singleton-removed', 'container-type-changed', 'navigation-removed', 'navigation-type-changed', 'containment-changed']);

function stepFindings(context: ImpactContext, walked: WalkedStep, call: string): void {
  if (walked.target) {
    for (const change of context.changes.at(walked.target)) {
      if (!STEP_KINDS.has(change.kind)) continue;
      const why = walked.step.via
        ? sentence(`${walked.step.via} in ${call} can come through`, `\`${walked.label}\` (${walked.target})`, change)
        : sentence(`Follows \`${walked.label}\` (${walked.target}) in`, call, change);
      report(context, walked.step.node, 'request', change, why);
    }
  }
  if (walked.keyed) {
    for (const typeName of ancestry(context.oldModel, walked.keyed)) {
      for (const change of context.changes.at(typeName)) {
        if (change.kind !== 'key-changed') continue;
        report(context, walked.step.node, 'request', change, sentence(`Addresses ${walked.keyed} by key in`, `${call} (${typeName})`, change));
      }
    }
  }
}

function verbFindings(context: ImpactContext, position: Position, method: Operation['method'], at: TS.Node, call: string): void {
  for (const operation of operationsAt(context, position.key)) {
    if (operation.method !== method || operation.segments.at(-1)?.kind === 'action' || operation.segments.at(-1)?.kind === 'function') continue;
    for (const change of context.changes.atOperation(shapeOf(operation))) {
      report(context, at, 'request', change, sentence('Calls', `${call} (${operation.id})`, change));
    }
  }
}

/** An action or function called from a position: its changes and its parameters' and return value's. */
function callableFindings(context: ImpactContext, position: Position, name: string, at: TS.Node, call: string): void {
  const model = context.oldModel;
  const seen = new Set<Change>();
  for (const operation of operationsAt(context, position.key)) {
    const last = operation.segments.at(-1);
    if (!last || (last.kind !== 'action' && last.kind !== 'function') || !operation.callable) continue;
    const plain = operation.segments.length === 1 ? last.name : last.name.slice(last.name.lastIndexOf('.') + 1);
    if (plain !== name) continue;
    const pool: Callable[] = last.kind === 'action' ? model.actions : model.functions;
    const chain = position.type === undefined ? [] : ancestry(model, position.type);
    for (const callable of pool) {
      if (callable.qualifiedName !== operation.callable) continue;
      const binding = callable.isBound ? callable.parameters[0] : undefined;
      if (binding && (!chain.includes(binding.type) || binding.collection !== position.collection)) continue;
      if (!binding && operation.segments.length > 1) continue;
      const key = `${callable.qualifiedName}(${binding ? (binding.collection ? `Collection(${binding.type})` : binding.type) : ''})`;
      for (const change of context.changes.atCallable(key)) {
        if (seen.has(change)) continue;
        seen.add(change);
        report(context, at, 'request', change, sentence('Calls', `${call} (${key})`, change));
      }
    }
    for (const change of context.changes.atOperation(shapeOf(operation))) {
      if (seen.has(change)) continue;
      seen.add(change);
      report(context, at, 'request', change, sentence('Calls', `${call} (${operation.id})`, change));
    }
    // An operation import is an entry of the container too.
    const container = model.entityContainer?.qualifiedName;
    if (operation.segments.length === 1 && container !== undefined) {
      for (const change of context.changes.at(`${container}/${last.name}`)) {
        if (change.kind !== 'operation-import-removed' || seen.has(change)) continue;
        seen.add(change);
        report(context, at, 'request', change, sentence('Calls', `${call} (${container}/${last.name})`, change));
      }
    }
  }
}

/** `$select: ['a', 'b']`, `$expand: ['nav($select=x)']` or `'a,b'` in the options of a GET. */
function queryOptions(context: ImpactContext, position: Position, call: TS.CallExpression): void {
  const { ts } = context;
  const options = call.arguments[0];
  if (!options || !ts.isObjectLiteralExpression(options) || position.type === undefined) return;
  for (const property of options.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const option = ts.isIdentifier(property.name) || ts.isStringLiteralLike(property.name) ? property.name.text : '';
    if (option !== '$select' && option !== '$expand') continue;
    for (const [name, node] of namesIn(ts, property.initializer)) {
      const owner = memberOwner(context.oldModel, position.type, name);
      if (!owner) continue;
      const target = `${owner}/${name}`;
      for (const change of context.changes.at(target)) {
        if (!MEMBER_KINDS.has(change.kind) || !hurts(change, { sent: false, mode: 'read' })) continue;
        report(context, node, 'query', change, sentence(option === '$select' ? 'Selects' : 'Expands', `\`${name}\` (${target})`, change));
      }
    }
  }
}

function namesIn(ts: typeof TS, initializer: TS.Expression): [string, TS.Node][] {
  const texts: TS.StringLiteralLike[] = ts.isArrayLiteralExpression(initializer)
    ? initializer.elements.filter((element): element is TS.StringLiteralLike => ts.isStringLiteralLike(element))
    : ts.isStringLiteralLike(initializer)
      ? [initializer]
      : [];
  // `'a,b'` and `'nav($select=x)'`: the names before any nested options.
  return texts.flatMap((text) => text.text.split(',').map((part) => [part.trim().replace(/\(.*$/, ''), text] as [string, TS.Node]));
}

/** The type that declares a property or navigation property of a position: its type, a base type, or a derived type. */
function memberOwner(model: Model, typeName: string, name: string): string | undefined {
  const type = lookupStructuredType(model, typeName);
  if (!type) return undefined;
  const candidates = [...baseChain(model, type), ...derivedTypes(model, typeName)];
  const owner = candidates.find((candidate) => [...candidate.properties, ...candidate.navigationProperties].some((member) => member.name === name));
  return owner?.qualifiedName;
}

const operationIndexes = new WeakMap<Model, Map<string, Operation[]>>();

/** Old-model operations by their steps (`n:users/k/n:memberOf`), callables under their position. */
function operationsAt(context: ImpactContext, key: string): Operation[] {
  let index = operationIndexes.get(context.oldModel);
  if (!index) {
    index = new Map();
    for (const operation of context.oldModel.operations) {
      const steps = operation.segments.filter((segment) => segment.kind !== 'action' && segment.kind !== 'function');
      const stepKey = steps
        .map((segment) => (segment.kind === 'key' ? 'k' : segment.kind === 'cast' ? `c:${segment.type}` : segment.kind === 'ref' ? '$ref' : `n:${segment.name}`))
        .join('/');
      index.set(stepKey, [...(index.get(stepKey) ?? []), operation]);
    }
    operationIndexes.set(context.oldModel, index);
  }
  return index.get(key) ?? [];
}
