import type { EmitOptions } from '../emitter.ts';
import type { Model, TypeReference } from '../../model/types.ts';
import { lookupType } from '../../model/queries.ts';
import { typeNames } from '../naming.ts';
import { edmType } from '../ts-types/edm.ts';
import { inputTypeNames } from '../ts-types/names.ts';
import { memo } from '../../model/memo.ts';

/**
 * TypeScript text for the types request builders mention. Schema types come from
 * `types.gen.ts` through the namespace `T`, runtime types through `R`, so that no schema
 * name can shadow a builder's name or the other way round.
 */
export const TYPES_NAMESPACE = 'T';
export const RUNTIME_NAMESPACE = 'R';

export interface TypeTextContext {
  model: Model;
  options: EmitOptions;
}

type ValueMode = 'read' | 'create' | 'update';

/** valueType's answers per context (one emit) and mode: Graph asks about 60 000 times, for a few thousand names. */
const valueTypes = new WeakMap<TypeTextContext, Record<ValueMode, Map<string, string>>>();

/** A value as read (`read`) or sent (`create`, `update`): `T.User`, `T.UserCreate`, `string`. */
export function valueType(context: TypeTextContext, qualifiedName: string, mode: ValueMode): string {
  const known = memo(valueTypes, context, () => ({ read: new Map(), create: new Map(), update: new Map() }));
  return memo(known[mode], qualifiedName, () => valueTypeText(context, qualifiedName, mode));
}

function valueTypeText(context: TypeTextContext, qualifiedName: string, mode: ValueMode): string {
  const names = inputTypeNames(context.model);
  const primitive = edmType(qualifiedName, context.options, names.helpers);
  if (primitive !== undefined) return helperNames(names.helpers).has(primitive) ? `${TYPES_NAMESPACE}.${primitive}` : primitive;
  const type = lookupType(context.model, qualifiedName);
  // An unresolved type was reported while building the model; `unknown` keeps the output valid.
  if (!type) return 'unknown';
  const structured = type.kind === 'entity' || type.kind === 'complex';
  const name = structured && mode === 'create' ? names.create[qualifiedName] : structured && mode === 'update' ? names.update[qualifiedName] : typeNames(context.model)[qualifiedName];
  return `${TYPES_NAMESPACE}.${name}`;
}

/** The names `types.gen.ts` gives its helpers (`EdmFloat`...), as a set, once per model. */
const helperSets = new WeakMap<object, ReadonlySet<string>>();

function helperNames(helpers: Record<string, string>): ReadonlySet<string> {
  let set = helperSets.get(helpers);
  if (!set) {
    set = new Set(Object.values(helpers));
    helperSets.set(helpers, set);
  }
  return set;
}

/** A parameter's type: collections as arrays, nullable as `| null`, structured values in their create shape. */
export function parameterType(context: TypeTextContext, reference: TypeReference & { nullable: boolean }): string {
  const item = valueType(context, reference.type, 'create');
  if (reference.collection) return reference.nullable ? `(${item} | null)[]` : `${wrap(item)}[]`;
  return reference.nullable ? `${item} | null` : item;
}

/**
 * What a call resolves to (OData JSON Format 4.01 sections 7, 11, 12): nothing (`void`),
 * a stream (`ArrayBuffer`), a collection page, a primitive or enum in a `value` envelope,
 * or the entity or complex value itself.
 */
export function resultType(context: TypeTextContext, reference: TypeReference | undefined): string {
  if (!reference) return 'void';
  if (reference.type === 'Edm.Stream' && !reference.collection) return 'ArrayBuffer';
  const item = valueType(context, reference.type, 'read');
  if (reference.collection) return `${RUNTIME_NAMESPACE}.ODataPage<${item}>`;
  return isValueType(context.model, reference.type) ? `${RUNTIME_NAMESPACE}.ODataValue<${item}>` : item;
}

/** Primitive, enum and type-definition values travel in a `{ "value": ... }` envelope. */
export function isValueType(model: Model, qualifiedName: string): boolean {
  const type = lookupType(model, qualifiedName);
  return type ? type.kind === 'enum' || type.kind === 'typeDefinition' : qualifiedName.startsWith('Edm.') && !['Edm.ComplexType', 'Edm.EntityType', 'Edm.Untyped'].includes(qualifiedName);
}

function wrap(text: string): string {
  return /[|&{ ]/.test(text) ? `(${text})` : text;
}
