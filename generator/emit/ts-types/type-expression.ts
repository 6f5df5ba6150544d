import type { EmitOptions } from '../emitter.ts';
import type { Model, TypeReference } from '../../model/types.ts';
import { derivesFrom, lookupStructuredType, lookupType } from '../../model/queries.ts';
import { typeNames } from '../naming.ts';
import { edmType } from './edm.ts';
import type { TypesFileNames } from './names.ts';

/** Which shape a nested structured value takes: as read, as sent on create, as sent on update. */
export type ShapeMode = 'read' | 'create' | 'update';

export interface ExpressionContext {
  model: Model;
  options: EmitOptions;
  names: TypesFileNames;
}

/**
 * The TypeScript type of a property or parameter value. Nullable applies to the items of a
 * collection, which itself is never null (OData CSDL XML 4.01, section 7.2.1).
 *
 * In updates a single complex value takes the update shape (PATCH merges complex values,
 * OData Protocol 4.01, 11.4.3), but the items of a collection take the create shape since a
 * collection is always replaced as a whole.
 */
export function typeExpression(
  context: ExpressionContext,
  reference: TypeReference & { nullable: boolean; derivedTypeConstraint?: string[] },
  mode: ShapeMode,
): string {
  const itemMode: ShapeMode = mode === 'update' && reference.collection ? 'create' : mode;
  const allowed = constrainedTypes(context, reference.type, reference.derivedTypeConstraint);
  const item = allowed ? allowed.map((name) => namedType(context, name, itemMode)).join(' | ') : namedType(context, reference.type, itemMode);
  if (reference.collection) {
    const element = reference.nullable ? `(${item} | null)` : needsParentheses(item) ? `(${item})` : item;
    return `${element}[]`;
  }
  return reference.nullable ? `${item} | null` : item;
}

/** The TypeScript name of a primitive, enum, type definition or structured type. */
export function namedType(context: ExpressionContext, qualifiedName: string, mode: ShapeMode): string {
  const primitive = edmType(qualifiedName, context.options, context.names.helpers);
  if (primitive !== undefined) return primitive;
  const type = lookupType(context.model, qualifiedName);
  // An unresolved type was reported while building the model; `unknown` keeps the output valid.
  if (!type) return 'unknown';
  const name = typeNames(context.model)[qualifiedName]!;
  if (type.kind !== 'entity' && type.kind !== 'complex') return name;
  if (mode === 'create') return context.names.create[qualifiedName]!;
  if (mode === 'update') return context.names.update[qualifiedName]!;
  return name;
}

/**
 * Validation.DerivedTypeConstraint: "Values are restricted to types that are both identical
 * to or derived from the declared type and a type listed in this collection", so subtrees of
 * the listed types; "types listed ... that are not derived from the declared type are
 * ignored". Each listed type's name already covers its subtree. Undefined when the
 * constraint leaves the declared type as it is.
 */
function constrainedTypes(context: ExpressionContext, declared: string, constraint: string[] | undefined): string[] | undefined {
  if (!constraint || constraint.length === 0 || constraint.includes(declared)) return undefined;
  const allowed = [...new Set(constraint)]
    .filter((name) => {
      const type = lookupStructuredType(context.model, name);
      return type !== undefined && derivesFrom(context.model, type, declared);
    })
    .sort();
  return allowed.length > 0 ? allowed : undefined;
}

function needsParentheses(text: string): boolean {
  return text.includes('|') || text.includes('&');
}
