import { keySegment, encodeSegment, namedLiterals, withAliases, type KeyValue } from './literals.js';
import { followItems, followPages, type PagingOptions } from './paging.js';
import { queryString, type QueryOptions } from './query.js';
import {
  findCallable,
  isCollection,
  keyKinds,
  navigate,
  qualify,
  typeOf,
  type LiteralKind,
  type RouteTable,
  type Target,
} from './route-table.js';
import { send, type ClientOptions, type Exchange, type RequestOptions } from './send.js';
import { batching } from './batch.js';
import type { ODataPage } from './verbs.js';

/**
 * The whole client: one Proxy that follows the URL (OData URL Conventions 4.01 section 4).
 * Property access adds a segment, `byId` a key, `$cast` a type cast, `$ref` the link of a
 * navigation, `$property` a structural property, `$value` a raw value or a media stream; a
 * verb (`get`, `post`, `put`, `patch`, `delete`) sends; calling a member that
 * the route table lists as a bound action or function invokes it. What may be called where is the generated types' business;
 * this code is the same for every schema.
 *
 * Names a schema might use for navigation properties but that the client claims (the verbs,
 * `byId`, `then`, `toString`, `valueOf`, `toJSON`, and anything starting with `$`) are
 * written with one more leading `$` in the generated types (`$get` for a property `get`);
 * one `$` is removed here. On a collection, `$pages`, `$all` and `$count` page and count (no
 * position below a collection is a navigation property, so they shadow no name there).
 */

interface Engine {
  table: RouteTable;
  options: ClientOptions;
  base: string;
  typeIndex?: Map<string, number>;
}

interface Position {
  /** Encoded path under the service root, `''` at the root. */
  path: string;
  /** What the path addresses, when the route table knows. */
  target: Target | undefined;
  root: boolean;
  /** The `$ref` of a navigation: verbs send entity references (OData Protocol 4.01 section 11.4.6). */
  ref?: true;
  /** A `$value`: a primitive's raw text, or the bytes of a media entity or stream property. */
  value?: 'text' | 'bytes';
  /** A structural property (`$property`): GET unwraps `{ "value": ... }`. */
  property?: true;
}

/** The last step when it was a plain name: calling the node invokes that name as a callable. */
interface Pending {
  from: Position;
  name: string;
}

type Verb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const VERBS: Readonly<Record<string, Verb>> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE' };

export function createClient<Client>(table: RouteTable, options: ClientOptions): Client {
  const engine: Engine = { table, options, base: options.baseUrl.replace(/\/+$/, '') };
  return node(engine, { path: '', target: undefined, root: true }, undefined) as Client;
}

function node(engine: Engine, at: Position, pending: Pending | undefined): unknown {
  // An arrow function target: callable, and without a non-configurable `prototype`.
  return new Proxy(() => undefined, {
    get: (_target, property) => member(engine, at, property),
    apply: (_target, _this, args: unknown[]) => invoke(engine, at, pending, args),
  });
}

function member(engine: Engine, at: Position, property: string | symbol): unknown {
  // Symbols (inspection, iteration) and `then` (so that a builder is never taken for a promise).
  if (typeof property !== 'string' || property === 'then') return undefined;
  // String conversion and JSON give the URL, so that logging a builder does not call the service.
  if (property === 'toString' || property === 'valueOf' || property === 'toJSON') return () => `${engine.base}${at.path}`;
  const verb = Object.hasOwn(VERBS, property) ? VERBS[property] : undefined;
  if (verb) return (...args: unknown[]) => sendVerb(engine, at, verb, args);
  if (at.root && property === '$batch') return batching(engine.options, (options) => createClient(engine.table, options));
  switch (property) {
    case 'byId':
      return (key: KeyValue | Record<string, KeyValue>) => node(engine, keyed(engine, at, key), undefined);
    case '$cast':
      return (type: string) => node(engine, cast(engine, at, type), undefined);
    case '$url':
      return (options?: QueryOptions) => `${engine.base}${at.path}${queryString(options)}`;
    case '$ref':
      return node(engine, { path: `${at.path}/$ref`, target: at.target, root: false, ref: true }, undefined);
    case '$value':
      // A stream property (a name the table does not know) is read and written at its own URL
      // (OData Protocol 4.01 section 11.2.4.3, which Graph's `.../content` follows); a media
      // entity's media resource and a primitive's raw value at `.../$value`.
      return node(engine, { path: at.property || at.target !== undefined ? `${at.path}/$value` : at.path, target: undefined, root: false, value: at.property ? 'text' : 'bytes' }, undefined);
    case '$property':
      return (name: string) => node(engine, { path: `${at.path}/${encodeSegment(name)}`, target: undefined, root: false, property: true }, undefined);
  }
  // Collections page and count; elsewhere `$pages` is the escaped name `pages` (a OneNote section's pages, say).
  if (isCollection(at.target)) {
    if (property === '$pages') return (options?: CallOptions & PagingOptions) => pages(engine, at, options);
    if (property === '$all') return (options?: CallOptions & PagingOptions) => followItems(pages(engine, at, options), options?.limit);
    if (property === '$count') return (options?: CallOptions) => count(engine, at, options);
  }
  const name = property.startsWith('$') ? property.slice(1) : property;
  const target = at.root ? (Object.hasOwn(engine.table.root, name) ? engine.table.root[name] : undefined) : navigate(engine.table, at.target, name);
  return node(engine, { path: `${at.path}/${encodeSegment(name)}`, target, root: false }, { from: at, name });
}

