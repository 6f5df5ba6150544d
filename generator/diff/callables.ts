import type { Callable, Parameter } from '../model/types.ts';
import { byKey, record, typeText, unionKeys, type DiffContext } from './context.ts';
import { compareDescriptions } from './descriptions.ts';

/**
 * Actions and functions (CSDL XML 12), matched by qualified name and binding parameter type:
 * the same name bound to two types is two operations for clients. Function overloads with
 * the same binding are told apart by their parameter names (CSDL XML 12.2).
 */
export function compareCallables(context: DiffContext): void {
  const before = group(context.old.model);
  const after = group(context.new.model);
  for (const key of unionKeys(before, after)) {
    const { pairs, removed, added } = match(before.get(key) ?? [], after.get(key) ?? []);
    const overloaded = Math.max(before.get(key)?.length ?? 0, after.get(key)?.length ?? 0) > 1;
    for (const [oldCallable, newCallable] of pairs) compareCallable(context, targetOf(key, newCallable, overloaded), oldCallable, newCallable);
    for (const callable of removed) {
      const message = `${callableText(callable)} removed`;
      record(context, { kind: 'callable-removed', target: targetOf(key, callable, overloaded), message, old: callable.source });
    }
    for (const callable of added) {
      const message = `${callableText(callable)} added`;
      record(context, { kind: 'callable-added', target: targetOf(key, callable, overloaded), message, new: callable.source });
    }
  }
}

function bindingText(callable: Callable): string {
  const binding = callable.isBound ? callable.parameters[0] : undefined;
  return binding ? typeText(binding) : '';
}

function group(model: DiffContext['old']['model']): Map<string, Callable[]> {
  const groups = new Map<string, Callable[]>();
  for (const callable of [...model.actions, ...model.functions]) {
    const key = `${callable.qualifiedName}(${bindingText(callable)})`;
    const list = groups.get(key);
    if (list) list.push(callable);
    else groups.set(key, [callable]);
  }
  return groups;
}

function ownParameters(callable: Callable): Parameter[] {
  return callable.parameters.slice(callable.isBound ? 1 : 0);
}

function signature(callable: Callable): string {
  return ownParameters(callable)
    .map((parameter) => parameter.name)
    .sort()
    .join(',');
}

/** `microsoft.graph.delta(Collection(microsoft.graph.user))`, plus parameter names for overloads. */
function targetOf(key: string, callable: Callable, overloaded: boolean): string {
  return overloaded ? `${key}[${signature(callable)}]` : key;
}

function callableText(callable: Callable): string {
  const kind = callable.kind === 'action' ? 'Action' : 'Function';
  return callable.isBound ? `${kind} bound to ${bindingText(callable)}` : `Unbound ${callable.kind}`;
}

/** Pairs overloads with the same parameter names; a single leftover on each side is one changed overload. */
function match(before: Callable[], after: Callable[]) {
  const pairs: [Callable, Callable][] = [];
  const added = [...after];
  const removed: Callable[] = [];
  for (const callable of before) {
    const index = added.findIndex((candidate) => signature(candidate) === signature(callable));
    if (index === -1) removed.push(callable);
    else pairs.push([callable, added.splice(index, 1)[0]!]);
  }
  if (removed.length === 1 && added.length === 1) pairs.push([removed.pop()!, added.pop()!]);
  return { pairs, removed, added };
}

function compareCallable(context: DiffContext, target: string, oldCallable: Callable, newCallable: Callable): void {
  const at = { old: oldCallable.source, new: newCallable.source };
  compareDescriptions(context, target, oldCallable, newCallable, at);
  if (oldCallable.kind !== newCallable.kind) {
    const message = `Changed from ${oldCallable.kind} to ${newCallable.kind}: invoked with another method (POST or GET)`;
    record(context, { kind: 'callable-kind-changed', target, message, ...at });
  }
  compareParameters(context, target, oldCallable, newCallable);
  compareReturnTypes(context, target, oldCallable, newCallable);
  if (oldCallable.kind === 'function' && newCallable.kind === 'function' && oldCallable.isComposable !== newCallable.isComposable) {
    record(context, newCallable.isComposable
      ? { kind: 'composable-added', target, message: 'Now composable', ...at }
      : { kind: 'composable-removed', target, message: 'No longer composable: further path segments are refused', ...at });
  }
}

