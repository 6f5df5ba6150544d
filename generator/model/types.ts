/**
 * The odatakit model: plain, JSON-serialisable data (no classes, no Maps) that every
 * emitter, the conformance kit, the docs validator and the diff read.
 *
 * Built from OData CSDL (OData CSDL XML 4.01, sections 6-14) and from Microsoft Graph
 * reference pages. Every element records where it came from.
 */

/** A place in an input file. Lines and columns are 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** A qualified name with aliases resolved, e.g. `microsoft.graph.user` or `Edm.String`. */
export type QualifiedName = string;

/** Which front end contributed an element. */
export type Origin = 'csdl' | 'docs';

/**
 * An annotation value in the shape of CSDL JSON (OData CSDL JSON 4.01, section 14.4):
 * constants as JSON values, `{ "$EnumMember": ... }`, `{ "$Path": ... }`, records as objects
 * (with an optional `"@type"`), collections as arrays.
 */
export type AnnotationValue =
  | string
  | number
  | boolean
  | null
  | AnnotationValue[]
  | { [key: string]: AnnotationValue };

/** One annotation, kept as written (term with its alias resolved). */
export interface Annotation {
  term: QualifiedName;
  qualifier?: string;
  value: AnnotationValue;
  source: SourcePosition;
}

/** Capabilities vocabulary restrictions we interpret. Absent means "not stated". */
export interface Capabilities {
  readable?: boolean;
  insertable?: boolean;
  updatable?: boolean;
  deletable?: boolean;
  /** Capabilities.UpdateRestrictions/UpdateMethod. */
  updateMethod?: 'PATCH' | 'PUT';
  /** Capabilities.NavigationRestrictions/Navigability: Recursive, Single or None. */
  navigability?: 'Recursive' | 'Single' | 'None';
  /** NavigationRestrictions/RestrictedProperties, by navigation property path. */
  restrictedNavigation?: Record<string, Capabilities>;
}

/** What every annotatable element carries. */
export interface Annotated {
  annotations: Annotation[];
  /** Core.Description (or the docs' description). */
  description?: string;
  /** Core.LongDescription. */
  longDescription?: string;
}

export interface TypeReference {
  /** Qualified name of the element type (`Edm.String`, `microsoft.graph.user`). */
  type: QualifiedName;
  collection: boolean;
}

export interface Facets {
  nullable: boolean;
  maxLength?: number | 'max';
  precision?: number;
  scale?: number | 'variable' | 'floating';
  srid?: string;
  unicode?: boolean;
  defaultValue?: string;
}

export interface StructuralProperty extends Annotated, TypeReference, Facets {
  kind: 'property';
  name: string;
  /** Core.Computed: set by the service, never by clients. */
  computed: boolean;
  /** Core.Immutable: settable on create, not on update. */
  immutable: boolean;
  /** Core.Permissions: Read, Write, ReadWrite or None. */
  permissions?: 'None' | 'Read' | 'Write' | 'ReadWrite';
  /** Validation.DerivedTypeConstraint. */
  derivedTypeConstraint?: QualifiedName[];
  /** Cues from a docs property table ("Read-only", "Key", "Optional", "Required"). */
  docCues?: string[];
  origin: Origin[];
  source: SourcePosition;
}

export interface NavigationProperty extends Annotated, TypeReference {
  kind: 'navigation';
  name: string;
  nullable: boolean;
  containsTarget: boolean;
  partner?: string;
  capabilities: Capabilities;
  derivedTypeConstraint?: QualifiedName[];
  origin: Origin[];
  source: SourcePosition;
}

export type Property = StructuralProperty | NavigationProperty;

interface TypeBase extends Annotated {
  name: string;
  namespace: string;
  qualifiedName: QualifiedName;
  origin: Origin[];
  source: SourcePosition;
}

export interface StructuredTypeBase extends TypeBase {
  baseType?: QualifiedName;
  abstract: boolean;
  openType: boolean;
  /** Declared properties only, in document order; inherited ones live on the base types. */
  properties: StructuralProperty[];
  navigationProperties: NavigationProperty[];
  capabilities: Capabilities;
  derivedTypeConstraint?: QualifiedName[];
  /** Annotations targeting a path below the type (`T/complexProperty/property`), by that path. */
  pathAnnotations?: Record<string, Annotation[]>;
}

