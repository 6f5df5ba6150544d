import { findNavigationProperty, keyProperties, lookupStructuredType } from '../../../generator/model/queries.ts';
import type { Operation, StructuredType } from '../../../generator/model/types.ts';
import { contains, firstDifference, isCleared, render } from '../../checks/compare.ts';
import { judgeProbe } from '../../checks/probe.ts';
import { existsImplicitly } from '../../handlers/routes.ts';
import { merge } from '../../handlers/write.ts';
import { patchBody } from '../../samples/patch.ts';
import { concreteType } from '../../samples/structured.ts';
import type { Exchange } from '../exchange.ts';
import { memberSegment, type Instances } from '../instances.ts';
import type { Resource } from '../plan.ts';
import type { Session } from '../session.ts';
import { judgeLocation } from './protocol.ts';

/**
 * The stateful sequence on one resource (an entity and its collection), derived from
 * containment: create, read it back, list, PATCH and read, PUT and read. Deleting comes later
 * (`finishResource`), after everything below the entity has run.
 */
export interface ResourceState {
  resource: Resource;
  /** The declared type. */
  type: StructuredType;
  /** The entity's own type: a concrete type derived from an abstract declared one. */
  entityType: StructuredType;
  collectionPath?: string;
  entityPath?: string;
  keys?: Record<string, unknown>;
  /** Whether the entity exists now, as far as the suite knows. */
  exists: boolean;
  /** What the entity should hold (structural properties the suite sent or read). */
  current?: Record<string, unknown>;
  /** The exchanges that made `current`, for failure messages. */
  history: Exchange[];
}

export async function runResource(session: Session, instances: Instances, resource: Resource): Promise<ResourceState | undefined> {
  const type = lookupStructuredType(session.model, resource.type);
  if (!type) return undefined;
  const state: ResourceState = { resource, type, entityType: concreteType(session.model, type) ?? type, exists: false, history: [] };
  const { operations, entity } = resource;
  if (resource.collection) state.collectionPath = await instances.pathTo(resource.collection);
  const isMember = entity?.segment?.kind === 'key';
  if (operations.create) await createMember(session, instances, state, operations.create);
  else if (entity && !isMember) {
    state.entityPath = await instances.pathTo(entity);
    if (operations.put && !existsImplicitly(entity)) await createByPut(session, instances, state, operations.put);
    else state.exists = true;
  } else if (entity && operations.list) await findMember(session, state, operations.list);
  if (!state.exists) {
    // Checks reached later record their own outcome; these are what is left for want of an entity.
    const reason = state.entityPath ? 'the request that creates the entity did not succeed, so there is none to work on' : `no entity of ${type.qualifiedName} could be created or found`;
    for (const operation of [operations.read, operations.update, operations.put, operations.remove]) if (operation) skipOperation(session, operation, reason);
  }
  if (operations.read && state.entityPath) await readBack(session, state, operations.read);
  if (operations.list && state.collectionPath !== undefined) {
    const exchange = await session.send(operations.list.id, 'GET', state.collectionPath);
    judgeProbe(session, operations.list, exchange, { graph: [operations.list.successStatus], odata: [200] });
  }
  if (operations.update && state.entityPath && state.exists) await updateMerge(session, state, operations.update, operations.read);
  if (operations.put && state.entityPath && state.exists) await replace(session, instances, state, operations.put, operations.read);
  return state;
}

async function createMember(session: Session, instances: Instances, state: ResourceState, create: Operation): Promise<void> {
  const keys = instances.freshKeys(state.type);
  const built = instances.createBody(state.type, keys, session.nextVariant());
  if (!built || state.collectionPath === undefined) return skipOperation(session, create, `no valid body can be built for ${state.type.qualifiedName}`);
  const body = withoutPartnerKeys(session, state, built);
  const exchange = await session.send(create.id, 'POST', state.collectionPath, { body });
  judgeProbe(session, create, exchange, { graph: [create.successStatus], odata: [201] });
  const member = state.resource.entity;
  const created = exchange.status >= 200 && exchange.status < 300;
  state.keys = created ? instances.keysFromResponse(state.type, exchange, keys) : keys;
  if (member) state.entityPath = `${state.collectionPath}${memberSegment(member, state.type, state.keys, session)}`;
  if (created && state.entityPath) session.created(state.entityPath);
  state.exists = created;
  await judgeLocation(session, create, exchange, state.type, state.keys, state.resource.operations.read !== undefined);
  if (created) state.current = structural(body);
  state.history.push(exchange);
}

