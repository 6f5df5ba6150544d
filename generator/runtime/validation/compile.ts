import type { Acceptor, Acceptors } from './accept.ts';
import { checkEnum } from './enums.ts';
import { fastPrimitiveCheck, primitiveCheck } from './primitives.ts';
import type { ResolvedSchema, ResolvedStructured } from './resolve.ts';
import { checkMembers, checkUntypedMembers, membersOf, type Members } from './members.ts';
import { PROPERTY_FLAGS, type NavigationEntry, type PropertyEntry, type PropertyFacets, type ValidationMode } from './types.ts';
import { halt, overBudget, report, requestError, stop, type Walk } from './walk.ts';

/**
 * Turns table entries into checks: small closures built once per type and mode, then reused
 * for every value (the table is interpreted once, not per value). A check takes one value
 * at the walk's current path and reports what is wrong with it.
 */
export type Check = (value: unknown, walk: Walk) => void;
export type StructuredCheck = (value: unknown, walk: Walk, constraint?: readonly string[]) => void;

export interface Compiler {
  schema: ResolvedSchema;
  /** Generated acceptors that settle valid values before the table walk (see accept.ts). */
  acceptors: Acceptors | undefined;
  /** The acceptor of the items of a collection of `type`, if any (none under a derived-type constraint). */
  itemAcceptor(type: string, derived: readonly string[] | undefined): Acceptor | undefined;
  /** One non-null value of `type` (primitive, enum, type definition, structured, Edm abstract). */
  element(type: string, facets: PropertyFacets | undefined, mode: ValidationMode): Check | undefined;
  /** A structural property's value: null, collection and element checks. */
  property(entry: PropertyEntry, mode: ValidationMode): Check;
  navigation(entry: NavigationEntry, mode: ValidationMode): Check;
  structured(name: string, mode: ValidationMode): StructuredCheck;
  /** The members of one object of exactly this type (no `@odata.type` dispatch). */
  members(type: ResolvedStructured, mode: ValidationMode): Members;
}

const accept: Check = () => {};

export function createCompiler(schema: ResolvedSchema, acceptors?: Acceptors): Compiler {
  const structuredCache = new Map<string, StructuredCheck>();
  const membersCache = new Map<string, Members>();
  const compiler: Compiler = {
    schema,
    acceptors,
    itemAcceptor: (type, derived) => (derived === undefined && schema.structured(type) !== undefined ? acceptors?.get(type) : undefined),
    element: (type, facets, mode) => elementCheck(compiler, type, facets, mode),
    property: (entry, mode) => propertyCheck(compiler, entry, mode),
    navigation: (entry, mode) => navigationCheck(compiler, entry, mode),
    structured: (name, mode) => {
      const key = `${mode}|${name}`;
      let check = structuredCache.get(key);
      if (check === undefined) {
        check = structuredCheck(compiler, name, mode);
        structuredCache.set(key, check);
      }
      return check;
    },
    members: (type, mode) => {
      const key = `${mode}|${type.name}`;
      let members = membersCache.get(key);
      if (members === undefined) {
        members = membersOf(compiler, type, mode);
        membersCache.set(key, members);
      }
      return members;
    },
  };
  return compiler;
}

function elementCheck(compiler: Compiler, type: string, facets: PropertyFacets | undefined, mode: ValidationMode): Check | undefined {
  const primitive = primitiveCheck(type);
  if (primitive !== undefined) {
    const fast = fastPrimitiveCheck(type, facets);
    const full: Check = (value, walk) => {
      const problem = primitive(value, facets, walk.ieee754);
      if (problem !== undefined) report(walk, problem.code, problem.warning ? 'warning' : 'error', problem.expected, value, problem.message);
    };
    return fast === undefined ? full : (value, walk) => (fast(value) ? undefined : full(value, walk));
  }
  if (type === 'Edm.ComplexType' || type === 'Edm.EntityType') return anyStructuredCheck(compiler, type, mode);
  const entry = compiler.schema.entry(type);
  if (entry === undefined) return undefined;
  switch (entry.kind) {
    case 'enum':
      return enumCheck(compiler, type);
    case 'typeDefinition':
      // Facets of the property refine those of the definition (OData CSDL 4.01, section 11).
      return elementCheck(compiler, entry.underlying, { ...entry.facets, ...facets }, mode);
    case 'entity':
    case 'complex': {
      const structured = compiler.structured(type, mode);
      const constraint = facets?.derived;
      // Without a constraint the structured check is the element check (one call less per object).
      return constraint === undefined ? structured : (value, walk) => structured(value, walk, constraint);
    }
    default:
      return entry satisfies never;
  }
}

