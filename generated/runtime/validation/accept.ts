import { acceptsInstanceAnnotation } from './annotations.js';
import { primitiveCheck, type PrimitiveCheck } from './primitives.js';
import type { EvolvableEnumPolicy, IssueSeverity, ValidationMode } from './types.js';

/**
 * Acceptors: specialised code per structured type, generated beside the table
 * (`acceptors.gen.ts`, the way ajv's standalone mode writes code per schema). An acceptor
 * only ever says "valid, nothing to report": it returns true when the table walk would
 * report no issue at all (no error, no warning) and would visit the same values, and false
 * for anything else, after which the engine walks the value with the table, which says what
 * is wrong. So issues are exactly those of the table walk, and valid values, which are most
 * of every payload, cost what hand-written checks cost: no closure call per member, no
 * lookup by name. Nothing from the schema is code in them: names are string literals.
 */
export type Acceptor = (value: unknown, walk: AcceptWalk, depth: number) => boolean;

/** What an acceptor reads of the walk (a part of walk.ts's Walk), and the node count it spends. */
export interface AcceptWalk {
  readonly mode: ValidationMode;
  readonly ieee754: boolean;
  readonly evolvableEnums: EvolvableEnumPolicy;
  readonly dynamicProperties: 'accept' | IssueSeverity;
  nodes: number;
  readonly maxNodes: number;
  readonly maxDepth: number;
}

/** Acceptors by qualified type name (a Map: type names are data, `__proto__` included). */
export type Acceptors = ReadonlyMap<string, Acceptor>;

/**
 * A key the type does not declare, as members.ts visits it: an instance annotation with a
 * value the table walk takes without a word (see annotations.ts), or on an open type a
 * dynamic property, when the caller accepts them silently. Property annotations and unknown
 * properties are left to the walk.
 */
export function acceptsUndeclared(key: string, value: unknown, walk: AcceptWalk, open: boolean): boolean {
  if (key.indexOf('@') < 0) return open && walk.dynamicProperties === 'accept';
  return key.charCodeAt(0) === 64 /* @ */ && acceptsInstanceAnnotation(key, value);
}

/** The full check of an Edm primitive type, for generated code (`value is fine` when it returns undefined). */
export function primitiveOf(type: string): PrimitiveCheck {
  return primitiveCheck(type) ?? (() => ({ code: 'type', expected: type, message: 'unknown primitive type' }));
}

export { quickGuid } from './quick.js';
export { quickDate, quickDateTimeOffset } from './temporal.js';
