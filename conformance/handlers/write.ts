import { allProperties, findNavigationProperty, keyProperties, lookupStructuredType } from '../../generator/model/queries.ts';
import type { Operation, StructuredType } from '../../generator/model/types.ts';
import { sampleKeyValue } from '../samples/structured.ts';
import { errorsOf, type ValidationMode } from '../validation/validator.ts';
import { isPlainObject, readJsonBody } from './body.ts';
import type { HandlerContext } from './context.ts';
import { impliedKeys, lookupEntity, placeOf } from './entities.ts';
import { keyPath, type Step } from './match.ts';
import { json, noContent, odataError } from './responses.ts';
import { isSingleNavigation } from './routes.ts';
import type { StoredEntity } from './store.ts';
import { viewEntity } from './view.ts';
import { urlOf } from './location.ts';
import { homeCollection } from './references.ts';
import { streamRecords } from './media.ts';

/**
 * Data modification (OData Protocol 4.0 §11.4): POST creates a member, PUT creates a
 * single-valued navigation or replaces an entity, PATCH merges, DELETE removes (and leaves
 * `null` behind a single-valued navigation). Bodies are validated before anything changes.
 */

/**
 * POST to a collection (§11.4.2). Through a non-contained navigation the entity is created where
 * its NavigationPropertyBinding says (its entity set) and linked from the navigation.
 */
export async function createMember(ctx: HandlerContext, steps: readonly Step[], operation: Operation, request: Request): Promise<Response> {
  const collection = steps.at(-1)!;
  const payload = await validBody(ctx, request, collection.node.type, 'create');
  if (payload instanceof Response) return payload;
  const keyNames = keyProperties(ctx.model, payload.type);
  const keys: Record<string, unknown> = {};
  for (const name of keyNames) keys[name] = payload.data[name] ?? generatedKey(ctx, payload.type, name);
  const piece = keyPath(keyNames, keys);
  const home = collection.node.contained ? undefined : homeCollection(ctx, steps);
  const homeSteps = home ?? steps;
  const homeCollectionStep = homeSteps.at(-1)!;
  const path = `${homeCollectionStep.path}/${piece}`;
  if (ctx.store.get(path)) return odataError(409, 'Conflict', `An entity with key ${JSON.stringify(keys)} already exists in '${homeCollectionStep.path}'`);
  const entity: StoredEntity = { type: payload.type.qualifiedName, data: { ...keys, ...withDefaults(ctx, payload.type, payload.data), ...keys } };
  ctx.store.set(path, entity, { parent: placeOf(homeSteps, homeSteps.length - 1).parent, collection: homeCollectionStep.path });
  if (home) ctx.store.link(`${collection.path}/${piece}`, path, { parent: placeOf(steps, steps.length - 1).parent, collection: collection.path });
  const textKeys = Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, String(v)]));
  const member: Step = { node: collection.node.member ?? collection.node, path: `${collection.path}/${piece}`, keys: textKeys };
  const canonical: Step[] = [...homeSteps, { node: homeCollectionStep.node.member ?? homeCollectionStep.node, path, keys: textKeys }];
  const status = ctx.profile === 'odata' ? 201 : operation.successStatus;
  return respond(ctx, [...steps, member], entity, status, { Location: urlOf(ctx, canonical) });
}

/** PUT (§11.4.3 replace, §11.4.4 upsert): creates a single-valued navigation that is not there. */
export async function putEntity(ctx: HandlerContext, steps: readonly Step[], operation: Operation, request: Request): Promise<Response> {
  const target = steps.at(-1)!;
  const payload = await validBody(ctx, request, target.node.type, operation.requestBody?.mode === 'update' ? 'update' : 'create');
  if (payload instanceof Response) return payload;
  const existing = lookupEntity(ctx, steps, steps.length - 1);
  if (!existing && !isSingleNavigation(target.node)) return odataError(404, 'ResourceNotFound', `No entity at '${target.path}'`);
  const keys = existing ? pickKeys(ctx, existing) : target.keys ? pickKeys(ctx, { type: payload.type.qualifiedName, data: target.keys }) : impliedKeys(ctx, payload.type, steps, steps.length - 1);
  const changed = changedKey(payload.data, keys);
  if (changed) return odataError(400, 'BadRequest', `Key property '${changed}' cannot be changed: it is ${JSON.stringify(keys[changed])}`);
  const entity: StoredEntity = { type: payload.type.qualifiedName, data: { ...keys, ...withDefaults(ctx, payload.type, payload.data), ...keys, ...streamRecords(existing ?? undefined) } };
  ctx.store.set(target.path, entity, placeOf(steps, steps.length - 1));
  const status = ctx.profile === 'odata' ? (existing ? 204 : 201) : operation.successStatus;
  return respond(ctx, steps, entity, status);
}

/** PATCH (§11.4.3): the properties sent replace theirs, complex values merge, the rest stays. */
export async function patchEntity(ctx: HandlerContext, steps: readonly Step[], operation: Operation, request: Request): Promise<Response> {
  const target = steps.at(-1)!;
  const existing = lookupEntity(ctx, steps, steps.length - 1);
  if (!existing) return odataError(404, 'ResourceNotFound', `No entity at '${target.path}'`);
  // Checked against the entity's own type: PATCH need not repeat @odata.type for a derived one.
  const payload = await validBody(ctx, request, existing.type, 'update');
  if (payload instanceof Response) return payload;
  const keys = pickKeys(ctx, existing);
  const changed = changedKey(payload.data, keys);
  if (changed) return odataError(400, 'BadRequest', `Key property '${changed}' cannot be changed: it is ${JSON.stringify(keys[changed])}`);
  const entity: StoredEntity = { type: existing.type, data: merge(existing.data, payload.data) };
  ctx.store.set(target.path, entity, placeOf(steps, steps.length - 1));
  return respond(ctx, steps, entity, ctx.profile === 'odata' ? 204 : operation.successStatus);
}

