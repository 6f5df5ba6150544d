import { findProperty, lookupStructuredType, lookupType } from '../../generator/model/queries.ts';
import type { StructuralProperty } from '../../generator/model/types.ts';
import type { HandlerContext } from './context.ts';
import { checkAncestors, lookupEntity } from './entities.ts';
import { matchPath, type Step } from './match.ts';
import { clearMedia, isMediaEntityType, readMedia, writeMedia } from './media.ts';
import { absent } from './read.ts';
import { json, noContent, odataError } from './responses.ts';
import type { StoredEntity } from './store.ts';

/**
 * Paths below an entity that are no operation of the model: the media resource of a media
 * entity (`.../$value`, OData Protocol 4.01 section 11.2.4.2 and 11.4.7; URL Conventions 4.01
 * section 4.12), a stream property (`.../Photo`, also as `.../Photo/$value`; Protocol 11.2.4.3
 * and 11.4.8), and a structural property (`.../Name`, section 11.2.4.1) with its raw value
 * (`.../Name/$value`, section 11.2.4.1.1). Undefined when the path is none of these.
 */
export async function handleValuePath(ctx: HandlerContext, request: Request, relativePath: string): Promise<Response | undefined> {
  const pieces = relativePath.split('/').filter((piece) => piece !== '');
  const raw = pieces.at(-1) === '$value';
  const rest = raw ? pieces.slice(0, -1) : pieces;
  if (raw) {
    const entity = entityAt(ctx, rest);
    if (entity) return mediaResource(ctx, request, entity);
  }
  const owner = entityAt(ctx, rest.slice(0, -1));
  const name = safeDecode(rest.at(-1) ?? '');
  const declared = owner?.node.type ? lookupStructuredType(ctx.model, owner.node.type) : undefined;
  const property = declared && name !== undefined ? findProperty(ctx.model, declared, name) : undefined;
  if (!owner || !property) return undefined;
  const failure = checkAncestors(ctx, owner.steps);
  if (failure) return failure;
  const stored = lookupEntity(ctx, owner.steps, owner.steps.length - 1);
  if (!stored) return absent(ctx, owner.steps);
  if (property.type === 'Edm.Stream' && !property.collection) return streamProperty(ctx, request, stored, property.name);
  return structuralProperty(ctx, request, stored, property, raw, relativePath);
}

interface EntityPath {
  steps: Step[];
  node: Step['node'];
}

/** The entity the pieces address, when they route to one. */
function entityAt(ctx: HandlerContext, pieces: readonly string[]): EntityPath | undefined {
  if (pieces.length === 0) return undefined;
  const match = matchPath(ctx.routes, `/${pieces.join('/')}`);
  if (!match.ok || match.count || match.target.node.kind !== 'entity') return undefined;
  return { steps: match.steps, node: match.target.node };
}

/** GET and PUT of a media entity's media resource (Protocol 4.01 sections 11.2.4.2, 11.4.7.2). */
async function mediaResource(ctx: HandlerContext, request: Request, entity: EntityPath): Promise<Response> {
  const failure = checkAncestors(ctx, entity.steps);
  if (failure) return failure;
  const stored = lookupEntity(ctx, entity.steps, entity.steps.length - 1);
  if (!stored) return absent(ctx, entity.steps);
  const type = lookupStructuredType(ctx.model, stored.type);
  if (!type || !isMediaEntityType(ctx.model, type)) {
    return odataError(400, 'BadRequest', `'${entity.steps.at(-1)!.path}' is a ${stored.type}, which is no media entity (HasStream): it has no $value`);
  }
  return streamExchange(ctx, request, stored, undefined, ['GET', 'PUT']);
}

/** GET, PUT and DELETE of a stream property (Protocol 4.01 sections 11.2.4.3, 11.4.8.1, 11.4.8.2). */
function streamProperty(ctx: HandlerContext, request: Request, stored: StoredEntity, name: string): Promise<Response> {
  return streamExchange(ctx, request, stored, name, ['GET', 'PUT', 'DELETE']);
}

async function streamExchange(ctx: HandlerContext, request: Request, stored: StoredEntity, property: string | undefined, allowed: readonly string[]): Promise<Response> {
  const method = request.method.toUpperCase();
  if (!allowed.includes(method)) return notAllowed(method, allowed);
  if (method === 'GET') {
    const media = readMedia(ctx.store, stored, property);
    // No stream yet (or a null stream property): no content.
    if (!media) return noContent();
    return new Response(media.bytes.slice(), { status: 200, headers: { 'Content-Type': media.contentType, ETag: media.etag, 'OData-Version': '4.0' } });
  }
  if (method === 'DELETE') {
    clearMedia(ctx.store, stored, property);
    return noContent();
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  const etag = writeMedia(ctx.store, stored, property, bytes, request.headers.get('content-type') || 'application/octet-stream');
  return noContent({ ETag: etag });
}

/**
 * A structural property: GET gives `{ "value": ... }` (JSON Format 4.01 section 7.1 and 7.2),
 * 204 when null; `$value` gives a primitive's raw value, as text/plain (an Edm.Binary as its
 * bytes), and is a bad request for complex and collection values.
 */
function structuralProperty(ctx: HandlerContext, request: Request, stored: StoredEntity, property: StructuralProperty, raw: boolean, relativePath: string): Response {
  const method = request.method.toUpperCase();
  if (method !== 'GET') return odataError(501, 'NotImplemented', `The reference handlers do not implement ${method} of a single property ('${property.name}'); PATCH the entity instead`);
  const value = stored.data[property.name];
  if (!raw) {
    if (value === null || value === undefined) return noContent();
    return json({ '@odata.context': `${ctx.serviceRoot}/$metadata#${relativePath.replace(/^\/+/, '')}`, value });
  }
  const kind = lookupType(ctx.model, property.type)?.kind;
  if (property.collection || kind === 'complex' || kind === 'entity') {
    return odataError(400, 'BadRequest', `$value addresses the raw value of a primitive property; '${property.name}' is ${property.collection ? 'a collection' : 'complex'}`);
  }
  if (value === null || value === undefined) return noContent();
  if (property.type === 'Edm.Binary' && typeof value === 'string') {
    return new Response(base64Bytes(value), { status: 200, headers: { 'Content-Type': 'application/octet-stream', 'OData-Version': '4.0' } });
  }
  return new Response(String(value), { status: 200, headers: { 'Content-Type': 'text/plain;charset=utf-8', 'OData-Version': '4.0' } });
}

function notAllowed(method: string, allowed: readonly string[]): Response {
  return odataError(405, 'MethodNotAllowed', `${method} is not supported here; use ${allowed.join(', ')}`, undefined, { Allow: allowed.join(', ') });
}

function safeDecode(piece: string): string | undefined {
  try {
    return decodeURIComponent(piece);
  } catch {
    return undefined;
  }
}

/** Edm.Binary in JSON is base64url (OData JSON Format 4.01 section 7.1); either alphabet decodes. */
function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
