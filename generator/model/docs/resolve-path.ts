/**
 * Resolves a documented path template (`/policies/x/partners/{id}/y`) against the model's
 * entity container (OData URL Conventions 4): entity sets and singletons, navigation
 * properties, keys, type casts, bound actions and functions, and `$ref`. Used for documented
 * operations that no CSDL operation has the shape of.
 */
import { findNavigationProperty, keyProperties, lookupStructuredType, baseChain } from '../queries.ts';
import type { Callable, Model, PathSegment, StructuredType, TypeReference } from '../types.ts';

export interface ResolvedPath {
  segments: PathSegment[];
  /** What the path addresses. */
  target: TypeReference;
  callable?: Callable;
}

interface State {
  type: StructuredType;
  collection: boolean;
}

export function resolvePath(model: Model, path: string): ResolvedPath | undefined {
  const parts = path.split('/').filter((part) => part !== '');
  const first = parts.shift();
  const root = first === undefined ? undefined : resolveRoot(model, first);
  if (!root) return undefined;
  const segments: PathSegment[] = [root.segment];
  let state: State = root.state;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (/^\{[^}]*\}$/.test(part) && state.collection) {
      const key = keyProperties(model, state.type);
      if (key.length !== 1) return undefined;
      segments.push({ kind: 'key', keyProperties: key, placeholders: unique(key, segments), type: state.type.qualifiedName });
      state = { type: state.type, collection: false };
      continue;
    }
    if (part === '$ref' && i === parts.length - 1 && throughRelated(segments)) {
      // The link of a related navigation (or of its member), as Graph pages write `/members/$ref`.
      segments.push({ kind: 'ref' });
      break;
    }
    const next = step(model, state, part, segments);
    if (!next) return undefined;
    if ('end' in next) {
      // A callable ends the path: what follows a function's result is not resolved here.
      return i === parts.length - 1 ? next.end : undefined;
    }
    state = next.state;
  }
  return { segments, target: { type: state.type.qualifiedName, collection: state.collection } };
}

function resolveRoot(model: Model, part: string): { segment: PathSegment; state: State } | undefined {
  const container = model.entityContainer;
  const name = part.toLowerCase();
  const set = container?.entitySets.find((s) => s.name.toLowerCase() === name);
  const setType = set && lookupStructuredType(model, set.entityType);
  if (set && setType) return { segment: { kind: 'entitySet', name: set.name, type: setType.qualifiedName }, state: { type: setType, collection: true } };
  const singleton = container?.singletons.find((s) => s.name.toLowerCase() === name);
  const singletonType = singleton && lookupStructuredType(model, singleton.type);
  if (singleton && singletonType) {
    return { segment: { kind: 'singleton', name: singleton.name, type: singletonType.qualifiedName }, state: { type: singletonType, collection: false } };
  }
  return undefined;
}

/** A navigation property, a cast, or a bound callable; pushes its segment. */
function step(model: Model, state: State, part: string, segments: PathSegment[]): { state: State } | { end: ResolvedPath } | undefined {
  if (!state.collection) {
    const navigation = findNavigationProperty(model, state.type, part) ?? findNavigationIgnoringCase(model, state.type, part);
    const target = navigation && lookupStructuredType(model, navigation.type);
    if (navigation && target) {
      segments.push({ kind: 'navigation', name: navigation.name, type: target.qualifiedName, collection: navigation.collection, containsTarget: navigation.containsTarget });
      return { state: { type: target, collection: navigation.collection } };
    }
  }
  const cast = part.includes('.') ? lookupStructuredType(model, part) : undefined;
  if (cast && baseChain(model, cast).some((t) => t.qualifiedName === state.type.qualifiedName)) {
    segments.push({ kind: 'cast', type: cast.qualifiedName });
    return { state: { type: cast, collection: state.collection } };
  }
  const end = boundCallable(model, state, part, segments);
  return end && { end };
}

function findNavigationIgnoringCase(model: Model, type: StructuredType, name: string) {
  const lower = name.toLowerCase();
  for (const item of baseChain(model, type)) {
    const found = item.navigationProperties.find((n) => n.name.toLowerCase() === lower);
    if (found) return found;
  }
  return undefined;
}

/** Graph pages call bound actions by their simple name (`/resetToSystemDefault`). */
function boundCallable(model: Model, state: State, part: string, segments: PathSegment[]): ResolvedPath | undefined {
  const name = part.replace(/\(.*$/, '');
  const chain = new Set(baseChain(model, state.type).map((t) => t.qualifiedName));
  const callable = [...model.actions, ...model.functions].find((c) => {
    const binding = c.isBound ? c.parameters[0] : undefined;
    const named = c.qualifiedName === name || c.name === name;
    return named && binding !== undefined && binding.collection === state.collection && chain.has(binding.type);
  });
  if (!callable) return undefined;
  const parameters = callable.kind === 'function' ? callable.parameters.slice(1).filter((p) => !p.optional).map((p) => p.name) : [];
  const kind = callable.kind;
  segments.push({ kind, name: callable.qualifiedName, parameters, placeholders: unique(parameters, segments) });
  const target = callable.returnType ? { type: callable.returnType.type, collection: callable.returnType.collection } : { type: state.type.qualifiedName, collection: state.collection };
  return { segments, target, callable };
}

/** The path ends at a non-contained navigation, or at a member of one: it has a `$ref`. */
function throughRelated(segments: PathSegment[]): boolean {
  const last = segments.at(-1)?.kind === 'key' ? segments.at(-2) : segments.at(-1);
  return last?.kind === 'navigation' && !last.containsTarget;
}

/** Placeholders named after key properties, renamed when the name is taken earlier in the path. */
function unique(names: string[], segments: PathSegment[]): string[] {
  const used = new Set(segments.flatMap((s) => (s.kind === 'key' || s.kind === 'function' ? s.placeholders : [])));
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate); n++) candidate = `${name}${n}`;
    used.add(candidate);
    return candidate;
  });
}