/**
 * POST to a collection reached through a navigation links the new entity to the parent (OData
 * Protocol 4.01 §11.4.2): the service sets the foreign key of the partner navigation
 * (`author_ID` for `Authors(1)/books`), so the body leaves it out rather than contradict it.
 */
export function withoutPartnerKeys(session: Session, state: ResourceState, body: Record<string, unknown>): Record<string, unknown> {
  const collection = state.resource.collection;
  const segment = collection?.segment;
  const parentType = collection?.parent?.type ? lookupStructuredType(session.model, collection.parent.type) : undefined;
  if (segment?.kind !== 'navigation' || segment.containsTarget || !parentType) return body;
  const partner = findNavigationProperty(session.model, parentType, segment.name)?.partner;
  if (!partner) return body;
  const foreign = new RegExp(`^${partner.replace(/[^\w]/g, '')}(_|id$)`, 'i');
  return Object.fromEntries(Object.entries(body).filter(([name]) => !foreign.test(name)));
}

/** A single-valued navigation that PUT creates: make sure it is absent, then PUT it. */
async function createByPut(session: Session, instances: Instances, state: ResourceState, put: Operation): Promise<void> {
  const path = state.entityPath!;
  if (state.resource.operations.remove) await session.send(undefined, 'DELETE', path);
  const body = instances.createBody(state.type, undefined, session.nextVariant());
  if (!body) return skipOperation(session, put, `no valid body can be built for ${state.type.qualifiedName}`);
  const exchange = await session.send(put.id, 'PUT', path, { body });
  judgeProbe(session, put, exchange, { graph: [put.successStatus], odata: [201] });
  state.history.push(exchange);
  state.exists = exchange.status >= 200 && exchange.status < 300;
  if (state.exists) {
    state.current = structural(body);
    session.created(path);
  }
}

/** A collection the suite cannot add to: read an existing member, if there is one. */
async function findMember(session: Session, state: ResourceState, list: Operation): Promise<void> {
  if (state.collectionPath === undefined || !state.resource.entity) return;
  const exchange = await session.send(undefined, 'GET', state.collectionPath);
  const first = ((exchange.json as { value?: unknown[] } | undefined)?.value ?? [])[0] as Record<string, unknown> | undefined;
  const names = keyProperties(session.model, state.type);
  if (!first || !names.every((name) => first[name] !== undefined)) {
    session.note(Object.values(state.resource.operations).map((operation) => operation.id), `setup: ${list.path} has no member to read and no create operation`);
    return;
  }
  state.keys = Object.fromEntries(names.map((name) => [name, first[name]]));
  state.entityPath = `${state.collectionPath}${memberSegment(state.resource.entity, state.type, state.keys, session)}`;
  state.exists = true;
}

