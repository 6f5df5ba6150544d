import { keyProperties } from '../model/queries.ts';
import type { EntityType, SchemaType, StructuredType, TypeDefinition } from '../model/types.ts';
import { record, unionKeys, type DiffContext } from './context.ts';
import { compareDescriptions } from './descriptions.ts';
import { compareEnumTypes } from './enums.ts';
import { compareNavigationProperties } from './navigation.ts';
import { compareProperties } from './properties.ts';
import { typeExposure, eitherExposure } from './usage.ts';

/**
 * Schema types matched by qualified name (never by simple name: Graph has `user` in two
 * namespaces). A removed or added type is one change; its members are not listed again.
 */
export function compareTypes(context: DiffContext): void {
  const before = new Map(Object.entries(context.old.model.types));
  const after = new Map(Object.entries(context.new.model.types));
  for (const name of unionKeys(before, after)) {
    const oldType = before.get(name);
    const newType = after.get(name);
    if (oldType && newType) compareType(context, oldType, newType);
    else if (oldType) {
      record(context, { kind: 'type-removed', target: name, message: `${KIND_TEXT[oldType.kind]} removed`, old: oldType.source });
    } else if (newType) {
      record(context, { kind: 'type-added', target: name, message: `${KIND_TEXT[newType.kind]} added`, new: newType.source });
    }
  }
}

const KIND_TEXT: Record<SchemaType['kind'], string> = {
  entity: 'Entity type',
  complex: 'Complex type',
  enum: 'Enum type',
  typeDefinition: 'Type definition',
};

function compareType(context: DiffContext, oldType: SchemaType, newType: SchemaType): void {
  const target = newType.qualifiedName;
  const at = { old: oldType.source, new: newType.source };
  if (oldType.kind !== newType.kind) {
    const message = `Changed from ${KIND_TEXT[oldType.kind].toLowerCase()} to ${KIND_TEXT[newType.kind].toLowerCase()}`;
    record(context, { kind: 'type-kind-changed', target, message, ...at });
  }
  compareDescriptions(context, target, oldType, newType, at);
  if (isStructured(oldType) && isStructured(newType)) compareStructured(context, oldType, newType);
  else if (oldType.kind === 'enum' && newType.kind === 'enum') compareEnumTypes(context, oldType, newType);
  else if (oldType.kind === 'typeDefinition' && newType.kind === 'typeDefinition') compareTypeDefinitions(context, oldType, newType);
}

function isStructured(type: SchemaType): type is StructuredType {
  return type.kind === 'entity' || type.kind === 'complex';
}

/** Entity types (CSDL XML 6) and complex types (9): the type's own facts, then its members. */
function compareStructured(context: DiffContext, oldType: StructuredType, newType: StructuredType): void {
  const target = newType.qualifiedName;
  const at = { old: oldType.source, new: newType.source };
  if (oldType.baseType !== newType.baseType) {
    const message = `Base type changed from ${oldType.baseType ?? '(none)'} to ${newType.baseType ?? '(none)'}`;
    record(context, { kind: 'base-type-changed', target, message, ...at, values: { old: oldType.baseType ?? '', new: newType.baseType ?? '' } });
  }
  if (oldType.openType !== newType.openType) {
    const closed = oldType.openType;
    record(context, {
      kind: closed ? 'type-closed' : 'type-opened',
      target,
      message: closed ? 'No longer an open type: dynamic properties are refused' : 'Now an open type: dynamic properties are allowed',
      ...at,
    });
  }
  if (oldType.abstract !== newType.abstract) {
    const exposure = eitherExposure(typeExposure(context.old.usage, target), typeExposure(context.new.usage, target));
    record(context, {
      kind: newType.abstract ? 'type-made-abstract' : 'type-made-concrete',
      target,
      message: newType.abstract ? 'Now abstract: instances can no longer be created' : 'No longer abstract',
      ...at,
      exposure,
    });
  }
  if (oldType.kind === 'entity' && newType.kind === 'entity') compareEntityFacts(context, oldType, newType);
  compareProperties(context, oldType, newType);
  compareNavigationProperties(context, oldType, newType);
}

function compareEntityFacts(context: DiffContext, oldType: EntityType, newType: EntityType): void {
  const target = newType.qualifiedName;
  const at = { old: oldType.source, new: newType.source };
  // The effective key counts (a key moved to the base type is no change); it is reported
  // where it is declared or where the base type changed, not on every derived type.
  // Key order carries no meaning in URLs (keys are named when there are several).
  const oldKey = [...keyProperties(context.old.model, oldType)].sort().join(', ');
  const newKey = [...keyProperties(context.new.model, newType)].sort().join(', ');
  const declaredHere = oldType.key.length > 0 || newType.key.length > 0 || oldType.baseType !== newType.baseType;
  if (oldKey !== newKey && declaredHere) {
    const message = `Key changed from (${oldKey || 'none'}) to (${newKey || 'none'})`;
    record(context, { kind: 'key-changed', target, message, ...at, values: { old: oldKey, new: newKey } });
  }
  if (oldType.hasStream !== newType.hasStream) {
    record(context, {
      kind: newType.hasStream ? 'media-stream-added' : 'media-stream-removed',
      target,
      message: newType.hasStream ? 'Now a media entity (HasStream)' : 'No longer a media entity: its stream is gone',
      ...at,
    });
  }
}

/** Type definitions (CSDL XML 11): a new underlying type or facet changes every use. */
function compareTypeDefinitions(context: DiffContext, oldType: TypeDefinition, newType: TypeDefinition): void {
  const before = definitionText(oldType);
  const after = definitionText(newType);
  if (before === after) return;
  record(context, {
    kind: 'type-definition-changed',
    target: newType.qualifiedName,
    message: `Changed from ${before} to ${after}`,
    old: oldType.source,
    new: newType.source,
    values: { old: before, new: after },
  });
}

function definitionText(type: TypeDefinition): string {
  const facets = (['maxLength', 'precision', 'scale', 'srid', 'unicode'] as const)
    .filter((facet) => type[facet] !== undefined)
    .map((facet) => `${facet}=${String(type[facet])}`);
  return facets.length > 0 ? `${type.underlyingType} (${facets.join(', ')})` : type.underlyingType;
}
