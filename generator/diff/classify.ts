import type { Severity } from './change.ts';

/**
 * How a change reaches clients of the generated code depends on which way the data flows:
 * a tighter value hurts those who send it, a looser one those who read it.
 */
export interface Exposure {
  /** Clients read it: it appears in responses (directly, nested, or through navigation). */
  read: boolean;
  /** Clients send it: in a create, update or replace body, or as a parameter. */
  sent: boolean;
  /** Clients send it whole: in a create or replace body, or as a parameter value. */
  created: boolean;
}

export const EXPOSED_EVERYWHERE: Exposure = { read: true, sent: true, created: true };

type Rule = Severity | ((exposure: Exposure) => Severity);

const whenSent = (worst: Severity) => (exposure: Exposure): Severity => (exposure.sent ? worst : 'safe');
const whenRead = (worst: Severity) => (exposure: Exposure): Severity => (exposure.read ? worst : 'safe');
const whenCreated = (worst: Severity) => (exposure: Exposure): Severity => (exposure.created ? worst : 'safe');

/**
 * Every kind of change the diff reports, with its severity rule (docs/diff.md explains them).
 * One table, so that the rules can be read and reviewed in one place.
 */
export const CHANGE_KINDS = {
  // Schema types (OData CSDL XML 4.01, sections 6, 9, 10, 11).
  'type-added': 'safe',
  'type-removed': 'breaking',
  'type-kind-changed': 'breaking',
  'base-type-changed': 'breaking',
  'key-changed': 'breaking',
  'type-closed': 'breaking',
  'type-opened': 'safe',
  'type-made-abstract': whenCreated('breaking'),
  'type-made-concrete': 'safe',
  'media-stream-removed': 'breaking',
  'media-stream-added': 'safe',
  'type-definition-changed': 'breaking',

  // Enumeration types (section 10): exhaustive switches over read values stop compiling.
  'enum-member-added': whenRead('dangerous'),
  'enum-member-removed': 'breaking',
  'enum-member-value-changed': 'dangerous',
  'enum-flags-changed': 'breaking',
  'enum-underlying-type-changed': 'dangerous',

  // Structural properties (section 7).
  'property-added': 'safe',
  'required-property-added': 'breaking',
  'property-removed': 'breaking',
  'property-moved': 'safe',
  'property-type-changed': 'breaking',
  'property-kind-changed': 'breaking',
  'nullability-tightened': whenSent('breaking'),
  'nullability-loosened': whenRead('breaking'),
  'property-made-read-only': whenSent('breaking'),
  'property-made-writable': 'safe',
  'property-made-immutable': whenSent('breaking'),
  'property-made-mutable': 'safe',
  'facets-changed': whenSent('dangerous'),
  'default-value-changed': whenSent('dangerous'),

  // Navigation properties (section 8).
  'navigation-added': 'safe',
  'navigation-removed': 'breaking',
  'navigation-moved': 'safe',
  'navigation-type-changed': 'breaking',
  'containment-changed': 'breaking',

  // Actions and functions (section 12).
  'callable-added': 'safe',
  'callable-removed': 'breaking',
  'callable-kind-changed': 'breaking',
  'parameter-added': 'safe',
  'required-parameter-added': 'breaking',
  'parameter-removed': 'breaking',
  'parameter-type-changed': 'breaking',
  'parameter-made-required': 'breaking',
  'parameter-made-optional': 'safe',
  'return-type-added': 'safe',
  'return-type-removed': 'breaking',
  'return-type-changed': 'breaking',
  'composable-removed': 'breaking',
  'composable-added': 'safe',

  // The entity container (section 13).
  'entity-set-added': 'safe',
  'entity-set-removed': 'breaking',
  'singleton-added': 'safe',
  'singleton-removed': 'breaking',
  'container-type-changed': 'breaking',
  'operation-import-added': 'safe',
  'operation-import-removed': 'breaking',

  // HTTP operations derived from the model (method + path).
  'operation-added': 'safe',
  'operation-removed': 'breaking',
  'operation-status-changed': 'dangerous',

  // Descriptions only (Core.Description, Core.LongDescription, doc pages).
  'description-changed': 'docs',
} as const satisfies Record<string, Rule>;

export type ChangeKind = keyof typeof CHANGE_KINDS;

export function severityOf(kind: ChangeKind, exposure: Exposure = EXPOSED_EVERYWHERE): Severity {
  const rule: Rule = CHANGE_KINDS[kind];
  return typeof rule === 'function' ? rule(exposure) : rule;
}
