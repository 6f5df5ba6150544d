import { baseChain, lookupStructuredType } from '../../generator/model/queries.ts';
import type { Model, StructuredType } from '../../generator/model/types.ts';
import type { HandlerContext } from './context.ts';
import { entityUrl } from './location.ts';
import type { Store, StoredEntity } from './store.ts';

/**
 * The bytes of media entities (CSDL 8.1.3, `HasStream="true"`) and of stream properties
 * (`Edm.Stream`), with their content type. An entity's data records its stream the way the
 * JSON format writes it (`@odata.mediaContentType` and `@odata.mediaEtag` for the media
 * resource, `Photo@odata.mediaContentType`... for a stream property; OData JSON Format 4.01
 * section 4.5.16-4.5.18), so the record is copied, reset and deleted with the entity; the
 * bytes live beside the store under the ETag, and bytes whose ETag no entity names any more are
 * unreachable. (An ETag is never reused, so an entity deleted and created again has no stream.)
 */
export interface Media {
  bytes: Uint8Array;
  contentType: string;
  etag: string;
}

const BYTES = new WeakMap<Store, Map<string, Uint8Array>>();
let serial = 0;

/** The annotation prefix of a stream: `''` for the media resource, `Photo` for a stream property. */
function prefix(property: string | undefined): string {
  return property ?? '';
}

/** The stored stream of an entity (`property` undefined: its media resource), if it has one. */
export function readMedia(store: Store, stored: StoredEntity, property?: string): Media | undefined {
  const etag = stored.data[`${prefix(property)}@odata.mediaEtag`];
  const contentType = stored.data[`${prefix(property)}@odata.mediaContentType`];
  const bytes = typeof etag === 'string' ? BYTES.get(store)?.get(etag) : undefined;
  if (!bytes || typeof etag !== 'string' || typeof contentType !== 'string') return undefined;
  return { bytes, contentType, etag };
}

/** Replaces the stream; returns the new ETag. `stored` is changed in place (the store holds it). */
export function writeMedia(store: Store, stored: StoredEntity, property: string | undefined, bytes: Uint8Array, contentType: string): string {
  const etag = `W/"media-${++serial}"`;
  let held = BYTES.get(store);
  if (!held) BYTES.set(store, (held = new Map()));
  held.set(etag, bytes);
  stored.data[`${prefix(property)}@odata.mediaEtag`] = etag;
  stored.data[`${prefix(property)}@odata.mediaContentType`] = contentType;
  return etag;
}

/** Removes the stream (a stream property set to null, OData Protocol 4.01 section 11.4.8.2). */
export function clearMedia(store: Store, stored: StoredEntity, property: string | undefined): void {
  const etag = stored.data[`${prefix(property)}@odata.mediaEtag`];
  if (typeof etag === 'string') BYTES.get(store)?.delete(etag);
  delete stored.data[`${prefix(property)}@odata.mediaEtag`];
  delete stored.data[`${prefix(property)}@odata.mediaContentType`];
}

/** Whether the type (or a base type) is a media entity type (`HasStream="true"`). */
export function isMediaEntityType(model: Model, type: StructuredType): boolean {
  return baseChain(model, type).some((item) => item.kind === 'entity' && item.hasStream);
}

/**
 * The media control information of an entity as the JSON format writes it (OData JSON Format
 * 4.01 section 4.5.16-4.5.18): read and edit links, content type and ETag of its media resource
 * (`url/$value`) and of each stream property with content (`url/Photo`). Without content, a
 * media entity still names its links; a stream property without content is left out.
 */
export function mediaAnnotations(ctx: HandlerContext, stored: StoredEntity, path: string): Record<string, unknown> {
  const type = lookupStructuredType(ctx.model, stored.type);
  if (!type) return {};
  const body: Record<string, unknown> = {};
  let known: string | undefined;
  const url = () => (known ??= entityUrl(ctx, path));
  const { media: isMedia, streams } = streamsOf(ctx.model, type);
  if (isMedia) {
    body['@odata.mediaReadLink'] = `${url()}/$value`;
    body['@odata.mediaEditLink'] = `${url()}/$value`;
    const media = readMedia(ctx.store, stored);
    if (media) Object.assign(body, { '@odata.mediaContentType': media.contentType, '@odata.mediaEtag': media.etag });
  }
  for (const name of streams) {
    const media = readMedia(ctx.store, stored, name);
    if (!media) continue;
    Object.assign(body, {
      [`${name}@odata.mediaReadLink`]: `${url()}/${name}`,
      [`${name}@odata.mediaEditLink`]: `${url()}/${name}`,
      [`${name}@odata.mediaContentType`]: media.contentType,
      [`${name}@odata.mediaEtag`]: media.etag,
    });
  }
  return body;
}

/** Whether a type is a media entity type and its single-valued stream properties (own first, then inherited): once per model and type, as every entity read asks. */
const streamsCache = new WeakMap<Model, WeakMap<StructuredType, { media: boolean; streams: readonly string[] }>>();

function streamsOf(model: Model, type: StructuredType): { media: boolean; streams: readonly string[] } {
  let ofModel = streamsCache.get(model);
  if (!ofModel) streamsCache.set(model, (ofModel = new WeakMap()));
  let found = ofModel.get(type);
  if (!found) {
    const streams = baseChain(model, type).flatMap((item) => item.properties.filter((property) => property.type === 'Edm.Stream' && !property.collection).map((property) => property.name));
    ofModel.set(type, (found = { media: isMediaEntityType(model, type), streams }));
  }
  return found;
}

/**
 * The stream records of `existing`, for a PUT that replaces the entity's properties: the media
 * resource and stream properties are no properties of the body (OData Protocol 4.01 section
 * 11.4.3 replaces properties; streams change only through their own URLs, 11.4.7, 11.4.8).
 */
export function streamRecords(existing: StoredEntity | undefined): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(existing?.data ?? {})) if (/@odata\.media(Etag|ContentType)$/.test(name)) kept[name] = value;
  return kept;
}