export interface EntityType extends StructuredTypeBase {
  kind: 'entity';
  /** Declared key property names (paths); empty when inherited from the base type. */
  key: string[];
  hasStream: boolean;
}

export interface ComplexType extends StructuredTypeBase {
  kind: 'complex';
}

export interface EnumMember extends Annotated {
  name: string;
  value: number;
  source: SourcePosition;
}

export interface EnumType extends TypeBase {
  kind: 'enum';
  underlyingType: QualifiedName;
  isFlags: boolean;
  members: EnumMember[];
}

export interface TypeDefinition extends TypeBase, Omit<Facets, 'nullable'> {
  kind: 'typeDefinition';
  underlyingType: QualifiedName;
}

export type StructuredType = EntityType | ComplexType;
export type SchemaType = EntityType | ComplexType | EnumType | TypeDefinition;

export interface Parameter extends Annotated, TypeReference, Facets {
  name: string;
  /** Core.OptionalParameter. */
  optional: boolean;
  source: SourcePosition;
}

/** A CSDL action or function (one overload). */
export interface Callable extends Annotated {
  kind: 'action' | 'function';
  name: string;
  namespace: string;
  qualifiedName: QualifiedName;
  isBound: boolean;
  /** Functions only. */
  isComposable: boolean;
  entitySetPath?: string;
  /** The binding parameter comes first when bound. */
  parameters: Parameter[];
  returnType?: TypeReference & { nullable: boolean; annotations?: Annotation[] };
  source: SourcePosition;
}

export interface NavigationPropertyBinding {
  path: string;
  target: string;
}

export interface EntitySet extends Annotated {
  kind: 'entitySet';
  name: string;
  entityType: QualifiedName;
  includeInServiceDocument: boolean;
  navigationPropertyBindings: NavigationPropertyBinding[];
  capabilities: Capabilities;
  /** Annotations targeting a path through the set (`Container/People/HomeAddress`), by the path below it. */
  pathAnnotations?: Record<string, Annotation[]>;
  source: SourcePosition;
}

export interface Singleton extends Annotated {
  kind: 'singleton';
  name: string;
  type: QualifiedName;
  nullable: boolean;
  navigationPropertyBindings: NavigationPropertyBinding[];
  capabilities: Capabilities;
  /** Annotations targeting a path through the singleton, by the path below it. */
  pathAnnotations?: Record<string, Annotation[]>;
  source: SourcePosition;
}

export interface OperationImport extends Annotated {
  kind: 'actionImport' | 'functionImport';
  name: string;
  /** The imported action or function. */
  operation: QualifiedName;
  entitySet?: string;
  includeInServiceDocument: boolean;
  source: SourcePosition;
}

export interface EntityContainer extends Annotated {
  name: string;
  qualifiedName: QualifiedName;
  entitySets: EntitySet[];
  singletons: Singleton[];
  operationImports: OperationImport[];
  source: SourcePosition;
}