function enumCheck(compiler: Compiler, type: string): Check {
  const resolved = compiler.schema.enumType(type)!;
  return (value, walk) => {
    const result = checkEnum(value, resolved);
    if (result === undefined) return;
    if ('problem' in result) {
      report(walk, result.problem.code, 'error', result.problem.expected, value, result.problem.message);
    } else if (walk.evolvableEnums !== 'accept') {
      const message = `${result.evolvable.join(', ')} comes after unknownFutureValue: only for clients that send Prefer: include-unknown-enum-members`;
      report(walk, 'evolvable-enum', walk.evolvableEnums, `${type} up to unknownFutureValue`, value, message);
    }
  };
}

/**
 * Collections are arrays whose items follow Nullable (OData CSDL 4.01, section 7.2.1); the
 * collection itself is never null (OData JSON 4.01, section 7.3).
 */
function propertyCheck(compiler: Compiler, entry: PropertyEntry, mode: ValidationMode): Check {
  const [type, flags, facets] = entry;
  const element = elementCheck(compiler, type, facets, mode) ?? accept;
  const nullable = (flags & PROPERTY_FLAGS.nullable) !== 0;
  const expected = (flags & PROPERTY_FLAGS.collection) !== 0 ? `Collection(${type})` : type;
  const itemAcceptor = compiler.itemAcceptor(type, facets?.derived);
  if ((flags & PROPERTY_FLAGS.collection) === 0) {
    return (value, walk) => {
      if (value !== null) element(value, walk);
      else if (!nullable) report(walk, 'null', 'error', expected, value, 'not nullable');
    };
  }
  return (value, walk) => {
    if (!Array.isArray(value)) {
      report(walk, value === null ? 'null' : 'type', 'error', expected, value, 'a collection is a JSON array, never null');
      return;
    }
    items(value, walk, nullable, expected, element, itemAcceptor);
  };
}

/**
 * Walks an array's items under their index, within the node budget. With the acceptor of
 * the items' type, a tight loop settles the valid items first; from the first item it cannot
 * settle (which the element check then tries again, then walks), the walk goes on as usual.
 */
export function items(value: unknown[], walk: Walk, nullable: boolean, expected: string, element: Check, accept?: Acceptor): void {
  const from = accept === undefined || walk.full || walk.careful || !walk.plainObjectsEnumerateOwnKeys ? 0 : acceptedItems(value, walk, nullable, accept);
  for (let index = from; index < value.length; index++) {
    if (++walk.nodes > walk.maxNodes) return overBudget(walk);
    walk.path[walk.size++] = index;
    if (walk.full && halt(walk)) {
      walk.size--;
      return;
    }
    const item = value[index];
    if (item !== null) element(item, walk);
    else if (!nullable) report(walk, 'null', 'error', expected, item, 'items are not nullable');
    walk.size--;
    if (walk.stopped) return;
  }
}

/** How many items from the start the acceptor settles (their nodes spent); the walk takes the rest. */
function acceptedItems(value: unknown[], walk: Walk, nullable: boolean, accept: Acceptor): number {
  const depth = walk.depth;
  let index = 0;
  for (; index < value.length; index++) {
    const nodes = walk.nodes;
    const item = value[index];
    if (++walk.nodes > walk.maxNodes || (item === null ? !nullable : !accept(item, walk, depth))) {
      walk.nodes = nodes;
      return index;
    }
  }
  return index;
}

/**
 * Expanded navigation properties in responses and deep inserts in creates (OData 4.01
 * Protocol, section 11.4.2.2) hold entities of the target type; an update carries no inline
 * entities (OData 4.0 Protocol, section 11.4.3), only `@odata.bind`.
 */