function keyed(engine: Engine, at: Position, key: KeyValue | Record<string, KeyValue>): Position {
  const target = isCollection(at.target) ? at.target! - 1 : undefined;
  // In a batch, `$<id>`: the entity an earlier request created (OData JSON Format 4.01 section 19.1).
  const id = (key as { $batch?: unknown }).$batch;
  if (typeof id === 'string') return { path: `/$${id}`, target, root: false };
  return { path: at.path + keySegment(key, keyKinds(engine.table, at.target), engine.table.keyAsSegment === 1), target, root: false };
}

/** A type-cast segment (OData URL Conventions 4.11): `/users/microsoft.graph.user`. */
function cast(engine: Engine, at: Position, type: string): Position {
  engine.typeIndex ??= new Map(engine.table.types.map((entry, index) => [qualify(engine.table, entry.name), index]));
  const index = engine.typeIndex.get(type);
  const target = index === undefined || at.target === undefined ? undefined : index * 2 + (at.target & 1);
  return { path: `${at.path}/${encodeSegment(type)}`, target, root: false };
}

type CallOptions = QueryOptions & RequestOptions;

/** `url`: a next link to GET instead of the position's URL. */
function sendVerb(engine: Engine, at: Position, method: Verb, args: unknown[], link?: string): Promise<unknown> {
  const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
  // A `$value` PUT takes `(body, contentType, options)`.
  const options = (hasBody ? args[at.value ? 2 : 1] : args[0]) as CallOptions | undefined;
  const url = link ?? `${engine.base}${at.path}${method === 'GET' ? queryString(options) : ''}`;
  const exchange: Exchange = { method, url, options };
  if (hasBody) exchange.body = args[0];
  if (at.value) {
    exchange.raw = at.value;
    if (hasBody) exchange.contentType = typeof args[1] === 'string' ? args[1] : 'application/octet-stream';
    return send(engine.options, exchange);
  }
  if (at.property) return send(engine.options, exchange).then((body) => (body as { value?: unknown } | undefined)?.value ?? null);
  if (at.ref) {
    if (hasBody) exchange.body = { '@odata.id': referenceUrl(args[0]) };
    // A GET of a single-valued navigation's `$ref` without a link answers 204: null.
    return method === 'GET' ? send(engine.options, exchange).then((body) => body ?? null) : send(engine.options, exchange);
  }
  const route = typeOf(engine.table, at.target);
  const type = route && qualify(engine.table, route.name);
  if (type !== undefined) {
    const collection = isCollection(at.target);
    // The modes follow the model's operations: POST creates, PUT replaces with a full (create) body, PATCH updates.
    if (method === 'POST') exchange.request = { type, collection: false, mode: 'create' };
    if (method === 'PUT') exchange.request = { type, collection: false, mode: 'create' };
    if (method === 'PATCH') exchange.request = { type, collection: false, mode: 'update' };
    if (method !== 'DELETE') exchange.response = { type, collection: method === 'GET' && collection, mode: 'read' };
  }
  return send(engine.options, exchange);
}