export interface Schema extends Annotated {
  namespace: string;
  alias?: string;
  source: SourcePosition;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One step of an operation's URL. */
export type PathSegment =
  | { kind: 'entitySet' | 'singleton'; name: string; type: QualifiedName }
  | { kind: 'navigation'; name: string; type: QualifiedName; collection: boolean; containsTarget: boolean }
  /** One placeholder per key property, in key order; renamed when a name repeats in a path. */
  | { kind: 'key'; keyProperties: string[]; placeholders: string[]; type: QualifiedName }
  | { kind: 'cast'; type: QualifiedName }
  /** Function segments name their required parameters, each with a placeholder. */
  | { kind: 'action' | 'function'; name: QualifiedName; parameters: string[]; placeholders: string[] }
  /** `$ref`: the reference (link) to the entities a non-contained navigation addresses (OData URL Conventions 4.4). */
  | { kind: 'ref' };

/**
 * What an operation does to its target. `create` is POST to a collection or PUT to an
 * absent single-valued navigation; `replace` is PUT as an update; `reference` adds (POST),
 * replaces (PUT) or removes (DELETE) a link through `$ref` (OData Protocol 11.4.6).
 */
export type OperationIntent =
  | 'list'
  | 'read'
  | 'create'
  | 'update'
  | 'replace'
  | 'delete'
  | 'action'
  | 'function'
  | 'reference';

/** An HTTP operation of the service: a method on a path template. */
export interface Operation {
  /** `METHOD /path/template`, unique in the model. */
  id: string;
  method: HttpMethod;
  /** Path template under the service root, placeholders named after key properties. */
  path: string;
  segments: PathSegment[];
  intent: OperationIntent;
  /** The resource the path addresses (entity type, or the callable's return). */
  target?: TypeReference;
  /** Request body: its type and the validation mode it is checked in. */
  requestBody?: TypeReference & { mode: 'create' | 'update' | 'parameters' };
  /** Response body, absent for no content. */
  response?: TypeReference;
  /** The success status: documented when docs say so, else the OData default. */
  successStatus: number;
  statusSource: 'default' | 'docs';
  /** The CSDL action or function invoked, for action/function operations. */
  callable?: QualifiedName;
  description?: string;
  origin: Origin[];
  sources: SourcePosition[];
  /** Doc pages (file names) that document the operation. */
  docPages?: string[];
}

/** A JSON example from a doc page, with the code fence it came from. */
export interface DocExample {
  kind: 'request' | 'response' | 'resource' | 'example';
  name?: string;
  /** Qualified `@odata.type` of the annotation, if any. */
  odataType?: string;
  isCollection?: boolean;
  truncated?: boolean;
  method?: HttpMethod;
  url?: string;
  status?: number;
  body?: string;
  source: SourcePosition;
}

/**
 * How the service's URLs are written (OData URL Conventions 4.3, 5.1.1): the one setting the
 * generated client, the reference handlers, the conformance suite and the docs URL matcher read
 * (generator/model/operations/url-conventions.ts). Absent: the OData 4.0 defaults.
 */
export interface UrlConventions {
  /** `edmx:Edmx Version` of the document with the entity container: 4.0 wants qualified enum literals. */
  odataVersion: '4.0' | '4.01';
  /** Single keys as path segments (`/People/russellwhyte`) instead of in parentheses (`People('russellwhyte')`). */
  keyAsSegment: boolean;
  /**
   * What decided `keyAsSegment`: the OData default (parentheses), the CSDL
   * (Capabilities.KeyAsSegmentSupported on the entity container), the service's doc pages
   * (which write keys as segments), or the configuration.
   */
  keyAsSegmentFrom: 'default' | 'csdl' | 'docs' | 'config';
}

export interface Model {
  schemas: Schema[];
  /** All schema types by qualified name, sorted by name. */
  types: Record<QualifiedName, SchemaType>;
  actions: Callable[];
  functions: Callable[];
  entityContainer?: EntityContainer;
  /** HTTP operations, sorted by path then method. */
  operations: Operation[];
  /** JSON examples from doc pages, in page order. */
  examples: DocExample[];
  /** Input files, in the order given. */
  inputs: string[];
  /** Key syntax and literal forms; absent means the OData 4.0 defaults (keys in parentheses). */
  urlConventions?: UrlConventions;
}

export const EDM_PRIMITIVES = [
  'Edm.Binary',
  'Edm.Boolean',
  'Edm.Byte',
  'Edm.Date',
  'Edm.DateTimeOffset',
  'Edm.Decimal',
  'Edm.Double',
  'Edm.Duration',
  'Edm.Guid',
  'Edm.Int16',
  'Edm.Int32',
  'Edm.Int64',
  'Edm.SByte',
  'Edm.Single',
  'Edm.Stream',
  'Edm.String',
  'Edm.TimeOfDay',
  'Edm.Geography',
  'Edm.GeographyPoint',
  'Edm.GeographyLineString',
  'Edm.GeographyPolygon',
  'Edm.GeographyMultiPoint',
  'Edm.GeographyMultiLineString',
  'Edm.GeographyMultiPolygon',
  'Edm.GeographyCollection',
  'Edm.Geometry',
  'Edm.GeometryPoint',
  'Edm.GeometryLineString',
  'Edm.GeometryPolygon',
  'Edm.GeometryMultiPoint',
  'Edm.GeometryMultiLineString',
  'Edm.GeometryMultiPolygon',
  'Edm.GeometryCollection',
  'Edm.Untyped',
  'Edm.PrimitiveType',
  'Edm.ComplexType',
  'Edm.EntityType',
  'Edm.AnnotationPath',
  'Edm.PropertyPath',
  'Edm.NavigationPropertyPath',
  'Edm.AnyPropertyPath',
  'Edm.ModelElementPath',
] as const;
