import type { StructuralProperty, StructuredType } from '../model/types.ts';
import { byKey, record, typeText, unionKeys, type DiffContext } from './context.ts';
import { compareDescriptions } from './descriptions.ts';
import { inheritedMember } from './inherited.ts';
import { eitherExposure, propertyExposure, typeExposure } from './usage.ts';

/**
 * Declared structural properties (CSDL XML 7.1), matched by name within a type. A property
 * whose type changed is one change, never a removal plus an addition.
 */
export function compareProperties(context: DiffContext, oldType: StructuredType, newType: StructuredType): void {
  const before = byKey(oldType.properties, (property) => property.name);
  const after = byKey(newType.properties, (property) => property.name);
  const oldNavigation = byKey(oldType.navigationProperties, (navigation) => navigation.name);
  const newNavigation = byKey(newType.navigationProperties, (navigation) => navigation.name);
  for (const name of unionKeys(before, after)) {
    const target = `${newType.qualifiedName}/${name}`;
    const oldProperty = before.get(name);
    const newProperty = after.get(name);
    if (oldProperty && newProperty) compareProperty(context, newType.qualifiedName, oldProperty, newProperty);
    else if (oldProperty && newNavigation.has(name)) {
      const message = `Changed from a structural property (${typeText(oldProperty)}) to a navigation property (${typeText(newNavigation.get(name)!)})`;
      record(context, { kind: 'property-kind-changed', target, message, old: oldProperty.source, new: newNavigation.get(name)!.source });
    } else if (newProperty && oldNavigation.has(name)) {
      const message = `Changed from a navigation property (${typeText(oldNavigation.get(name)!)}) to a structural property (${typeText(newProperty)})`;
      record(context, { kind: 'property-kind-changed', target, message, old: oldNavigation.get(name)!.source, new: newProperty.source });
    } else if (oldProperty) removed(context, oldProperty, newType);
    else if (newProperty) added(context, newProperty, oldType, newType);
  }
}

function removed(context: DiffContext, property: StructuralProperty, newType: StructuredType): void {
  const target = `${newType.qualifiedName}/${property.name}`;
  const type = typeText(property);
  const inherited = inheritedMember(context.new.model, newType, (base) => base.properties, property.name);
  if (inherited) {
    const message = `Moved to base type ${inherited.owner.qualifiedName}`;
    record(context, { kind: 'property-moved', target, message, old: property.source, new: inherited.member.source });
    compareProperty(context, newType.qualifiedName, property, inherited.member);
    return;
  }
  record(context, {
    kind: 'property-removed',
    target,
    message: `Property removed (was ${type})`,
    old: property.source,
    new: newType.source,
    values: { old: type },
  });
}

/** A non-nullable, single-valued property without a default must be in every create body. */
function added(context: DiffContext, property: StructuralProperty, oldType: StructuredType, newType: StructuredType): void {
  const target = `${newType.qualifiedName}/${property.name}`;
  const inherited = inheritedMember(context.old.model, oldType, (base) => base.properties, property.name);
  if (inherited) {
    const message = `Moved here from base type ${inherited.owner.qualifiedName}`;
    record(context, { kind: 'property-moved', target, message, old: inherited.member.source, new: property.source });
    compareProperty(context, newType.qualifiedName, inherited.member, property);
    return;
  }
  const type = typeText(property);
  const at = { old: oldType.source, new: property.source, values: { new: type } };
  const required = !property.collection && !property.nullable && property.defaultValue === undefined;
  if (required && propertyExposure(context.new.usage, newType.qualifiedName, property).created) {
    const message = `Required property added (${type}, not nullable, no default) to a type clients create`;
    record(context, { kind: 'required-property-added', target, message, ...at });
    return;
  }
  record(context, { kind: 'property-added', target, message: `Property added (${type})`, ...at });
}

function compareProperty(context: DiffContext, typeName: string, oldProperty: StructuralProperty, newProperty: StructuralProperty): void {
  const target = `${typeName}/${newProperty.name}`;
  const at = { old: oldProperty.source, new: newProperty.source };
  compareDescriptions(context, target, oldProperty, newProperty, at);
  const before = typeText(oldProperty);
  const after = typeText(newProperty);
  if (before !== after) {
    const message = `Type changed from ${before} to ${after}`;
    record(context, { kind: 'property-type-changed', target, message, ...at, values: { old: before, new: after } });
    return;
  }
  const exposure = eitherExposure(
    propertyExposure(context.old.usage, typeName, oldProperty),
    propertyExposure(context.new.usage, typeName, newProperty),
  );
  if (oldProperty.nullable !== newProperty.nullable) {
    const what = newProperty.collection ? 'Items' : 'Value';
    record(context, newProperty.nullable
      ? { kind: 'nullability-loosened', target, message: `${what} may now be null`, ...at, exposure }
      : { kind: 'nullability-tightened', target, message: `${what} may no longer be null`, ...at, exposure });
  }
  compareAccess(context, typeName, oldProperty, newProperty);
  const facets = facetChanges(oldProperty, newProperty);
  if (facets.length > 0) record(context, { kind: 'facets-changed', target, message: `Facets changed: ${facets.join(', ')}`, ...at, exposure });
  if (oldProperty.defaultValue !== newProperty.defaultValue) {
    const message = `Default value changed from ${quoted(oldProperty.defaultValue)} to ${quoted(newProperty.defaultValue)}`;
    record(context, { kind: 'default-value-changed', target, message, ...at, exposure });
  }
}

function writable(property: StructuralProperty): boolean {
  return !property.computed && property.permissions !== 'Read' && property.permissions !== 'None';
}

/** Core.Computed, Core.Permissions and Core.Immutable: what clients may still send. */
function compareAccess(context: DiffContext, typeName: string, oldProperty: StructuralProperty, newProperty: StructuralProperty): void {
  const target = `${typeName}/${newProperty.name}`;
  const at = { old: oldProperty.source, new: newProperty.source };
  // Judged by the type: the property itself stops being sent, which is the change.
  const exposure = eitherExposure(typeExposure(context.old.usage, typeName), typeExposure(context.new.usage, typeName));
  if (writable(oldProperty) !== writable(newProperty)) {
    record(context, writable(newProperty)
      ? { kind: 'property-made-writable', target, message: 'Clients may now set it', ...at, exposure }
      : { kind: 'property-made-read-only', target, message: 'Now read-only (computed or read permission only)', ...at, exposure });
  }
  if (oldProperty.immutable !== newProperty.immutable) {
    record(context, newProperty.immutable
      ? { kind: 'property-made-immutable', target, message: 'Now immutable: set on create only', ...at, exposure }
      : { kind: 'property-made-mutable', target, message: 'No longer immutable', ...at, exposure });
  }
}

const FACETS = ['maxLength', 'precision', 'scale', 'srid', 'unicode'] as const;

function facetChanges(oldProperty: StructuralProperty, newProperty: StructuralProperty): string[] {
  return FACETS.filter((facet) => oldProperty[facet] !== newProperty[facet]).map(
    (facet) => `${facet} ${quoted(oldProperty[facet])} -> ${quoted(newProperty[facet])}`,
  );
}

function quoted(value: string | number | boolean | undefined): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}
