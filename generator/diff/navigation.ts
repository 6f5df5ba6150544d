import type { NavigationProperty, StructuredType } from '../model/types.ts';
import { byKey, record, typeText, unionKeys, type DiffContext } from './context.ts';
import { compareDescriptions } from './descriptions.ts';
import { inheritedMember } from './inherited.ts';
import { eitherExposure, typeExposure } from './usage.ts';

/**
 * Declared navigation properties (CSDL XML 8), matched by name within a type. A name that
 * switched between structural and navigation is reported once, by compareProperties.
 */
export function compareNavigationProperties(context: DiffContext, oldType: StructuredType, newType: StructuredType): void {
  const before = byKey(oldType.navigationProperties, (navigation) => navigation.name);
  const after = byKey(newType.navigationProperties, (navigation) => navigation.name);
  const oldStructural = new Set(oldType.properties.map((property) => property.name));
  const newStructural = new Set(newType.properties.map((property) => property.name));
  for (const name of unionKeys(before, after)) {
    const target = `${newType.qualifiedName}/${name}`;
    const oldNavigation = before.get(name);
    const newNavigation = after.get(name);
    if (oldNavigation && newNavigation) compareNavigation(context, newType.qualifiedName, oldNavigation, newNavigation);
    else if (oldNavigation && !newStructural.has(name)) removed(context, oldNavigation, newType);
    else if (newNavigation && !oldStructural.has(name)) added(context, newNavigation, oldType, newType);
  }
}

function removed(context: DiffContext, navigation: NavigationProperty, newType: StructuredType): void {
  const target = `${newType.qualifiedName}/${navigation.name}`;
  const inherited = inheritedMember(context.new.model, newType, (base) => base.navigationProperties, navigation.name);
  if (inherited) {
    const message = `Moved to base type ${inherited.owner.qualifiedName}`;
    record(context, { kind: 'navigation-moved', target, message, old: navigation.source, new: inherited.member.source });
    compareNavigation(context, newType.qualifiedName, navigation, inherited.member);
    return;
  }
  const message = `Navigation property removed (was ${typeText(navigation)})`;
  record(context, { kind: 'navigation-removed', target, message, old: navigation.source, new: newType.source, values: { old: typeText(navigation) } });
}

function added(context: DiffContext, navigation: NavigationProperty, oldType: StructuredType, newType: StructuredType): void {
  const target = `${newType.qualifiedName}/${navigation.name}`;
  const inherited = inheritedMember(context.old.model, oldType, (base) => base.navigationProperties, navigation.name);
  if (inherited) {
    const message = `Moved here from base type ${inherited.owner.qualifiedName}`;
    record(context, { kind: 'navigation-moved', target, message, old: inherited.member.source, new: navigation.source });
    compareNavigation(context, newType.qualifiedName, inherited.member, navigation);
    return;
  }
  const message = `Navigation property added (${typeText(navigation)}${navigation.containsTarget ? ', contained' : ''})`;
  record(context, { kind: 'navigation-added', target, message, old: oldType.source, new: navigation.source, values: { new: typeText(navigation) } });
}

function compareNavigation(context: DiffContext, typeName: string, oldNavigation: NavigationProperty, newNavigation: NavigationProperty): void {
  const target = `${typeName}/${newNavigation.name}`;
  const at = { old: oldNavigation.source, new: newNavigation.source };
  compareDescriptions(context, target, oldNavigation, newNavigation, at);
  const before = typeText(oldNavigation);
  const after = typeText(newNavigation);
  if (before !== after) {
    const message = `Type changed from ${before} to ${after}`;
    record(context, { kind: 'navigation-type-changed', target, message, ...at, values: { old: before, new: after } });
    return;
  }
  if (oldNavigation.containsTarget !== newNavigation.containsTarget) {
    // Containment decides the URLs of the target (OData URL Conventions 4.3): paths move.
    const message = newNavigation.containsTarget ? 'Now contains its target (ContainsTarget)' : 'No longer contains its target';
    record(context, { kind: 'containment-changed', target, message, ...at });
  }
  if (oldNavigation.nullable !== newNavigation.nullable) {
    // Clients read navigation targets (expanded or followed); they bind rather than send them.
    const exposure = eitherExposure(typeExposure(context.old.usage, typeName), typeExposure(context.new.usage, typeName));
    record(context, newNavigation.nullable
      ? { kind: 'nullability-loosened', target, message: 'Target may now be absent (null)', ...at, exposure: { ...exposure, sent: false, created: false } }
      : { kind: 'nullability-tightened', target, message: 'Target may no longer be absent', ...at, exposure: { ...exposure, sent: false, created: false } });
  }
}