/** The pages of a collection: the first as `get` asks for it, then each `@odata.nextLink` with the same request options. */
function pages(engine: Engine, at: Position, options: (CallOptions & PagingOptions) | undefined): AsyncGenerator<ODataPage<unknown>, void, undefined> {
  const first = `${engine.base}${at.path}${queryString(options)}`;
  return followPages(first, (url) => sendVerb(engine, at, 'GET', [options], url), options?.limit);
}

/**
 * `/$count` (OData URL Conventions 4.01 section 4.8): the number of members `$filter` and
 * `$search` keep, as plain text. (Graph asks for the `ConsistencyLevel: eventual` header.)
 */
async function count(engine: Engine, at: Position, options: CallOptions | undefined): Promise<number> {
  const { $filter, $search, query } = options ?? {};
  const filters: QueryOptions = {};
  if ($filter !== undefined) filters.$filter = $filter;
  if ($search !== undefined) filters.$search = $search;
  if (query !== undefined) filters.query = query;
  const url = `${engine.base}${at.path}/$count${queryString(filters)}`;
  // The count is text/plain (OData Protocol 4.01 section 11.2.10); JSON stays acceptable for services that insist.
  const headers = { accept: 'text/plain, application/json;q=0.9', ...options?.headers };
  const value = await send(engine.options, { method: 'GET', url, options: { ...options, headers } });
  const text = typeof value === 'number' ? String(value) : value instanceof ArrayBuffer ? String.fromCharCode(...new Uint8Array(value)) : '';
  const number = Number(text.trim());
  if (text.trim() === '' || !Number.isSafeInteger(number)) throw new TypeError(`${url} did not answer a count: ${JSON.stringify(text.slice(0, 40))}`);
  return number;
}

/** Calls the last step as an action or function; a programming error (not callable) throws at once. */
function invoke(engine: Engine, at: Position, pending: Pending | undefined, args: unknown[]): Promise<unknown> {
  const callable = pending && findCallable(engine.table, pending.from.target, pending.name, pending.from.root);
  if (!pending || !callable) throw new TypeError(`${engine.base}${at.path} is not an action or function`);
  const { from, name } = pending;
  const [kind, urlName, returns, input, qualifiedName] = callable;
  // Null holds a place in the tuple when a qualified name follows.
  const takesInput = input !== undefined && input !== null;
  const options = (takesInput ? args[1] : args[0]) as CallOptions | undefined;
  const segment = qualify(engine.table, urlName === '.' ? `.${name}` : urlName);
  const path = `${engine.base}${from.path}/${encodeSegment(segment)}`;
  const exchange: Exchange =
    kind === 'a'
      ? { method: 'POST', url: path, options }
      : { method: 'GET', url: functionUrl(path, args, input, options), options };
  if (kind === 'a' && takesInput) {
    exchange.body = args[0] ?? {};
    exchange.request = { type: qualifiedName === undefined ? segment : qualify(engine.table, qualifiedName), collection: false, mode: 'parameters' };
  }
  const result = typeOf(engine.table, returns ?? undefined);
  if (result) exchange.response = { type: qualify(engine.table, result.name), collection: isCollection(returns!), mode: 'read', unwrap: result.value === 1 && !isCollection(returns!) };
  return send(engine.options, exchange);
}

/**
 * A function call (OData URL Conventions 4.01 section 11.5.4.1): parameters inline, complex and
 * collection values as parameter aliases after the query options.
 */
function functionUrl(path: string, args: unknown[], kinds: Record<string, LiteralKind> | 1 | null | undefined, options: QueryOptions | undefined): string {
  if (typeof kinds !== 'object' || kinds === null) return `${path}()${queryString(options)}`;
  const aliases: string[] = [];
  const inline = namedLiterals((args[0] ?? {}) as Record<string, unknown>, kinds, aliases);
  return `${path}(${inline})${withAliases(queryString(options), aliases)}`;
}

/** What a `$ref` body names (`@odata.id`): a URL as given, or a builder's URL. */
function referenceUrl(target: unknown): string {
  if (typeof target === 'string') return target;
  const url = (target as { $url?: unknown } | null | undefined)?.$url;
  if (typeof url === 'function') return String((url as () => unknown)());
  throw new TypeError('A $ref target must be a URL or a request builder of an entity');
}
