import type { StructuralProperty } from '../../model/types.ts';

/**
 * Which properties a client may send, shared by the input types (`<Name>Create`,
 * `<Name>Update`) and anything else that must agree with them.
 *
 * - Core.Computed: "A value for this property is generated on both insert and update";
 *   clients never send it.
 * - Core.Permissions Read or None: the property is not writable.
 * - Core.Immutable: "A value for this property can be set on insert, but not on update".
 * - Key properties cannot change (OData Protocol 4.01, 11.4.3: "key properties ... MUST NOT
 *   be changed"), so they are left out of updates.
 * - Edm.Stream properties are written through their own `/$value` URL, not in the body.
 */
export function isCreatable(property: StructuralProperty): boolean {
  return !property.computed && !isReadOnly(property) && property.type !== 'Edm.Stream';
}

export function isUpdatable(property: StructuralProperty, keyNames: readonly string[]): boolean {
  return isCreatable(property) && !property.immutable && !keyNames.includes(property.name);
}

/** Core.Permissions says clients cannot write the property. */
export function isReadOnly(property: StructuralProperty): boolean {
  return property.permissions === 'Read' || property.permissions === 'None';
}

/**
 * Required in a create body only when the docs say so ("Required." in the property table);
 * CSDL has no such notion, and non-nullable properties are often filled in by the service.
 */
export function isRequiredOnCreate(property: StructuralProperty): boolean {
  return property.docCues?.includes('Required') === true && isCreatable(property);
}
