/**
 * One Microsoft Graph reference page, as written: plain JSON-serialisable data, no model
 * interpretation yet (that is generator/model/docs/). Every element records where it is in
 * the markdown file; lines and columns are 1-based.
 */
import type { SourcePosition } from '../model/types.ts';
import type { JsonLocation, JsonSyntaxError, JsonValue } from './json-positions.ts';

export type { JsonValue } from './json-positions.ts';

/** Text cut out of a markdown file, with where each of its lines starts there. */
export interface TextSpan {
  text: string;
  file: string;
  /** Line of the first line of `text`. */
  line: number;
  /** Column, in the markdown file, where each line of `text` starts (container prefixes skipped). */
  columns: number[];
}

/**
 * Headings from the top-level section (`Properties`, `Request body`) down to the element; the
 * page title and tab headings like `# [HTTP](#tab/http)` are left out.
 */
export type SectionPath = string[];

export interface DocText {
  text: string;
  source: SourcePosition;
}

export interface DocHeading extends DocText {
  depth: number;
}

/** A JSON text parsed with positions; pointers map JSON Pointers to offsets in `span.text`. */
export interface DocJson {
  span: TextSpan;
  /** Absent when the text does not parse (then `error` says why; a diagnostic was reported). */
  value?: JsonValue;
  pointers: Record<string, JsonLocation>;
  duplicateKeys: string[];
  error?: JsonSyntaxError & { source: SourcePosition };
}

/** ApiDoctor's blockType values (CodeBlockType), plus the ones Graph pages use on non-code blocks. */
export const KNOWN_BLOCK_TYPES = [
  'resource',
  'request',
  'response',
  'ignored',
  'example',
  'samples',
  'simulatedResponse',
  'testParams',
  'permissions',
  'property',
] as const;

/** An annotation comment `<!-- { ... } -->` in ApiDoctor's vocabulary. */
export interface DocAnnotation {
  /** Where `<!--` is. */
  source: SourcePosition;
  /** The JSON text between the comment markers. */
  span: TextSpan;
  /** `block` annotates the next code block; `page` is ApiDoctor's `"type": "#page.annotation"`. */
  kind: 'block' | 'page';
  /** The whole parsed object; absent when the JSON is malformed. */
  data?: Record<string, JsonValue>;
  /** Top-level key -> position of its value, for reporting a wrong field at its line. */
  fieldSources: Record<string, SourcePosition>;
  blockType?: string;
  /** `@odata.type` without `#` and with `Collection(...)` unwrapped (then isCollection is true). */
  odataType?: string;
  keyProperty?: string;
  openType?: boolean;
  baseType?: string;
  abstract?: boolean;
  optionalProperties?: string[];
  nullableProperties?: string[];
  truncated?: boolean;
  isCollection?: boolean;
  isEmpty?: boolean;
  expectError?: boolean;
  /** ApiDoctor accepts one name or several. */
  name?: string[];
  /** Keys outside the list above, kept as written. */
  extra: Record<string, JsonValue>;
  /** Index in DocPage.codeBlocks of the code block it annotates. */
  codeBlock?: number;
}

export interface DocHeader {
  name: string;
  value: string;
  source: SourcePosition;
}

export interface DocBody {
  span: TextSpan;
  /** Present when the body is JSON (by Content-Type, or by its first character when there is none). */
  json?: DocJson;
}

/** Where a URL points, with the service root split off. */
export interface DocUrl {
  /** As written. */
  url: string;
  /** `https://graph.microsoft.com/v1.0`, `/beta`, ... when present. */
  serviceRoot?: string;
  /** Path under the service root, placeholders like `{id}` kept; `/` at least. */
  path: string;
  query?: string;
}

export interface DocHttpRequest extends DocUrl {
  kind: 'request';
  method: string;
  headers: DocHeader[];
  body?: DocBody;
  /** The request line. */
  source: SourcePosition;
}