async function readBack(session: Session, state: ResourceState, read: Operation): Promise<void> {
  const creator = state.resource.operations.create ?? (existsImplicitly(state.resource.entity!) ? undefined : state.resource.operations.put);
  if (!state.exists) {
    if (creator) session.skip('sequence/create-read', creator.id, 'the create request did not succeed');
    for (const id of ['status/success', 'operation/handled', 'content-type/json', 'header/odata-metadata', 'body/valid', 'body/key', 'body/context', 'header/not-acceptable'] as const) {
      session.skip(id, read.id, 'there is no entity to read (it could not be created)');
    }
    return;
  }
  const exchange = await session.send(read.id, 'GET', state.entityPath!);
  // A non-contained navigation may link nothing, and the suite cannot link one (404, or 204 in OData).
  const linkOnly = !state.resource.entity!.contained && state.resource.entity!.segment?.kind === 'navigation';
  judgeProbe(session, read, exchange, linkOnly ? { graph: [read.successStatus, 404], odata: [200, 204] } : { graph: [read.successStatus], odata: [200] });
  if (linkOnly && exchange.status !== 200) {
    state.exists = false;
    for (const id of ['query/select', 'query/expand', 'header/not-acceptable'] as const) session.skip(id, read.id, 'nothing is linked, and the suite cannot link an entity');
    return;
  }
  const body = exchange.json as Record<string, unknown> | undefined;
  if (creator && state.current) {
    const difference = exchange.status === 200 ? firstDifference(body, state.current) : undefined;
    if (exchange.status === 200 && difference === undefined) session.pass('sequence/create-read', creator.id);
    else {
      const summary =
        exchange.status !== 200
          ? `GET after create answered ${exchange.status || 'nothing'}, not 200`
          : `Property ${difference}: created as ${render(state.current[difference!])}, read back as ${render(body?.[difference!])}`;
      session.fail('sequence/create-read', creator.id, summary, [...state.history, exchange]);
    }
  }
  if (!state.current && exchange.status === 200 && body) state.current = structural(body);
  const named = typeof body?.['@odata.type'] === 'string' ? lookupStructuredType(session.model, body['@odata.type'].replace(/^#/, '')) : undefined;
  if (named) state.entityType = named;
}

async function updateMerge(session: Session, state: ResourceState, update: Operation, read: Operation | undefined): Promise<void> {
  const current = state.current ?? {};
  const patch = patchBody(session.model, session.validator, state.entityType, current, session.nextVariant());
  const exchange = await session.send(update.id, 'PATCH', state.entityPath!, { body: patch ?? {} });
  judgeProbe(session, update, exchange, { graph: [update.successStatus], odata: [200, 204] });
  if (!read) return;
  if (!patch) return session.skip('sequence/update-merge', update.id, `${state.entityType.qualifiedName} has no property a PATCH can change`);
  const after = await session.send(read.id, 'GET', state.entityPath!);
  const expected = merge(current, patch);
  const sent = [...state.history, exchange, after];
  if (exchange.status < 200 || exchange.status >= 300) {
    session.fail('sequence/update-merge', update.id, `PATCH answered ${exchange.status || 'nothing'}`, sent);
  } else if (after.status !== 200) {
    session.fail('sequence/update-merge', update.id, `GET after PATCH answered ${after.status || 'nothing'}, not 200`, sent);
  } else {
    const body = after.json as Record<string, unknown> | undefined;
    const difference = firstDifference(body, expected);
    if (difference === undefined) session.pass('sequence/update-merge', update.id);
    else {
      const what = difference in patch ? 'the PATCH did not apply' : 'PATCH did not keep what it did not send (it replaced instead of merging)';
      session.fail('sequence/update-merge', update.id, `Property ${difference}: expected ${render(expected[difference])}, read ${render(body?.[difference])}: ${what}`, sent);
    }
  }
  state.current = expected;
  state.history = [exchange];
}

async function replace(session: Session, instances: Instances, state: ResourceState, put: Operation, read: Operation | undefined): Promise<void> {
  const isMember = state.resource.entity?.segment?.kind === 'key';
  const body = instances.createBody(state.type, isMember ? state.keys : undefined, session.nextVariant(), 1);
  if (!body) return session.skip('sequence/replace', put.id, `no valid body can be built for ${state.type.qualifiedName}`);
  const exchange = await session.send(put.id, 'PUT', state.entityPath!, { body });
  judgeProbe(session, put, exchange, { graph: [put.successStatus], odata: [200, 204] });
  if (!read) return;
  const after = await session.send(read.id, 'GET', state.entityPath!);
  const sent = [exchange, after];
  const before = state.current ?? {};
  const replaced = structural(body);
  const keys = new Set(keyProperties(session.model, state.type));
  if (exchange.status < 200 || exchange.status >= 300) session.fail('sequence/replace', put.id, `PUT answered ${exchange.status || 'nothing'}`, sent);
  else if (after.status !== 200) session.fail('sequence/replace', put.id, `GET after PUT answered ${after.status || 'nothing'}, not 200`, sent);
  else {
    const read = (after.json ?? {}) as Record<string, unknown>;
    const notApplied = firstDifference(read, replaced);
    const kept = Object.keys(before).find((name) => !keys.has(name) && !(name in replaced) && !isCleared(before[name]) && contains(read[name], before[name]));
    if (notApplied !== undefined) session.fail('sequence/replace', put.id, `Property ${notApplied}: PUT sent ${render(replaced[notApplied])}, read ${render(read[notApplied])}`, sent);
    else if (kept !== undefined) session.fail('sequence/replace', put.id, `Property ${kept} was left out of the PUT but kept ${render(read[kept])}; PUT replaces the whole entity`, sent);
    else session.pass('sequence/replace', put.id);
  }
  state.current = { ...Object.fromEntries([...keys].filter((name) => name in before).map((name) => [name, before[name]])), ...replaced };
  state.history = [exchange];
}

/** Structural properties of a payload: instance and property annotations dropped. */
export function structural(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([name]) => !name.includes('@')));
}

/** Every planned check of an operation skipped, with the same reason. */
export function skipOperation(session: Session, operation: Operation, reason: string): void {
  for (const check of session.plan.checks) if (check.operation === operation.id) session.skip(check.id, operation.id, reason);
}
