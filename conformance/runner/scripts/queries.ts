import { allProperties, keyProperties } from '../../../generator/model/queries.ts';
import type { Operation } from '../../../generator/model/types.ts';
import { contains, render } from '../../checks/compare.ts';
import { answer } from '../../checks/probe.ts';
import { judge, type Expectation } from '../../profiles.ts';
import { patchBody } from '../../samples/patch.ts';
import type { Exchange } from '../exchange.ts';
import { memberSegment, type Instances } from '../instances.ts';
import type { Session } from '../session.ts';
import type { ResourceState } from './resource.ts';

/**
 * Requests to a key that does not exist (404), and the query options of a collection and an
 * entity: `$top`/`$skip`/`@odata.nextLink`, `$count`, `$select`, `$expand`.
 */
export async function notFound(session: Session, instances: Instances, state: ResourceState): Promise<void> {
  const { read, update, remove } = state.resource.operations;
  const member = state.resource.entity;
  if (!member || state.collectionPath === undefined || member.segment?.kind !== 'key') return;
  const path = `${state.collectionPath}${memberSegment(member, state.type, instances.freshKeys(state.type), session)}`;
  const probes: [Operation | undefined, unknown, Expectation<number>][] = [
    [read, undefined, { graph: [404], odata: [404] }],
    // OData lets a PATCH to a missing key create it (upsert, Protocol 4.0 §11.4.4); Graph answers 404.
    [update, patchBody(session.model, session.validator, state.entityType, {}, session.nextVariant()) ?? {}, { graph: [404], odata: [404, 201, 204] }],
    [remove, undefined, { graph: [404], odata: [404] }],
  ];
  for (const [operation, body, expected] of probes) {
    if (!operation || !session.wants('status/not-found', operation.id)) continue;
    const exchange = await session.send(operation.id, operation.method, path, body === undefined ? {} : { body });
    const verdict = judge(exchange.status, expected, session.profile);
    if (verdict.ok) session.pass('status/not-found', operation.id, verdict.difference && `difference: ${verdict.difference}`);
    else session.fail('status/not-found', operation.id, `${operation.method} of a key that does not exist answered ${answer(exchange)}; expected 404`, [exchange]);
  }
}

export async function collectionQueries(session: Session, instances: Instances, state: ResourceState): Promise<void> {
  const { list, create } = state.resource.operations;
  if (!list || !create || state.collectionPath === undefined) return;
  const wantsPaging = session.wants('query/top-skip', list.id);
  const wantsCount = session.wants('query/count', list.id);
  if (!wantsPaging && !wantsCount) return;
  // Three members at least: the one created earlier, two more here.
  let created = state.exists && state.resource.operations.create !== undefined;
  for (let index = 0; index < 2 && created; index++) {
    const keys = instances.freshKeys(state.type);
    const body = instances.createBody(state.type, keys, session.nextVariant());
    const exchange = body && (await session.send(create.id, 'POST', state.collectionPath, { body }));
    created = exchange !== undefined && exchange.status >= 200 && exchange.status < 300;
    if (created && exchange && state.resource.entity) session.created(`${state.collectionPath}${memberSegment(state.resource.entity, state.type, instances.keysFromResponse(state.type, exchange, keys), session)}`);
  }
  if (!created) {
    for (const id of ['query/top-skip', 'query/count'] as const) session.skip(id, list.id, 'members could not be created to page through');
    return;
  }
  if (wantsPaging) await paging(session, state, list);
  if (wantsCount) {
    const exchange = await session.send(list.id, 'GET', `${state.collectionPath}?$count=true`);
    const body = exchange.json as { value?: unknown[]; '@odata.count'?: unknown } | undefined;
    const count = body?.['@odata.count'];
    const listed = Array.isArray(body?.value) ? body.value.length : 0;
    if (exchange.status !== 200) session.fail('query/count', list.id, `GET with $count=true answered ${answer(exchange)}`, [exchange]);
    else if (typeof count !== 'number' || !Number.isInteger(count)) session.fail('query/count', list.id, `@odata.count is ${render(count)}; expected the number of members`, [exchange]);
    else if (count < listed || count < 3) session.fail('query/count', list.id, `@odata.count is ${count}, but the collection holds at least ${Math.max(listed, 3)}`, [exchange]);
    else session.pass('query/count', list.id);
  }
}

