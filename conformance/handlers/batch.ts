import { isJsonMediaType, isPlainObject } from './body.ts';
import type { HandlerContext } from './context.ts';
import { json, odataError } from './responses.ts';

/**
 * `POST <service root>/$batch` in the JSON batch format (OData JSON Format 4.01 §19; OData
 * Protocol 4.01 §11.7): `{ "requests": [{ id, method, url, headers?, body?, dependsOn?,
 * atomicityGroup? }] }` answered by `{ "responses": [{ id, status, headers, body? }] }`.
 *
 * Each request goes through the same dispatch as a single request, in order. A request whose
 * dependency failed answers 424 Failed Dependency (§19.1). A url starting with `$<id>` stands for
 * the entity an earlier request created (its Location) or addressed (Protocol §11.7.7.1). An
 * atomicity group succeeds or fails as a whole: when a member fails, the store goes back to
 * where it was before the group, and the members that had succeeded answer 424 (rolled back),
 * so that no response claims a change that is not there. Processing continues after a failure
 * (what Graph and CAP do), unless the batch asks `Prefer: odata.continue-on-error=false`
 * (Protocol 4.01 §8.2.8.3): then the responses end with the first failure. A request with the
 * `if` member (conditional execution, JSON 4.01 §19.1) answers 501: the handlers do not
 * evaluate its expression.
 *
 * Multipart batches (`multipart/mixed`, Protocol 4.01 §11.7.2, the OData 4.0 format) answer
 * 415 with a message that asks for the JSON format.
 */

/** Graph's limit on the requests of one batch (Microsoft Graph "JSON batching"). */
export const GRAPH_BATCH_LIMIT = 20;

/** Top-level system resources: a `$` segment that names one is no request reference (JSON 4.01 §19.1). */
const SYSTEM_RESOURCES = new Set(['$batch', '$crossjoin', '$all', '$entity', '$root', '$id', '$metadata']);
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export type Dispatch = (ctx: HandlerContext, request: Request) => Promise<Response>;

export interface BatchRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
  atomicityGroup?: string;
  /** The `if` member was given (conditional execution, not evaluated by the handlers). */
  conditional?: true;
}

export interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  atomicityGroup?: string;
}

