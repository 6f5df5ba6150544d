import { derivesFrom, findNavigationProperty, findProperty, lookupStructuredType } from '../queries.ts';
import type { Annotated, Annotation, Callable, EntitySet, Model, SchemaType, Singleton, StructuredType } from '../types.ts';

/**
 * Resolves the target of an `<Annotations Target="...">` block (CSDL XML 14.2.1) with
 * aliases already resolved. The forms CSDL allows:
 * - a schema, a type, a term, a container: `S.T`, `S.Container`;
 * - a member of a type or container: `S.T/property`, `S.Enum/Member`, `S.Container/People`;
 * - all overloads of a callable, or one: `S.f`, `S.f(S.T,Edm.String)` for functions (all
 *   parameter types), `S.a(S.T)` for bound actions (the binding type), `S.a()` for unbound ones;
 * - a parameter or the return type of a callable or operation import: `S.f/p`, `S.f/$ReturnType`,
 *   `S.Container/Import/p`;
 * - a path through a type, an entity set or a singleton, along properties, navigation
 *   properties and type casts: `S.Container/People/HomeAddress`, `S.T/complex/property`.
 * Paths are held beside the element they start from (`pathAnnotations`), since they apply
 * to the target only when reached that way.
 */
export type TargetResolution =
  | { kind: 'elements'; elements: Annotated[] }
  | { kind: 'path'; holder: PathHolder; path: string }
  | { kind: 'missing'; reason: string }
  | { kind: 'unsupported'; reason: string };

type PathHolder = StructuredType | EntitySet | Singleton;

export interface TargetIndex {
  model: Model;
  callables: Record<string, Callable[]>;
  /** Qualified names of terms declared in the documents, when the reader collects them. */
  terms: ReadonlySet<string>;
}

export function indexTargets(model: Model, terms: ReadonlySet<string> = new Set()): TargetIndex {
  const callables: Record<string, Callable[]> = Object.create(null);
  for (const callable of [...model.actions, ...model.functions]) (callables[callable.qualifiedName] ??= []).push(callable);
  return { model, callables, terms };
}

/** Attaches annotations to a resolved target. */
export function attach(resolution: TargetResolution, annotations: Annotation[]): void {
  if (resolution.kind === 'elements') {
    for (const element of resolution.elements) element.annotations.push(...annotations);
  } else if (resolution.kind === 'path') {
    const byPath = (resolution.holder.pathAnnotations ??= {});
    (byPath[resolution.path] ??= []).push(...annotations);
  }
}

export function resolveTarget(index: TargetIndex, target: string): TargetResolution {
  const { head, signature, rest } = splitTarget(target);
  const { model } = index;
  const type = Object.hasOwn(model.types, head) ? model.types[head]! : undefined;
  if (signature !== undefined || Object.hasOwn(index.callables, head)) {
    const callable = callableTarget(index, head, signature, rest);
    // Graph has a type and a function both named `image`: what the callable lacks may be the type's.
    if (callable.kind !== 'missing' || signature !== undefined || !type) return callable;
    return typeTarget(model, type, head, rest);
  }
  const container = model.entityContainer;
  if (container && head === container.qualifiedName) return containerTarget(index, rest);
  if (type) return typeTarget(model, type, head, rest);
  if (rest.length === 0) {
    const schema = model.schemas.find((item) => item.namespace === head);
    if (schema) return found([schema]);
    if (index.terms.has(head)) return { kind: 'unsupported', reason: 'a term' };
  } else if (index.terms.has(head)) return { kind: 'unsupported', reason: 'a term' };
  return missing(`no type, callable, container or schema is named ${head}`);
}

function typeTarget(model: Model, type: SchemaType, head: string, rest: string[]): TargetResolution {
  if (rest.length === 0) return found([type]);
  if (type.kind === 'enum') {
    const members = rest.length === 1 ? type.members.filter((member) => member.name === rest[0]) : [];
    return members.length > 0 ? found(members) : missing(`enum type ${head} has no member ${rest.join('/')}`);
  }
  if (type.kind === 'typeDefinition') return missing(`type definition ${head} has no members`);
  const declared = rest.length === 1 ? declaredMembers(type, rest[0]!) : [];
  if (declared.length > 0) return found(declared);
  return pathTarget(model, type, type, rest, head);
}

/** The type's own properties, then navigation properties, named `name` (without copying either list). */
function declaredMembers(type: StructuredType, name: string): Annotated[] {
  const members: Annotated[] = [];
  for (const item of type.properties) if (item.name === name) members.push(item);
  for (const item of type.navigationProperties) if (item.name === name) members.push(item);
  return members;
}

interface SplitTarget {
  head: string;
  /** Parameter types between the parentheses, `[]` for `()`, undefined without parentheses. */
  signature: string[] | undefined;
  rest: string[];
}

/** `S.f(S.T, Edm.String)/p` -> head `S.f`, signature [S.T, Edm.String], rest [p]; whitespace is ignored. */
export function splitTarget(target: string): SplitTarget {
  const open = target.indexOf('(');
  const slash = target.indexOf('/');
  if (open === -1 || (slash !== -1 && slash < open)) {
    const [head = '', ...rest] = target.split('/').map((segment) => segment.trim());
    return { head, signature: undefined, rest };
  }
  const close = matchingParenthesis(target, open);
  const inside = target.slice(open + 1, close);
  const signature = inside.trim() === '' ? [] : inside.split(',').map((type) => type.replace(/\s+/g, ''));
  const after = target.slice(close + 1).trim();
  const rest = after.startsWith('/') ? after.slice(1).split('/').map((segment) => segment.trim()) : [];
  return { head: target.slice(0, open).trim(), signature, rest };
}

