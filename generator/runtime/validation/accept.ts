import { primitiveCheck, type PrimitiveCheck } from './primitives.ts';
import type { EvolvableEnumPolicy, IssueSeverity, ValidationMode } from './types.ts';

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

/** The full check of an Edm primitive type, for generated code (`value is fine` when it returns undefined). */
export function primitiveOf(type: string): PrimitiveCheck {
  return primitiveCheck(type) ?? (() => ({ code: 'type', expected: type, message: 'unknown primitive type' }));
}

export { acceptsInstanceAnnotation } from './annotations.ts';
export { quickGuid } from './quick.ts';
export { quickDate, quickDateTimeOffset } from './temporal.ts';
