import type { FilterOption } from './filter.ts';
import type { PagingOptions } from './paging.ts';
import type { QueryOptions } from './query.ts';
import type { MediaContent, RawBody, RequestOptions } from './send.ts';

/**
 * The contract of a position, in types only: generated interfaces extend one mixin per HTTP
 * operation the position allows (OData Protocol 4.01 section 11), so the generated code
 * names a verb in a few characters and the runtime has nothing per path.
 */

/** Property names of `T`, across every member of a union (polymorphic positions). */
export type Keys<T> = T extends unknown ? Extract<keyof T, string> : never;

/**
 * `T` narrowed by `$select` (OData URL Conventions 4.01 section 5.1.3): the selected
 * properties, the properties `$expand` names (expanded navigation properties are returned
 * whatever `$select` says, 5.1.2), and the declared control information
 * (`@odata.type`), for each member of a union. Without `$select`, `T` itself. (A
 * key-remapping mapped type rather than `Pick`: `keyof T` folds `'@odata.type'` into an index
 * signature's `@${string}`.)
 */
export type Selected<T, S extends readonly string[], E = never> = [S] extends [never]
  ? T
  : T extends unknown
    ? { [K in keyof T as K extends S[number] | ExpandedNames<E> | `@odata.${string}` ? K : never]: T[K] }
    : never;

/**
 * The navigation properties an `$expand` names: `['manager($select=id)', 'memberOf']` or
 * `'manager($select=id), memberOf'` -> `'manager' | 'memberOf'`. Commas inside nested
 * options split too, but what they yield is no property name, so it selects nothing.
 */
export type ExpandedNames<E> = NameOf<E extends readonly (infer N extends string)[] ? N : E extends string ? SplitComma<E> : never>;

type SplitComma<S extends string> = S extends `${infer Head},${infer Rest}` ? Head | SplitComma<Rest> : S;
type NameOf<N> = N extends ` ${infer Rest}` ? NameOf<Rest> : N extends `${infer Name}(${string}` ? Name : N;

/** A collection response (OData JSON Format 4.01 section 12). */
export interface ODataPage<T> {
  '@odata.context'?: string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
  [annotation: `@${string}`]: unknown;
  value: T[];
}

/** A single primitive or enum value (OData JSON Format 4.01 section 7.1). */
export interface ODataValue<T> {
  '@odata.context'?: string;
  value: T;
}

/** Options of a GET on one entity: `$select`, `$expand`. */
export type ReadOptions<S, E = string | readonly string[]> = RequestOptions & Pick<QueryOptions, 'query'> & { $select?: S; $expand?: E };

/** Options of a GET on a collection: every system query option; `$filter` as text or built for `T` (filter.ts). */
export type ListOptions<S, E = string | readonly string[], T = unknown> = RequestOptions & Omit<QueryOptions, '$select' | '$expand' | '$filter'> & { $select?: S; $expand?: E; $filter?: FilterOption<T> };

/** Options of a function call: query options apply to its result (untyped, it may be anything). */
export type CallOptions = RequestOptions & QueryOptions;

export interface Read<T> {
  get<const S extends readonly Keys<T>[] = never, const E extends string | readonly string[] = never>(options?: ReadOptions<S, E>): Promise<Selected<T, S, E>>;
  /** The URL `get` would request. */
  $url(options?: QueryOptions): string;
  /** One primitive property (OData Protocol 4.01 section 11.2.4.1): its value, and its raw value as `$value`. */
  $property<const K extends PrimitiveKeys<T>>(name: K): PropertyValue<PropertyType<T, K>>;
}

/** Names of `T`'s primitive (and enum) properties, across a union; no control information. */
export type PrimitiveKeys<T> = T extends unknown ? { [K in Extract<keyof T, string>]: K extends `@${string}` ? never : NonNullable<T[K]> extends string | number | boolean ? K : never }[Extract<keyof T, string>] : never;

/** The type of property `K` in the members of the union `T` that have it. */
export type PropertyType<T, K extends string> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/** A single property: GET resolves to its value, null when it is null (204). */
export interface PropertyValue<V> {
  get(options?: RequestOptions): Promise<NonNullable<V> | null>;
  /** `/$value`: the raw value as text/plain (section 11.2.4.1.1); null when the property is null. */
  $value: { get(options?: RequestOptions): Promise<string | null> };
  $url(): string;
}