async function paging(session: Session, state: ResourceState, list: Operation): Promise<void> {
  const keys = keyProperties(session.model, state.type);
  const first = await session.send(list.id, 'GET', `${state.collectionPath}?$top=1`);
  const second = await session.send(list.id, 'GET', `${state.collectionPath}?$top=1&$skip=1`);
  const page1 = values(first);
  const page2 = values(second);
  const sent: Exchange[] = [first, second];
  if (first.status !== 200 || second.status !== 200) {
    return session.fail('query/top-skip', list.id, `GET with $top/$skip answered ${answer(first.status !== 200 ? first : second)}`, sent);
  }
  if (page1?.length !== 1 || page2?.length !== 1) {
    return session.fail('query/top-skip', list.id, `$top=1 returned ${page1?.length ?? 'no'} and $top=1&$skip=1 ${page2?.length ?? 'no'} members; expected 1 each`, sent);
  }
  if (keys.length > 0 && sameKey(page1[0], page2[0], keys)) {
    return session.fail('query/top-skip', list.id, '$skip=1 returned the same member as the first page', sent);
  }
  const nextLink = (first.json as Record<string, unknown>)['@odata.nextLink'];
  if (typeof nextLink === 'string') {
    if (!nextLink.startsWith(session.target.serviceRoot)) {
      return session.fail('query/top-skip', list.id, `@odata.nextLink ${nextLink} is not under the service root ${session.target.serviceRoot}`, sent);
    }
    const next = await session.send(list.id, 'GET', nextLink.slice(session.target.serviceRoot.length));
    const page = values(next);
    sent.push(next);
    if (next.status !== 200 || !page) return session.fail('query/top-skip', list.id, `Following @odata.nextLink answered ${answer(next)}`, sent);
    if (keys.length > 0 && page.some((member) => sameKey(member, page1[0], keys))) {
      return session.fail('query/top-skip', list.id, '@odata.nextLink returned the member of the first page again', sent);
    }
  }
  session.pass('query/top-skip', list.id);
}

export async function entityQueries(session: Session, state: ResourceState): Promise<void> {
  const { read } = state.resource.operations;
  const entity = state.resource.entity;
  if (!read || !entity || !state.exists || !state.entityPath) return;
  if (session.wants('query/select', read.id)) {
    const keys = new Set(keyProperties(session.model, state.type));
    const current = state.current ?? {};
    // A property the entity holds, else any it declares (then only "nothing else came back" is checked).
    const chosen =
      Object.keys(current).find((name) => !keys.has(name)) ??
      allProperties(session.model, state.entityType).find((property) => !keys.has(property.name))?.name;
    if (!chosen) session.skip('query/select', read.id, `${state.entityType.qualifiedName} has no property besides its key to select`);
    else {
      const exchange = await session.send(read.id, 'GET', `${state.entityPath}?$select=${encodeURIComponent(chosen)}`);
      const body = (exchange.json ?? {}) as Record<string, unknown>;
      const extra = Object.keys(current).find((name) => name !== chosen && !keys.has(name) && body[name] !== undefined);
      if (exchange.status !== 200) session.fail('query/select', read.id, `GET with $select=${chosen} answered ${answer(exchange)}`, [exchange]);
      else if (chosen in current && !contains(body[chosen], current[chosen])) session.fail('query/select', read.id, `$select=${chosen} returned ${chosen} as ${render(body[chosen])}; expected ${render(current[chosen])}`, [exchange]);
      else if (extra !== undefined) session.fail('query/select', read.id, `$select=${chosen} also returned ${extra}`, [exchange]);
      else session.pass('query/select', read.id);
    }
  }
  if (session.wants('query/expand', read.id)) {
    const navigation = [...entity.literals.values()].find((child) => child.segment?.kind === 'navigation' && child.contained && child.methods.GET);
    const name = navigation?.segment?.kind === 'navigation' ? navigation.segment.name : undefined;
    if (!name) return;
    const exchange = await session.send(read.id, 'GET', `${state.entityPath}?$expand=${encodeURIComponent(name)}`);
    const body = exchange.json as Record<string, unknown> | undefined;
    if (exchange.status !== 200) session.fail('query/expand', read.id, `GET with $expand=${name} answered ${answer(exchange)}`, [exchange]);
    else if (!body || !(name in body)) session.fail('query/expand', read.id, `$expand=${name} returned no ${name}`, [exchange]);
    else session.pass('query/expand', read.id);
  }
}

function values(exchange: Exchange): Record<string, unknown>[] | undefined {
  const value = (exchange.json as { value?: unknown } | undefined)?.value;
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : undefined;
}

function sameKey(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined, keys: string[]): boolean {
  return a !== undefined && b !== undefined && keys.every((name) => a[name] !== undefined && String(a[name]) === String(b[name]));
}
