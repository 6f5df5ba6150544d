import type { Change } from '../diff/change.ts';
import type { ChangeKind } from '../diff/classify.ts';

/**
 * The second half of a finding's sentence: what the change does to the thing used here,
 * e.g. "which may now be null". Kinds without a phrase of their own quote the diff's message.
 */
const CONSEQUENCE: Partial<Record<ChangeKind, (change: Change) => string>> = {
  'type-removed': () => 'which the new schema removes',
  'type-kind-changed': (change) => `whose kind changes (${lower(change.message)})`,
  'base-type-changed': (change) => `whose base type changes from ${change.values?.old || '(none)'} to ${change.values?.new || '(none)'}`,
  'key-changed': (change) => `whose key changes from (${change.values?.old}) to (${change.values?.new})`,
  'type-closed': () => 'which is no longer open: properties it does not declare are refused',
  'type-made-abstract': () => 'which is now abstract and can no longer be created',
  'media-stream-removed': () => 'which is no longer a media entity',
  'type-definition-changed': (change) => `whose definition changes (${lower(change.message)})`,
  'enum-member-removed': () => 'which the new schema removes from the enum',
  'enum-member-value-changed': (change) => `whose numeric value changes (${lower(change.message)})`,
  'enum-flags-changed': (change) => `whose flags setting changes (${lower(change.message)})`,
  'enum-underlying-type-changed': (change) => lower(change.message),
  'required-property-added': () => 'which is now required on create',
  'property-removed': () => 'which the new schema removes',
  'property-type-changed': (change) => `whose type changes from ${change.values?.old} to ${change.values?.new}`,
  'property-kind-changed': (change) => `which changes kind (${lower(change.message)})`,
  'nullability-tightened': () => 'which may no longer be null',
  'nullability-loosened': () => 'which may now be null',
  'property-made-read-only': () => 'which is now read-only: the service ignores or refuses it',
  'property-made-immutable': () => 'which can now be set only on create',
  'facets-changed': (change) => `whose facets change (${change.message.replace(/^Facets changed: /, '')})`,
  'default-value-changed': (change) => `whose ${lower(change.message)}`,
  'navigation-removed': () => 'which the new schema removes',
  'navigation-type-changed': (change) => `whose type changes from ${change.values?.old} to ${change.values?.new}`,
  'containment-changed': (change) => `whose URLs move (${lower(change.message)})`,
  'callable-removed': () => 'which the new schema removes',
  'callable-kind-changed': (change) => lower(change.message),
  'required-parameter-added': (change) => `which now requires the parameter \`${lastPart(change.target)}\``,
  'parameter-removed': (change) => `which loses a parameter (${lower(change.message)})`,
  'parameter-type-changed': (change) => `whose parameter ${lastPart(change.target)} changes type (${lower(change.message)})`,
  'parameter-made-required': (change) => `whose parameter ${lastPart(change.target)} is now required`,
  'return-type-removed': () => 'which no longer returns a value',
  'return-type-changed': (change) => `whose ${lower(change.message)}`,
  'composable-removed': () => 'which is no longer composable',
  'entity-set-removed': () => 'which the new schema removes',
  'singleton-removed': () => 'which the new schema removes',
  'container-type-changed': (change) => lower(change.message),
  'operation-import-removed': (change) => (change.message.includes(' replaced by ') ? `whose import changes (${lower(change.message)})` : 'which the new schema removes'),
  'operation-removed': () => 'which the new schema no longer offers',
  'operation-status-changed': (change) => `whose ${lower(change.message)}`,
};

export function consequence(change: Change): string {
  const phrase = CONSEQUENCE[change.kind];
  return phrase ? phrase(change) : `which changes (${lower(change.message)})`;
}

/** `verb what (target), consequence.` */
export function sentence(verb: string, what: string, change: Change): string {
  return `${verb} ${what}, ${consequence(change)}.`;
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function lastPart(target: string): string {
  return target.slice(target.lastIndexOf('/') + 1);
}
