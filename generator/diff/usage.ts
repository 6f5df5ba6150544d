import { allNavigationProperties, allProperties, baseChain, derivedTypes, lookupStructuredType } from '../model/queries.ts';
import type { Model, StructuralProperty, StructuredType } from '../model/types.ts';
import { EXPOSED_EVERYWHERE, type Exposure } from './classify.ts';

/**
 * Which types clients read, send, and send whole, derived from the model's operations and
 * callables. A set holds a type when it, or a type deriving from it, is used that way, so
 * that a base type's declared properties count for every derived type clients use.
 */
export interface Usage {
  /** No entity container to derive usage from: count every type as used every way. */
  everything: boolean;
  read: Set<string>;
  sent: Set<string>;
  created: Set<string>;
}

export function computeUsage(model: Model): Usage {
  if (!model.entityContainer) return { everything: true, read: new Set(), sent: new Set(), created: new Set() };
  const readSeeds: string[] = [];
  const createSeeds: string[] = [];
  const updateSeeds: string[] = [];
  for (const operation of model.operations) {
    if (operation.response) readSeeds.push(operation.response.type);
    if (operation.requestBody?.mode === 'create') createSeeds.push(operation.requestBody.type);
    if (operation.requestBody?.mode === 'update') updateSeeds.push(operation.requestBody.type);
  }
  // Every callable, reached by an operation or not: generated code exposes them all.
  for (const callable of [...model.actions, ...model.functions]) {
    for (const parameter of callable.parameters.slice(callable.isBound ? 1 : 0)) createSeeds.push(parameter.type);
    if (callable.returnType) readSeeds.push(callable.returnType.type);
  }
  const read = reach(model, readSeeds, (type) => [...allProperties(model, type), ...allNavigationProperties(model, type)]);
  // An update body is partial at the top, but a complex value in it is sent whole.
  const updated = reach(model, updateSeeds, () => []);
  for (const name of updated) {
    const type = lookupStructuredType(model, name);
    if (type) createSeeds.push(...allProperties(model, type).map((property) => property.type));
  }
  const created = reach(model, createSeeds, (type) => allProperties(model, type));
  const sent = new Set([...updated, ...created]);
  return { everything: false, read: withBases(model, read), sent: withBases(model, sent), created: withBases(model, created) };
}

/** Types reachable from `seeds` through derived types (a value may be of any of them) and `follow`. */
function reach(model: Model, seeds: string[], follow: (type: StructuredType) => { type: string }[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...seeds];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const type = lookupStructuredType(model, name);
    if (!type) continue;
    for (const derived of derivedTypes(model, name)) pending.push(derived.qualifiedName);
    for (const member of follow(type)) pending.push(member.type);
  }
  return seen;
}

function withBases(model: Model, names: Set<string>): Set<string> {
  const result = new Set(names);
  for (const name of names) {
    const type = lookupStructuredType(model, name);
    if (type) for (const base of baseChain(model, type)) result.add(base.qualifiedName);
  }
  return result;
}

export function typeExposure(usage: Usage, name: string): Exposure {
  if (usage.everything) return EXPOSED_EVERYWHERE;
  return { read: usage.read.has(name), sent: usage.sent.has(name), created: usage.created.has(name) };
}

/** Computed (Core.Computed) and read-only (Core.Permissions Read) properties are never sent. */
export function propertyExposure(usage: Usage, typeName: string, property: StructuralProperty): Exposure {
  const exposure = typeExposure(usage, typeName);
  const writable = !property.computed && property.permissions !== 'Read' && property.permissions !== 'None';
  return { read: exposure.read, sent: exposure.sent && writable, created: exposure.created && writable };
}

export function eitherExposure(a: Exposure, b: Exposure): Exposure {
  return { read: a.read || b.read, sent: a.sent || b.sent, created: a.created || b.created };
}