/** DELETE (§11.4.5). */
export function deleteEntity(ctx: HandlerContext, steps: readonly Step[], operation: Operation): Response {
  const target = steps.at(-1)!;
  if (!lookupEntity(ctx, steps, steps.length - 1)) return odataError(404, 'ResourceNotFound', `No entity at '${target.path}'`);
  ctx.store.remove(target.path, isSingleNavigation(target.node));
  return ctx.profile === 'odata' || operation.successStatus === 204 ? noContent() : json({}, operation.successStatus);
}

interface Payload {
  type: StructuredType;
  /** Structural properties only: instance annotations and bindings dropped. */
  data: Record<string, unknown>;
}

async function validBody(ctx: HandlerContext, request: Request, declaredName: string | undefined, mode: ValidationMode): Promise<Payload | Response> {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  if (!isPlainObject(body.value)) return odataError(400, 'BadRequest', 'The request body must be a JSON object');
  const declared = declaredName ? lookupStructuredType(ctx.model, declaredName) : undefined;
  if (!declared) return odataError(500, 'InternalServerError', `The model has no type ${declaredName ?? '(none)'}`);
  const errors = errorsOf(ctx.validator.validate(declared.qualifiedName, body.value, mode));
  if (errors.length > 0) {
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    const details = errors.slice(0, 20).map((issue) => ({ code: issue.code, message: issue.message, target: issue.path }));
    return odataError(400, 'BadRequest', `Invalid request body at '${first.path || '/'}': ${first.message}${more}`, details);
  }
  const named = typeof body.value['@odata.type'] === 'string' ? lookupStructuredType(ctx.model, body.value['@odata.type'].replace(/^#/, '')) : undefined;
  const type = named ?? declared;
  const navigation = Object.keys(body.value).find((name) => findNavigationProperty(ctx.model, type, name) !== undefined);
  if (navigation) return odataError(501, 'NotImplemented', `Deep insert and update ('${navigation}') are not implemented by the reference handlers`);
  const data = Object.fromEntries(Object.entries(body.value).filter(([name]) => !name.includes('@')));
  return { type, data };
}

function respond(ctx: HandlerContext, steps: readonly Step[], entity: StoredEntity, status: number, headers: Record<string, string> = {}): Response {
  if (status === 204) return noContent(headers);
  const view = viewEntity(ctx, steps, entity, {});
  const body = view.ok ? view.body : entity.data;
  // The entity's URL as the service writes it (`People('a')/Trips(0)`), not the store's path.
  return json({ '@odata.context': `${ctx.serviceRoot}/$metadata#${urlOf(ctx, steps).slice(ctx.serviceRoot.length + 1)}/$entity`, ...body }, status, headers);
}

/**
 * Omitted properties on create and replace: the declared default, or an empty collection
 * (§11.4.2: "collection-valued properties omitted from the request are set to ... an empty collection").
 */
function withDefaults(ctx: HandlerContext, type: StructuredType, data: Record<string, unknown>): Record<string, unknown> {
  const result = { ...data };
  for (const property of allProperties(ctx.model, type)) {
    if (property.name in result) continue;
    if (property.collection) result[property.name] = [];
    else if (property.defaultValue !== undefined) result[property.name] = parseDefault(property.type, property.defaultValue);
  }
  return result;
}

function parseDefault(type: string, text: string): unknown {
  if (type === 'Edm.Boolean') return text === 'true';
  if (/^Edm\.(Int|Byte|SByte|Double|Single|Decimal)/.test(type) && text.trim() !== '' && !Number.isNaN(Number(text))) return Number(text);
  return text;
}

/** PATCH semantics: complex values merge recursively, everything else (collections too) is replaced. */
export function merge(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const result = { ...target };
  for (const [name, value] of Object.entries(patch)) {
    const current = result[name];
    const sameType = isPlainObject(value) && isPlainObject(current) && (value['@odata.type'] === undefined || value['@odata.type'] === current['@odata.type']);
    result[name] = sameType ? merge(current, value) : structuredClone(value);
  }
  return result;
}

function pickKeys(ctx: HandlerContext, entity: StoredEntity): Record<string, unknown> {
  const type = lookupStructuredType(ctx.model, entity.type);
  const keys: Record<string, unknown> = {};
  for (const name of type ? keyProperties(ctx.model, type) : []) if (name in entity.data) keys[name] = entity.data[name];
  return keys;
}

/** The first key property the body sets to a value other than the entity's. */
function changedKey(data: Record<string, unknown>, keys: Record<string, unknown>): string | undefined {
  return Object.keys(keys).find((name) => name in data && String(data[name]) !== String(keys[name]));
}

function generatedKey(ctx: HandlerContext, type: StructuredType, name: string): unknown {
  const property = allProperties(ctx.model, type).find((candidate) => candidate.name === name);
  const id = ctx.nextId();
  if (!property || property.type === 'Edm.String' || property.type === 'Edm.Guid') {
    return `11111111-0000-4000-8000-${String(id).padStart(12, '0')}`;
  }
  return sampleKeyValue(ctx.model, property, id);
}