function navigationCheck(compiler: Compiler, entry: NavigationEntry, mode: ValidationMode): Check {
  const [type, collection, derived] = entry;
  if (mode === 'update') {
    return (value, walk) =>
      report(walk, 'navigation', 'error', `${type}@odata.bind`, value, 'an update does not carry related entities inline; bind them with @odata.bind');
  }
  const structured = compiler.structured(type, mode);
  const element: Check = derived === undefined ? structured : (value, walk) => structured(value, walk, derived);
  if (!collection) return (value, walk) => (value === null ? undefined : element(value, walk));
  const accept = compiler.itemAcceptor(type, derived);
  return (value, walk) => {
    if (Array.isArray(value)) items(value, walk, false, `Collection(${type})`, element, accept);
    else report(walk, 'type', 'error', `Collection(${type})`, value, 'an expanded collection is a JSON array');
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An entity or complex value: `@odata.type` picks the actual type, which must be the declared
 * type or derive from it (OData JSON 4.01, section 4.5.3), within any
 * Validation.DerivedTypeConstraint; abstract types have no instances.
 */
function structuredCheck(compiler: Compiler, name: string, mode: ValidationMode): StructuredCheck {
  const declared = compiler.schema.structured(name);
  // A schema that names a type it does not define (reported when the model is built):
  // the value cannot be checked, which is said once per value, not guessed at.
  if (declared === undefined) {
    return (value, walk) => report(walk, 'unknown-type', 'warning', name, value, `the schema references ${name} but does not define it`);
  }
  const own = compiler.members(declared, mode);
  const accept = compiler.acceptors?.get(name);
  return (value, walk, constraint) => {
    // A valid value is settled by the acceptor; anything else (and what it spent) goes to the
    // table walk. Not once the issues are full (the walk halts at this value) nor in a careful walk.
    if (accept !== undefined && constraint === undefined && !walk.full && !walk.careful && walk.plainObjectsEnumerateOwnKeys) {
      const nodes = walk.nodes;
      if (accept(value, walk, walk.depth)) return;
      walk.nodes = nodes;
    }
    if (!isObject(value)) {
      report(walk, 'type', 'error', name, value, 'expected a JSON object');
      return;
    }
    if (++walk.nodes > walk.maxNodes) return overBudget(walk);
    if (walk.depth >= walk.maxDepth) {
      stop(walk, `nested deeper than ${walk.maxDepth} levels (or a cycle)`);
      return;
    }
    walk.depth++;
    // The common case (no @odata.type, no constraint, a concrete type) skips the dispatch.
    if (constraint === undefined && !declared.abstract && !walk.careful && checkUntypedMembers(own, value, walk)) {
      walk.depth--;
      return;
    }
    if (value['@odata.type'] === undefined && value['@type'] === undefined && constraint === undefined && !declared.abstract) {
      checkMembers(own, value, walk);
    } else {
      const actual = actualType(compiler, declared.name, value, walk, constraint);
      checkMembers(actual === declared.name ? own : compiler.members(compiler.schema.structured(actual)!, mode), value, walk);
    }
    walk.depth--;
  };
}

function actualType(compiler: Compiler, declared: string, value: Record<string, unknown>, walk: Walk, constraint?: readonly string[]): string {
  const key = Object.hasOwn(value, '@odata.type') ? '@odata.type' : Object.hasOwn(value, '@type') ? '@type' : undefined;
  let actual = compiler.schema.structured(declared)!;
  let failed = false;
  if (key !== undefined) {
    const annotation = value[key];
    const found = typeof annotation === 'string' ? compiler.schema.structured(compiler.schema.qualify(annotation)) : undefined;
    failed = found === undefined || !found.ancestors.has(declared);
    if (typeof annotation !== 'string') {
      report(walk, 'annotation', 'error', 'a type name', annotation, `${key} is a string such as "#${declared}"`, key);
    } else if (found === undefined) {
      report(walk, 'unknown-type', requestError(walk), `${declared} or a type derived from it`, annotation, `no type ${compiler.schema.qualify(annotation)} in the schema`, key);
    } else if (!found.ancestors.has(declared)) {
      report(walk, 'not-derived', 'error', `${declared} or a type derived from it`, annotation, `${found.name} does not derive from ${declared}`, key);
    } else {
      actual = found;
    }
  }
  // A wrong `@odata.type` was reported already; the declared type stands in for it.
  if (failed) return actual.name;
  if (constraint !== undefined && constraint.length > 0 && !constraint.some((allowed) => actual.ancestors.has(allowed))) {
    const severity = key === undefined ? requestError(walk) : 'error';
    const received = key === undefined ? actual.name : value[key];
    report(walk, 'derived-type-constraint', severity, `one of ${constraint.join(', ')}`, received, `${actual.name} is not allowed here`, key);
  }
  // A PATCH updates an entity whose type the service already knows, so it need not name a
  // concrete type (OData Protocol 4.0, 11.4.3): an abstract declared type is fine there.
  const typeIsKnown = walk.mode === 'update' && key === undefined;
  if (actual.abstract && !typeIsKnown) {
    report(walk, 'abstract', requestError(walk), `a concrete type derived from ${actual.name}`, key === undefined ? value : value[key], `${actual.name} is abstract: name a concrete type in @odata.type`, key);
  }
  return actual.name;
}

/** `Edm.ComplexType` / `Edm.EntityType`: any object, checked as its `@odata.type` when it names one. */
function anyStructuredCheck(compiler: Compiler, type: string, mode: ValidationMode): Check {
  return (value, walk) => {
    if (!isObject(value)) {
      report(walk, 'type', 'error', type, value, 'expected a JSON object');
      return;
    }
    const annotation = Object.hasOwn(value, '@odata.type') ? value['@odata.type'] : undefined;
    const actual = typeof annotation === 'string' ? compiler.schema.qualify(annotation) : undefined;
    if (actual !== undefined && compiler.schema.structured(actual) !== undefined) compiler.structured(actual, mode)(value, walk);
  };
}