function matchingParenthesis(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0) return index;
  }
  return text.length;
}

function found(elements: Annotated[]): TargetResolution {
  return { kind: 'elements', elements };
}

function missing(reason: string): TargetResolution {
  return { kind: 'missing', reason };
}

function callableTarget(index: TargetIndex, name: string, signature: string[] | undefined, rest: string[]): TargetResolution {
  const overloads = Object.hasOwn(index.callables, name) ? index.callables[name]! : [];
  if (overloads.length === 0) return missing(`no action or function is named ${name}`);
  const matching = signature === undefined ? overloads : overloads.filter((callable) => matchesSignature(callable, signature));
  if (matching.length === 0) return missing(`no overload of ${name} has the parameter types (${signature!.join(', ')})`);
  return callableMember(matching, name, rest);
}

/** The overloads' parameters or return types named by `rest`, or the overloads themselves. */
function callableMember(overloads: Callable[], name: string, rest: string[]): TargetResolution {
  if (rest.length === 0) return found(overloads);
  if (rest.length > 1) return missing(`${rest.join('/')} goes below a parameter of ${name}`);
  if (rest[0] === '$ReturnType') {
    const returnTypes = overloads.flatMap((callable) => (callable.returnType ? [callable.returnType] : []));
    if (returnTypes.length === 0) return missing(`${name} has no return type`);
    return found(returnTypes.map((returnType) => Object.assign(returnType, { annotations: returnType.annotations ?? [] })));
  }
  const parameters = overloads.flatMap((callable) => callable.parameters.filter((parameter) => parameter.name === rest[0]));
  return parameters.length > 0 ? found(parameters) : missing(`${name} has no parameter ${rest[0]}`);
}

/**
 * Functions are told apart by all their parameter types, bound actions by the binding
 * parameter's type and the unbound action by `()` (CSDL XML 14.2.1). Graph also lists all
 * the parameter types of actions; that names one overload just as well.
 */
function matchesSignature(callable: Callable, signature: string[]): boolean {
  const types = callable.parameters.map((parameter) => (parameter.collection ? `Collection(${parameter.type})` : parameter.type));
  if (sameList(types, signature)) return true;
  if (callable.kind !== 'action') return false;
  return callable.isBound ? signature.length === 1 && types[0] === signature[0] : signature.length === 0;
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, position) => item === b[position]);
}

function containerTarget(index: TargetIndex, rest: string[]): TargetResolution {
  const container = index.model.entityContainer!;
  if (rest.length === 0) return found([container]);
  const [childName, ...below] = rest;
  const set = container.entitySets.find((item) => item.name === childName);
  const singleton = container.singletons.find((item) => item.name === childName);
  const imported = container.operationImports.find((item) => item.name === childName);
  const child = set ?? singleton;
  if (child && below.length === 0) return found([child]);
  if (imported) {
    if (below.length === 0) return found([imported]);
    const kind = imported.kind === 'actionImport' ? 'action' : 'function';
    const overloads = (index.callables[imported.operation] ?? []).filter((callable) => callable.kind === kind && !callable.isBound);
    if (overloads.length === 0) return missing(`${imported.operation}, imported as ${imported.name}, is not defined`);
    return callableMember(overloads, `${container.qualifiedName}/${imported.name}`, below);
  }
  if (!child) return missing(`container ${container.qualifiedName} has no entity set, singleton or import ${childName}`);
  const type = lookupStructuredType(index.model, set ? set.entityType : singleton!.type);
  if (!type) return missing(`the type of ${childName} is not defined`);
  return pathTarget(index.model, child, type, below, `${container.qualifiedName}/${childName}`);
}

/** The part of the path walked before `position`, for a report. */
function walked(from: string, path: string[], position: number): string {
  return `${from}/${path.slice(0, position).join('/')}`.replace(/\/$/, '');
}

/**
 * Walks properties, navigation properties and type casts from `start`. Structural
 * properties of a primitive type end the path; a cast must name the current type or one
 * derived from it (or a base: Graph casts to the type the path already has).
 */
function pathTarget(model: Model, holder: PathHolder, start: StructuredType, path: string[], from: string): TargetResolution {
  let current: StructuredType | undefined = start;
  for (let position = 0; position < path.length; position++) {
    const segment = path[position]!;
    if (!current) return missing(`${walked(from, path, position)} has no properties`);
    if (segment.startsWith('$') || segment.includes('@')) return { kind: 'unsupported', reason: `path segment ${segment}` };
    if (segment.includes('.')) {
      const cast = lookupStructuredType(model, segment);
      if (!cast) return missing(`${segment} in the path is not a structured type`);
      if (!derivesFrom(model, cast, current.qualifiedName) && !derivesFrom(model, current, cast.qualifiedName)) {
        return missing(`${segment} is not derived from ${current.qualifiedName}`);
      }
      current = cast;
      continue;
    }
    const navigation = findNavigationProperty(model, current, segment);
    if (navigation) {
      current = lookupStructuredType(model, navigation.type);
      continue;
    }
    const property = findProperty(model, current, segment);
    if (!property) return missing(`${current.qualifiedName} has no property ${segment}`);
    current = lookupStructuredType(model, property.type);
    if (!current && position < path.length - 1) return missing(`${walked(from, path, position)}/${segment} is of the primitive type ${property.type}`);
  }
  return { kind: 'path', holder, path: path.join('/') };
}