export interface DocHttpResponse {
  kind: 'response';
  status: number;
  reason: string;
  headers: DocHeader[];
  body?: DocBody;
  /** The status line. */
  source: SourcePosition;
}

export interface DocCodeBlock {
  /** Lower-cased info string language; '' when none. */
  language: string;
  /** The content, without the fences. */
  span: TextSpan;
  /** The opening fence. */
  source: SourcePosition;
  section: SectionPath;
  /** Index in DocPage.annotations. */
  annotation?: number;
  http?: DocHttpRequest | DocHttpResponse;
  /** For json blocks: the content parsed. */
  json?: DocJson;
}

/** A type as a table cell or sentence gives it. */
export interface DocTypeRef {
  /** `Edm.String` for primitives, else the name as written (usually unqualified). */
  name: string;
  collection: boolean;
  primitive: boolean;
  /** The link the name carries, as written. */
  link?: string;
}

export type DocCue = 'Key' | 'Read-only' | 'Required' | 'Optional' | 'Nullable' | 'Not nullable' | 'Deprecated';

export interface DocPropertyRow {
  name: string;
  /** The name cell as written (e.g. `definition (deprecated)`). */
  nameText: string;
  typeText: string;
  /** Absent when the type text is not understood (a diagnostic was reported). */
  type?: DocTypeRef;
  description: string;
  cues: DocCue[];
  /** From "Inherited from [x]" in the description. */
  inheritedFrom?: string;
  source: SourcePosition;
  typeSource: SourcePosition;
}

export interface DocPropertyTable {
  /** By the first header cell: Property, Relationship or Parameter. */
  kind: 'property' | 'relationship' | 'parameter';
  section: SectionPath;
  source: SourcePosition;
  rows: DocPropertyRow[];
}

export interface DocMethodRow {
  name: string;
  /** Link to the API page, as written. */
  link?: string;
  returnTypeText: string;
  returnType?: DocTypeRef;
  description: string;
  source: SourcePosition;
}

export interface DocMethodTable {
  section: SectionPath;
  source: SourcePosition;
  rows: DocMethodRow[];
}

export interface DocTypeLink {
  name: string;
  link?: string;
  source: SourcePosition;
}

/** One line of the "HTTP request" section, e.g. `PATCH /policies/x/partners/{id}`. */
export interface DocRequestLine extends DocUrl {
  method: string;
  source: SourcePosition;
}

/** "returns a `200 OK` response code and a [x](...) object in the response body". */
export interface DocSuccess {
  status: number;
  reason: string;
  responseType?: DocTypeRef;
  source: SourcePosition;
}

/** What the "Request body" section says. */
export interface DocRequestBody {
  kind: 'none' | 'type' | 'properties';
  type?: DocTypeRef;
  source: SourcePosition;
}

/** Why a page links another: the reader follows links by role. */
export type DocLinkRole = 'method' | 'property-type' | 'relationship-type' | 'base-type' | 'response-type' | 'request-type';

export interface DocLink {
  url: string;
  role: DocLinkRole;
  source: SourcePosition;
}

export interface DocPage {
  file: string;
  /** From doc_type (resourcePageType, apiPageType), else from the content. */
  kind: 'resource' | 'api' | 'other';
  frontMatter?: { data: Record<string, JsonValue>; source: SourcePosition };
  docType?: string;
  title?: DocText;
  /** The `Namespace:` line. */
  namespace?: DocText;
  /** The first paragraph of prose after the title. */
  description?: DocText;
  headings: DocHeading[];
  annotations: DocAnnotation[];
  codeBlocks: DocCodeBlock[];
  tables: DocPropertyTable[];
  methodTables: DocMethodTable[];
  inheritsFrom?: DocTypeLink;
  requestLines: DocRequestLine[];
  requestBody?: DocRequestBody;
  success?: DocSuccess;
  /** Relative links to other pages worth following, in page order. */
  links: DocLink[];
}
