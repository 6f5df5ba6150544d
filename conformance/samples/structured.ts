import type { Facets, Model, StructuralProperty, StructuredType } from '../../generator/model/types.ts';
import { allProperties, derivedTypes, keyProperties, lookupStructuredType } from '../../generator/model/queries.ts';
import type { PayloadValidator, ValidationMode } from '../validation/validator.ts';
import { errorsOf } from '../validation/validator.ts';
import { isCreatable, isRequiredOnCreate, isUpdatable } from '../../generator/emit/ts-types/input-rules.ts';
import { samplePrimitive } from './primitive.ts';

/**
 * Valid payloads built from the model: entity bodies for create, PATCH and PUT requests,
 * complex values, action parameters, and the content of entities the handlers make up.
 * Every payload is confirmed with the validator, and properties it refuses are left out,
 * so a sample never fails for a reason the model does not state.
 */
const MAX_DEPTH = 4;

/**
 * Whether a client may send the property: the generator's input rules (Core.Computed,
 * Core.Permissions, Core.Immutable), and not when the docs call it read-only either.
 */
export function isWritable(property: StructuralProperty, mode: 'create' | 'update'): boolean {
  if (property.docCues?.some((cue) => /read-?only/i.test(cue))) return false;
  return mode === 'create' ? isCreatable(property) : isUpdatable(property, []);
}

/** Sent in every create body: non-nullable, or "Required." in the docs. */
function isRequired(property: StructuralProperty): boolean {
  return !property.nullable || isRequiredOnCreate(property);
}

/** A concrete type to instantiate: the type itself, or its first non-abstract derived type. */
export function concreteType(model: Model, type: StructuredType): StructuredType | undefined {
  if (!type.abstract) return type;
  return derivedTypes(model, type.qualifiedName).find((candidate) => !candidate.abstract);
}

export function sampleValue(
  model: Model,
  type: string,
  collection: boolean,
  facets: Partial<Facets>,
  variant: number,
  depth = 0,
): unknown {
  const structured = lookupStructuredType(model, type);
  const single = structured
    ? depth >= MAX_DEPTH
      ? undefined
      : sampleStructured(model, structured, { variant, optional: 1, depth: depth + 1, mode: 'create' })
    : samplePrimitive(model, type, facets, variant);
  if (!collection) return single;
  return single === undefined ? [] : [single];
}

export interface StructuredOptions {
  variant: number;
  /** Nullable properties to fill besides the non-nullable ones. */
  optional: number;
  depth?: number;
  mode?: 'create' | 'update';
  /** Property names never to send (keys, for instance). */
  skip?: readonly string[];
  /** Server-side content: read-only and computed properties too. */
  serverSide?: boolean;
}

/** An instance of a complex or entity type (no navigation content), `@odata.type` for a derived type. */
export function sampleStructured(model: Model, declared: StructuredType, options: StructuredOptions): Record<string, unknown> | undefined {
  const plan = options.skip ? planSample(model, declared, options) : cachedPlan(model, declared, options);
  if (!plan.type) return undefined;
  const value: Record<string, unknown> = {};
  if (plan.type !== declared) value['@odata.type'] = `#${plan.type.qualifiedName}`;
  let optional = options.optional;
  for (const { property, required } of plan.ordered) {
    if (!required && optional <= 0) continue;
    const item = sampleValue(model, property.type, property.collection, property, options.variant, options.depth ?? 0);
    if (item === undefined) continue;
    value[property.name] = item;
    if (!required) optional--;
  }
  return value;
}

/** The concrete type to sample and its candidate properties in the order they are filled. */
interface SamplePlan {
  type: StructuredType | undefined;
  ordered: readonly { property: StructuralProperty; required: boolean }[];
}

function planSample(model: Model, declared: StructuredType, options: StructuredOptions): SamplePlan {
  const type = concreteType(model, declared);
  if (!type) return { type, ordered: [] };
  const mode = options.mode ?? 'create';
  const skip = new Set([...(options.skip ?? []), ...(type.kind === 'entity' ? keyProperties(model, type) : [])]);
  const candidates = allProperties(model, type).filter((property) => !skip.has(property.name) && (options.serverSide ? property.type !== 'Edm.Stream' : isWritable(property, mode)));
  // Primitive properties first among the optional ones: they show a merge most plainly.
  const ordered = [
    ...candidates.filter(isRequired),
    ...candidates.filter((p) => !isRequired(p) && !lookupStructuredType(model, p.type)),
    ...candidates.filter((p) => !isRequired(p) && lookupStructuredType(model, p.type)),
  ];
  return { type, ordered: ordered.map((property) => ({ property, required: isRequired(property) })) };
}

/** The plan depends on the type, the mode and serverSide only: worked out once per model (sampling runs for every create and PATCH of a run). */
const plans = new WeakMap<Model, WeakMap<StructuredType, Map<string, SamplePlan>>>();

function cachedPlan(model: Model, declared: StructuredType, options: StructuredOptions): SamplePlan {
  let ofModel = plans.get(model);
  if (!ofModel) plans.set(model, (ofModel = new WeakMap()));
  let ofType = ofModel.get(declared);
  if (!ofType) ofModel.set(declared, (ofType = new Map()));
  const key = `${options.mode ?? 'create'}/${options.serverSide === true}`;
  let plan = ofType.get(key);
  if (!plan) ofType.set(key, (plan = planSample(model, declared, options)));
  return plan;
}

/** A key value for a key property, unique per variant. */
export function sampleKeyValue(model: Model, property: StructuralProperty, variant: number): unknown {
  if (property.type === 'Edm.String') return `odatakit-${variant}`;
  if (/^Edm\.(Int|Byte|SByte|Decimal|Double|Single)/.test(property.type)) return variant + 1;
  return samplePrimitive(model, property.type, property, variant);
}

/**
 * Removes the properties the validator refuses, so that what remains is valid in `mode`.
 * `undefined` when the payload stays invalid at its root.
 */
export function confirmValid(
  validator: PayloadValidator,
  typeName: string,
  payload: Record<string, unknown>,
  mode: ValidationMode,
): Record<string, unknown> | undefined {
  let value = payload;
  for (let attempt = 0; attempt < 4; attempt++) {
    const errors = errorsOf(validator.validate(typeName, value, mode));
    if (errors.length === 0) return value;
    const names = new Set(errors.map((issue) => topLevelName(issue.path)));
    if (names.has(undefined)) return undefined;
    value = Object.fromEntries(Object.entries(value).filter(([name]) => !names.has(name)));
  }
  return undefined;
}

function topLevelName(path: string): string | undefined {
  const match = /^\/([^/]*)/.exec(path);
  return match ? match[1]!.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}