export async function handleBatch(ctx: HandlerContext, request: Request, dispatch: Dispatch): Promise<Response> {
  if (request.method.toUpperCase() !== 'POST') {
    return odataError(405, 'MethodNotAllowed', `${request.method.toUpperCase()} is not supported on '/$batch'; use POST`, undefined, { Allow: 'POST' });
  }
  const contentType = request.headers.get('content-type') ?? '';
  if (/^multipart\/mixed\s*(;|$)/i.test(contentType.trim())) {
    return odataError(415, 'UnsupportedMediaType', 'Multipart batches (multipart/mixed, OData 4.0) are not supported by the reference handlers; send the JSON batch format (Content-Type: application/json, OData JSON Format 4.01 section 19)');
  }
  if (!isJsonMediaType(contentType)) {
    return odataError(415, 'UnsupportedMediaType', `Content-Type '${contentType || '(none)'}' is not supported on '/$batch'; send the JSON batch format (application/json)`);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(await request.text());
  } catch (error) {
    return odataError(400, 'BadRequest', `The batch request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseBatch(payload);
  if (typeof parsed === 'string') return odataError(400, 'BadRequest', `Invalid batch request: ${parsed}`);
  if (ctx.profile === 'graph' && parsed.length > GRAPH_BATCH_LIMIT) {
    return odataError(400, 'BadRequest', `A batch holds at most ${GRAPH_BATCH_LIMIT} requests; this one has ${parsed.length}`);
  }
  const prefer = /(?:^|[,;\s])(?:odata\.)?continue-on-error(?:=(true|false))?/i.exec(request.headers.get('prefer') ?? '');
  const stopOnError = prefer?.[1]?.toLowerCase() === 'false';
  const responses = await runBatch(ctx, parsed, dispatch, new URL(request.url).origin, stopOnError);
  return json({ responses }, 200, prefer ? { 'Preference-Applied': `odata.continue-on-error=${stopOnError ? 'false' : 'true'}` } : {});
}

/**
 * The request objects, checked as JSON 4.01 §19.1 says, or what is wrong with them: ids unique
 * and distinct from group names, members of a group adjacent, `dependsOn` naming preceding
 * requests or groups, and a `$<id>` reference listed in `dependsOn` (itself or its group).
 */
export function parseBatch(payload: unknown): BatchRequest[] | string {
  if (!isPlainObject(payload) || !Array.isArray(payload['requests'])) return "the body must be a JSON object with an array 'requests'";
  const requests: BatchRequest[] = [];
  const seen = new Set<string>();
  const groupOf = new Map<string, string>();
  const closedGroups = new Set<string>();
  for (const [index, item] of payload['requests'].entries()) {
    const where = `requests[${index}]`;
    if (!isPlainObject(item)) return `${where} is not an object`;
    const { id, method, url, headers, body, dependsOn, atomicityGroup } = item;
    if (typeof id !== 'string' || id === '') return `${where} has no 'id' (a non-empty string)`;
    if (seen.has(id)) return `${where}: the id '${id}' is used twice (ids and atomicity groups must be unique)`;
    if (typeof method !== 'string' || !METHODS.has(method.toUpperCase())) return `${where} ('${id}'): 'method' must be one of get, post, put, patch, delete`;
    if (typeof url !== 'string' || url === '') return `${where} ('${id}') has no 'url'`;
    if (headers !== undefined && (!isPlainObject(headers) || Object.values(headers).some((value) => typeof value !== 'string'))) return `${where} ('${id}'): 'headers' must be an object of strings`;
    if (atomicityGroup !== undefined && (typeof atomicityGroup !== 'string' || atomicityGroup === '')) return `${where} ('${id}'): 'atomicityGroup' must be a non-empty string`;
    if (dependsOn !== undefined && (!Array.isArray(dependsOn) || dependsOn.some((name) => typeof name !== 'string'))) return `${where} ('${id}'): 'dependsOn' must be an array of strings`;
    const previous = requests.at(-1)?.atomicityGroup;
    if (previous !== undefined && previous !== atomicityGroup) closedGroups.add(previous);
    if (typeof atomicityGroup === 'string') {
      if (closedGroups.has(atomicityGroup)) return `${where} ('${id}'): the members of atomicity group '${atomicityGroup}' must be adjacent`;
      if (seen.has(atomicityGroup) && !groupOf.has(atomicityGroup)) return `${where} ('${id}'): the atomicity group '${atomicityGroup}' has the name of a request`;
      if (atomicityGroup === id) return `${where}: the id '${id}' is also the name of its atomicity group`;
    }
    const depends = (dependsOn ?? []) as string[];
    for (const name of depends) {
      if (!seen.has(name)) return `${where} ('${id}'): dependsOn '${name}' names no preceding request or atomicity group`;
      if (name === atomicityGroup) return `${where} ('${id}'): a request cannot depend on its own atomicity group '${name}'`;
    }
    const reference = referencedId(url);
    if (reference !== undefined && seen.has(reference) && !depends.includes(reference) && !depends.includes(groupOf.get(reference) ?? '')) {
      return `${where} ('${id}'): the url references $${reference}, so 'dependsOn' must list '${reference}'`;
    }
    seen.add(id);
    if (typeof atomicityGroup === 'string') {
      seen.add(atomicityGroup);
      groupOf.set(id, atomicityGroup);
      groupOf.set(atomicityGroup, atomicityGroup);
    }
    const request: BatchRequest = { id, method: method.toUpperCase(), url, headers: { ...(headers as Record<string, string> | undefined) }, dependsOn: depends };
    if (body !== undefined) request.body = body;
    if (typeof atomicityGroup === 'string') request.atomicityGroup = atomicityGroup;
    if (item['if'] !== undefined) request.conditional = true;
    requests.push(request);
  }
  return requests;
}

/** `$1/memberOf` -> `1`; system resources (`$metadata`) and plain paths -> undefined. */
function referencedId(url: string): string | undefined {
  const first = /^\$[^/?#]*/.exec(url)?.[0];
  return first === undefined || SYSTEM_RESOURCES.has(first) ? undefined : first.slice(1);
}

/** Runs the requests in order; an atomicity group runs on a snapshot of the store it can go back to. */
export async function runBatch(ctx: HandlerContext, requests: readonly BatchRequest[], dispatch: Dispatch, origin: string, stopOnError = false): Promise<BatchResponse[]> {
  const responses: BatchResponse[] = [];
  const failed = new Set<string>();
  /** Request id -> URL of the entity it created or addressed, for `$<id>`. */
  const resources = new Map<string, string>();
  let group: { name: string; restore: () => void; start: number; failure?: string } | undefined;
  for (const request of requests) {
    if (group && group.name !== request.atomicityGroup) group = closeGroup(group, responses, failed);
    // The rest of a failed group still answers (424), then the batch stops.
    if (stopOnError && failed.size > 0 && !group) break;
    if (request.atomicityGroup !== undefined && !group) group = { name: request.atomicityGroup, restore: ctx.store.snapshot(), start: responses.length };
    const response = group?.failure
      ? failure(request, 424, `Not run: request '${group.failure}' of atomicity group '${group.name}' failed`)
      : await runOne(ctx, request, dispatch, origin, failed, resources);
    responses.push(response);
    if (response.status >= 400) {
      failed.add(request.id);
      if (group && !group.failure) group.failure = request.id;
    }
  }
  if (group) closeGroup(group, responses, failed);
  return responses;
}

/** A failed group: the store as before it, every member failed, the members that had succeeded 424. */
function closeGroup(group: { name: string; restore: () => void; start: number; failure?: string }, responses: BatchResponse[], failed: Set<string>): undefined {
  if (group.failure === undefined) return undefined;
  group.restore();
  failed.add(group.name);
  for (let index = group.start; index < responses.length; index++) {
    const response = responses[index]!;
    failed.add(response.id);
    if (response.status < 400) responses[index] = failure(response, 424, `Rolled back: request '${group.failure}' of atomicity group '${group.name}' failed`);
  }
  return undefined;
}

async function runOne(ctx: HandlerContext, request: BatchRequest, dispatch: Dispatch, origin: string, failed: ReadonlySet<string>, resources: Map<string, string>): Promise<BatchResponse> {
  const dependency = request.dependsOn.find((name) => failed.has(name));
  if (dependency !== undefined) return failure(request, 424, `Not run: the request depends on '${dependency}', which failed`);
  if (request.conditional) return failure(request, 501, "The reference handlers do not evaluate the 'if' member of a batch request");
  const url = resolveUrl(ctx, request.url, origin, resources);
  if (url.startsWith('error:')) return failure(request, 400, url.slice('error:'.length));
  const headers = new Headers(request.headers);
  const init: RequestInit = { method: request.method, headers };
  if (request.body !== undefined && request.method !== 'GET') {
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    init.body = typeof request.body === 'string' && !isJsonMediaType(headers.get('content-type') ?? '') ? request.body : JSON.stringify(request.body);
  }
  const response = await dispatch(ctx, new Request(url, init));
  const location = response.headers.get('location');
  if (response.ok) resources.set(request.id, location ?? url.replace(/[?#].*$/, ''));
  return await toBatchResponse(request, response);
}

/**
 * The absolute URL of a batch member (JSON 4.01 §19.1): `$<id>` replaced by that request's
 * entity; an absolute path appended to the batch request's origin, except in the graph profile,
 * where Graph takes it relative to the version root (`/users/x` means `/v1.0/users/x`); a
 * relative path resolved against the service root. `error:` and a message when it cannot be.
 */
export function resolveUrl(ctx: HandlerContext, url: string, origin: string, resources: ReadonlyMap<string, string>): string {
  const root = ctx.serviceRoot;
  let absolute: string;
  const reference = referencedId(url);
  if (reference !== undefined) {
    const resource = resources.get(reference);
    if (resource === undefined) return `error:'$${reference}' names no earlier request of this batch that created or addressed an entity`;
    absolute = resource + url.slice(reference.length + 1);
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(url)) absolute = url;
  else if (url.startsWith('/')) absolute = hostRelative(ctx, url) ? origin + url : root + url;
  else absolute = `${root}/${url}`;
  const below = absolute.toLowerCase();
  if (below !== root.toLowerCase() && !below.startsWith(`${root.toLowerCase()}/`) && !below.startsWith(`${root.toLowerCase()}?`)) {
    return `error:'${url}' is not below the service root ${root}`;
  }
  if (/^\/\$batch(?:[/?#]|$)/i.test(absolute.slice(root.length))) return 'error:A request inside a batch cannot itself be a batch request';
  return absolute;
}

function hostRelative(ctx: HandlerContext, url: string): boolean {
  if (ctx.profile === 'odata') return true;
  if (ctx.profile === 'graph') return false;
  // lenient: whichever reading lands below the service root.
  return ctx.rootPath !== '' && url.toLowerCase().startsWith(`${ctx.rootPath.toLowerCase()}/`);
}

/** A response as a response object: JSON bodies as JSON, text as a string, anything else base64url (JSON 4.01 §19.5). */
async function toBatchResponse(request: BatchRequest, response: Response): Promise<BatchResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  const result: BatchResponse = { id: request.id, status: response.status, headers };
  if (request.atomicityGroup !== undefined) result.atomicityGroup = request.atomicityGroup;
  const type = response.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength === 0) return result;
  const text = new TextDecoder().decode(bytes);
  if (isJsonMediaType(type)) result.body = JSON.parse(text) as unknown;
  else if (/^text\//i.test(type)) result.body = text;
  else result.body = base64url(bytes);
  return result;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function failure(request: { id: string; atomicityGroup?: string }, status: number, message: string): BatchResponse {
  const code = status === 424 ? 'FailedDependency' : status === 501 ? 'NotImplemented' : 'BadRequest';
  const result: BatchResponse = { id: request.id, status, headers: { 'content-type': 'application/json', 'odata-version': '4.0' }, body: { error: { code, message } } };
  if (request.atomicityGroup !== undefined) result.atomicityGroup = request.atomicityGroup;
  return result;
}
