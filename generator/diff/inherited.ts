import { baseChain } from '../model/queries.ts';
import type { Model, StructuredType } from '../model/types.ts';

/**
 * Where a type inherits a member from, if a base type declares it: a property that moved
 * between a type and its base is still there for the type's clients.
 */
export function inheritedMember<T extends { name: string }>(
  model: Model,
  type: StructuredType,
  members: (type: StructuredType) => T[],
  name: string,
): { owner: StructuredType; member: T } | undefined {
  for (const owner of baseChain(model, type).slice(1)) {
    const member = members(owner).find((candidate) => candidate.name === name);
    if (member) return { owner, member };
  }
  return undefined;
}