/** Clients send parameters: a new required one, or a tighter one, breaks their calls. */
function compareParameters(context: DiffContext, callableTarget: string, oldCallable: Callable, newCallable: Callable): void {
  const before = byKey(ownParameters(oldCallable), (parameter) => parameter.name);
  const after = byKey(ownParameters(newCallable), (parameter) => parameter.name);
  for (const name of unionKeys(before, after)) {
    const target = `${callableTarget}/${name}`;
    const oldParameter = before.get(name);
    const newParameter = after.get(name);
    if (oldParameter && newParameter) compareParameter(context, target, oldParameter, newParameter);
    else if (oldParameter) {
      const message = `Parameter removed (was ${typeText(oldParameter)})`;
      record(context, { kind: 'parameter-removed', target, message, old: oldParameter.source, new: newCallable.source });
    } else if (newParameter) {
      const at = { old: oldCallable.source, new: newParameter.source };
      record(context, newParameter.optional
        ? { kind: 'parameter-added', target, message: `Optional parameter added (${typeText(newParameter)})`, ...at }
        : { kind: 'required-parameter-added', target, message: `Required parameter added (${typeText(newParameter)})`, ...at });
    }
  }
}

function compareParameter(context: DiffContext, target: string, oldParameter: Parameter, newParameter: Parameter): void {
  const at = { old: oldParameter.source, new: newParameter.source };
  compareDescriptions(context, target, oldParameter, newParameter, at);
  const before = typeText(oldParameter);
  const after = typeText(newParameter);
  if (before !== after) {
    record(context, { kind: 'parameter-type-changed', target, message: `Type changed from ${before} to ${after}`, ...at, values: { old: before, new: after } });
    return;
  }
  if (oldParameter.optional !== newParameter.optional) {
    record(context, newParameter.optional
      ? { kind: 'parameter-made-optional', target, message: 'Now optional (Core.OptionalParameter)', ...at }
      : { kind: 'parameter-made-required', target, message: 'Now required', ...at });
  }
  if (oldParameter.nullable !== newParameter.nullable) {
    const exposure = { read: false, sent: true, created: true };
    record(context, newParameter.nullable
      ? { kind: 'nullability-loosened', target, message: 'May now be null', ...at, exposure }
      : { kind: 'nullability-tightened', target, message: 'May no longer be null', ...at, exposure });
  }
}

/** Clients read return values: a looser or different one breaks their code. */
function compareReturnTypes(context: DiffContext, callableTarget: string, oldCallable: Callable, newCallable: Callable): void {
  const target = `${callableTarget}/$return`;
  const at = { old: oldCallable.source, new: newCallable.source };
  const before = oldCallable.returnType;
  const after = newCallable.returnType;
  if (!before && !after) return;
  if (!before || !after) {
    record(context, after
      ? { kind: 'return-type-added', target, message: `Now returns ${typeText(after)}`, ...at, values: { new: typeText(after) } }
      : { kind: 'return-type-removed', target, message: `No longer returns a value (was ${typeText(before!)})`, ...at, values: { old: typeText(before!) } });
    return;
  }
  if (typeText(before) !== typeText(after)) {
    const message = `Return type changed from ${typeText(before)} to ${typeText(after)}`;
    record(context, { kind: 'return-type-changed', target, message, ...at, values: { old: typeText(before), new: typeText(after) } });
    return;
  }
  if (before.nullable !== after.nullable) {
    const exposure = { read: true, sent: false, created: false };
    record(context, after.nullable
      ? { kind: 'nullability-loosened', target, message: 'Return value may now be null', ...at, exposure }
      : { kind: 'nullability-tightened', target, message: 'Return value may no longer be null', ...at, exposure });
  }
}
