import { allProperties, keyProperties, lookupStructuredType } from '../../generator/model/queries.ts';
import type { Model, StructuralProperty, StructuredType } from '../../generator/model/types.ts';
import type { PayloadValidator } from '../validation/validator.ts';
import { contains } from '../checks/compare.ts';
import { wrongKindFor } from './primitive.ts';
import { confirmValid, isWritable, sampleValue } from './structured.ts';

/**
 * Small payloads for updates and spoilers: a PATCH that changes one property the entity
 * already has (so that a merge can be told from a replace), and a value of the wrong JSON kind
 * for one property (which the validator confirms is wrong).
 */
export function patchBody(
  model: Model,
  validator: PayloadValidator,
  type: StructuredType,
  current: Record<string, unknown>,
  variant: number,
): Record<string, unknown> | undefined {
  const keys = new Set(keyProperties(model, type));
  const candidates = allProperties(model, type).filter((property) => !keys.has(property.name) && isWritable(property, 'update'));
  // Prefer a primitive the entity has: changing it leaves the others to show whether PATCH merged.
  const ordered = [
    ...candidates.filter((p) => p.name in current && !lookupStructuredType(model, p.type) && !p.collection),
    ...candidates.filter((p) => !(p.name in current) && !lookupStructuredType(model, p.type) && !p.collection),
    ...candidates.filter((p) => lookupStructuredType(model, p.type) || p.collection),
  ];
  for (const property of ordered) {
    for (const attempt of [variant, variant + 1, variant + 2]) {
      const value = sampleValue(model, property.type, property.collection, property, attempt);
      if (value === undefined || contains(current[property.name], value)) continue;
      const patch = confirmValid(validator, type.qualifiedName, { [property.name]: value }, 'update');
      if (patch && property.name in patch) return patch;
    }
  }
  return undefined;
}

/** A property and a value of the wrong kind for it that the validator refuses, or undefined. */
export function wrongValue(
  model: Model,
  validator: PayloadValidator,
  type: StructuredType,
  base: Record<string, unknown>,
  mode: 'create' | 'update',
): { property: StructuralProperty; body: Record<string, unknown> } | undefined {
  const keys = new Set(keyProperties(model, type));
  for (const property of allProperties(model, type)) {
    if (keys.has(property.name) || !isWritable(property, mode)) continue;
    const wrong = wrongKindFor(model, property.type, property.collection);
    if (wrong === undefined) continue;
    const body = { ...base, [property.name]: wrong };
    const path = `/${property.name}`;
    if (validator.validate(type.qualifiedName, body, mode).some((issue) => issue.severity === 'error' && issue.path.startsWith(path))) {
      return { property, body };
    }
  }
  return undefined;
}

/** Largest value of each integer type; one more is out of range (OData CSDL 4.01 §4.4). */
const INTEGER_MAX: Record<string, number> = { 'Edm.Byte': 255, 'Edm.SByte': 127, 'Edm.Int16': 32_767, 'Edm.Int32': 2_147_483_647 };

/**
 * Values of the right JSON kind that are still wrong for the property's Edm type: out of range
 * (3000000000 for Edm.Int32), a fraction for an integer (1.5), digits in a string for a number
 * ("5"; only IEEE754Compatible Int64 and Decimal may be strings). Each is confirmed wrong by the
 * validator before it is sent.
 */
export function outOfRangeValues(
  model: Model,
  validator: PayloadValidator,
  type: StructuredType,
  base: Record<string, unknown>,
  mode: 'create' | 'update',
): { what: string; body: Record<string, unknown> }[] {
  const keys = new Set(keyProperties(model, type));
  const writable = allProperties(model, type).filter((property) => !keys.has(property.name) && !property.collection && isWritable(property, mode));
  const integer = writable.find((property) => property.type in INTEGER_MAX);
  const candidates: { what: string; property: StructuralProperty; value: unknown }[] = [];
  if (integer) {
    const max = INTEGER_MAX[integer.type]!;
    const big = integer.type === 'Edm.Int32' ? 3_000_000_000 : max + 1;
    candidates.push({ what: `${big} for ${integer.name} (${integer.type}, at most ${max})`, property: integer, value: big });
    candidates.push({ what: `1.5 for ${integer.name} (${integer.type})`, property: integer, value: 1.5 });
  }
  const number = integer ?? writable.find((property) => property.type === 'Edm.Double' || property.type === 'Edm.Single');
  if (number) candidates.push({ what: `the string "5" for ${number.name} (${number.type})`, property: number, value: '5' });
  return candidates
    .map(({ what, property, value }) => ({ what, property, body: { ...base, [property.name]: value } }))
    .filter(({ body, property }) => validator.validate(type.qualifiedName, body, mode).some((issue) => issue.severity === 'error' && issue.path.startsWith(`/${property.name}`)))
    .map(({ what, body }) => ({ what, body }));
}
