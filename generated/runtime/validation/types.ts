/**
 * The public shapes of the validation runtime: issues, modes, options and the validation
 * table. This folder is copied verbatim into generated output (`runtime/validation/`), so it
 * imports nothing from outside itself.
 */

/**
 * What a payload is checked as: `read` a response body, `create` a POST (or a PUT that
 * creates) body, `update` a PATCH (or a PUT that replaces) body.
 */
export type ValidationMode = 'read' | 'create' | 'update';

export type IssueSeverity = 'error' | 'warning';

/** One finding. Issues are data; validation never throws. */
export interface ValidationIssue {
  /** JSON pointer (RFC 6901, `~0`/`~1` escaped) to the offending value; `''` is the root. */
  path: string;
  code: ValidationIssueCode;
  severity: IssueSeverity;
  /** What the schema wants, in words or as an Edm type (`Edm.Guid`, `one of a, b`). */
  expected: string;
  /** A short, safe rendering of what was found (truncated, never the whole value). */
  received: string;
  message: string;
}

export type ValidationIssueCode =
  /** The value is not of the JSON kind the type needs (string, number, object, array...). */
  | 'type'
  /** A string or number that breaks the Edm type's format or range (Guid, Int32, Date...). */
  | 'format'
  /** A facet is violated: MaxLength, Precision, Scale. */
  | 'facet'
  | 'null'
  | 'enum'
  /** An enum member after `unknownFutureValue` (Graph evolvable enums), per the policy. */
  | 'evolvable-enum'
  | 'unknown-property'
  /** A property an open type does not declare, when `dynamicProperties` asks to hear of them. */
  | 'dynamic-property'
  /** `@odata.type` names no type the schema knows. */
  | 'unknown-type'
  /** `@odata.type` names a type that is not the declared one nor derived from it. */
  | 'not-derived'
  /** Validation.DerivedTypeConstraint excludes the given type. */
  | 'derived-type-constraint'
  | 'abstract'
  | 'key-in-update'
  | 'read-only'
  | 'immutable'
  /** Inline navigation content where the mode does not take it. */
  | 'navigation'
  /** A malformed instance or property annotation (`@odata.type` not a string...). */
  | 'annotation'
  /** A collection envelope without a `value` array. */
  | 'envelope'
  /** Limits reached: nesting depth, node budget, issue count, a cycle. */
  | 'limit'
  /** Reading the value threw (a getter, a proxy): not JSON. */
  | 'unreadable'
  /** The validator was called with a mode it does not know. */
  | 'argument';

/** Policy for enum members declared after `unknownFutureValue`. */
export type EvolvableEnumPolicy = 'accept' | 'warning' | 'error';

export interface ValidateOptions {
  /**
   * The value is a collection of the type: an OData collection envelope
   * `{ "value": [...] }` (OData JSON 4.01, section 12) or, for in-process callers, a bare array.
   */
  collection?: boolean;
  /**
   * The payload is shortened (docs write "truncated" examples). Missing properties never
   * count anyway; this never excuses a wrong or unknown property.
   */
  truncated?: boolean;
  /**
   * Members after `unknownFutureValue`. Default: `accept` in read mode (services send them to
   * clients that opted in with `Prefer: include-unknown-enum-members`), `warning` in create
   * and update modes (a client must know the service accepts them).
   */
  evolvableEnums?: EvolvableEnumPolicy;
  /**
   * Undeclared properties of open types are legal dynamic properties (OData CSDL 4.01,
   * section 6.3). Graph's directoryObject is open, so a misspelt property of a user is one of
   * them: `warning` or `error` reports them (code `dynamic-property`). Default `accept`.
   */
  dynamicProperties?: 'accept' | IssueSeverity;
  /** Int64 and Decimal as strings (IEEE754Compatible=true); default from the table. */
  ieee754Compatible?: boolean;
  /**
   * Stop after this many issues (one `limit` issue says so). Default 1000. Once they include
   * an error the walk ends at the next value it would visit, so `maxIssues: 1` costs no more
   * than finding the first error; with warnings only it walks on until one more issue.
   */
  maxIssues?: number;
  /** Deepest nesting walked (one `limit` issue below). Default 64. */
  maxDepth?: number;
  /** Most values visited (arrays of millions, shared references). Default 10 million. */
  maxNodes?: number;
}

/**
 * Property flags, a bit set (keeps the generated table small).
 * OData CSDL 4.01 section 7 (facets) and the Core vocabulary (Computed, Immutable, Permissions).
 */
export const PROPERTY_FLAGS = {
  collection: 1,
  nullable: 2,
  /** Core.Computed. */
  computed: 4,
  /** Core.Immutable. */
  immutable: 8,
  /** Core.Permissions Read (or None): clients do not write it. */
  readOnly: 16,
} as const;

/**
 * A structural property: `[type, flags, facets?]`. `type` is a qualified name
 * (`Edm.String`, `microsoft.graph.user`).
 */
export type PropertyEntry = [type: string, flags: number, facets?: PropertyFacets];

export interface PropertyFacets {
  maxLength?: number;
  precision?: number;
  /** A number, or `variable`/`floating` (no scale check). */
  scale?: number | string;
  /** Validation.DerivedTypeConstraint: qualified names. */
  derived?: string[];
}

/** A navigation property: `[target type, collection ? 1 : 0, derived type constraint?]`. */
export type NavigationEntry = [type: string, collection: number, derived?: string[]];

export interface StructuredTypeEntry {
  kind: 'entity' | 'complex';
  /** Qualified name of the base type. */
  base?: string;
  abstract?: boolean;
  open?: boolean;
  /** Declared key property names (an inherited key lives on the base). */
  key?: string[];
  /** Declared structural properties only; inherited ones come from `base`. */
  properties?: Record<string, PropertyEntry>;
  navigation?: Record<string, NavigationEntry>;
}

export interface EnumTypeEntry {
  kind: 'enum';
  flags?: boolean;
  /** Member name -> value, in declaration order. */
  members: Record<string, number>;
}

export interface TypeDefinitionEntry {
  kind: 'typeDefinition';
  underlying: string;
  facets?: PropertyFacets;
}

export type TypeEntry = StructuredTypeEntry | EnumTypeEntry | TypeDefinitionEntry;

/**
 * Everything the engine needs, as plain JSON data (generated into `validators.gen.ts` or
 * built in-process from a model).
 */
export interface ValidationTable {
  /** Format version of this table. */
  version: 1;
  ieee754Compatible: boolean;
  /** Schema alias -> namespace, for alias-qualified `@odata.type` values (`#graph.user`). */
  aliases: Record<string, string>;
  /** Every schema type by qualified name. */
  types: Record<string, TypeEntry>;
}