/**
 * The `$value` of a media entity (`HasStream`, OData Protocol 4.01 sections 11.2.4.2 and
 * 11.4.7.2) or of a stream property (`Edm.Stream`, 11.4.8): GET resolves to its bytes and content
 * type (null when there are none: 204), PUT replaces them.
 */
export interface MediaValue {
  get(options?: RequestOptions): Promise<MediaContent | null>;
  put(body: RawBody, contentType: string, options?: RequestOptions): Promise<void>;
  $url(): string;
}

/** A stream property: `$value` reads and writes it (at the property's own URL). */
export interface StreamProperty {
  $value: MediaValue;
}

export interface List<T> {
  get<const S extends readonly Keys<T>[] = never, const E extends string | readonly string[] = never>(options?: ListOptions<S, E, T>): Promise<ODataPage<Selected<T, S, E>>>;
  /** Every page, following `@odata.nextLink` (server-driven paging, OData Protocol 4.01 section 11.2.6.7). */
  $pages<const S extends readonly Keys<T>[] = never, const E extends string | readonly string[] = never>(options?: ListOptions<S, E, T> & PagingOptions): AsyncIterable<ODataPage<Selected<T, S, E>>>;
  /** Every member, page after page: `for await (const user of client.users.$all({ limit: 500 }))`. */
  $all<const S extends readonly Keys<T>[] = never, const E extends string | readonly string[] = never>(options?: ListOptions<S, E, T> & PagingOptions): AsyncIterable<Selected<T, S, E>>;
  /** `/$count`: how many members `$filter` and `$search` keep (Graph wants `ConsistencyLevel: eventual`). */
  $count(options?: RequestOptions & Pick<QueryOptions, '$search' | 'query'> & { $filter?: FilterOption<T> }): Promise<number>;
  /** The URL `get` would request. */
  $url(options?: QueryOptions): string;
}

/** POST to a collection (11.4.2): resolves to the created entity. */
export interface Create<B, T> {
  post(body: B, options?: RequestOptions): Promise<T>;
}

/** PATCH (11.4.3): the service answers 204, or 200 with the entity if asked to (`Prefer: return=representation`). */
export interface Update<B> {
  patch(body: B, options?: RequestOptions): Promise<void>;
}

/** PUT (11.4.3, 11.4.4): replace, or create a single-valued contained entity. */
export interface Replace<B> {
  put(body: B, options?: RequestOptions): Promise<void>;
}

/** DELETE (11.4.5). */
export interface Remove {
  delete(options?: RequestOptions): Promise<void>;
}

/** The usual single entity: read, update, delete (keeps generated heritage lists short). */
export interface Entity<T, U> extends Read<T>, Update<U>, Remove {}

/** The usual entity collection: list and create. */
export interface Entities<T, C> extends List<T>, Create<C, T> {}

/** What a `$ref` request names (as `@odata.id`): an entity's URL, or a builder of one, whose URL is used. */
export type EntityReference = string | { $url(options?: QueryOptions): string };

/** An entity reference (OData JSON Format 4.01 section 14). */
export interface EntityId {
  '@odata.context'?: string;
  '@odata.id': string;
}

/** GET of a collection-valued navigation's `$ref` (11.2.8): the references of the linked entities. */
export interface ListReferences<T> {
  get(options?: RequestOptions & Omit<QueryOptions, '$select' | '$expand' | '$filter'> & { $filter?: FilterOption<T> }): Promise<ODataPage<EntityId>>;
}

/** GET of a single-valued navigation's (or a member's) `$ref` (11.2.8): the linked entity's reference; null when none (204). */
export interface ReadReference {
  get(options?: RequestOptions): Promise<EntityId | null>;
}

/** POST to a collection-valued navigation's `$ref` (11.4.6.1): links one more entity. */
export interface AddReference {
  post(target: EntityReference, options?: RequestOptions): Promise<void>;
}

/** PUT to a single-valued navigation's `$ref` (11.4.6.3): links this entity instead. */
export interface SetReference {
  put(target: EntityReference, options?: RequestOptions): Promise<void>;
}

/** DELETE of a `$ref` (11.4.6.2): removes the link, not the entity. */
export interface RemoveReference {
  delete(options?: RequestOptions): Promise<void>;
}
