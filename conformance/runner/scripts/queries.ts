import { allProperties, keyProperties } from '../../../generator/model/queries.ts';
import type { Operation } from '../../../generator/model/types.ts';
import { contains, render } from '../../checks/compare.ts';
import { answer } from '../../checks/probe.ts';
import { judge, type Expectation } from '../../profiles.ts';
import { patchBody } from '../../samples/patch.ts';
import { memberSegment, type Instances } from '../instances.ts';
import { queryRestrictions, restricts } from '../query-restrictions.ts';
import type { Session } from '../session.ts';
import { checkCount } from './count.ts';
import { checkFilter } from './filter.ts';
import { checkOrderby } from './orderby.ts';
import { checkPaging } from './paging.ts';
import { createQueryMembers } from './query-members.ts';
import type { ResourceState } from './resource.ts';

/**
 * Requests to a key that does not exist (404), and the query options of a collection
 * (`$filter`, `$orderby`, `$top`/`$skip`/`@odata.nextLink`, `$count`: each in its own file) and
 * of an entity (`$select`, `$expand`).
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

/** The collection's query checks, over three members created for them (`query-members.ts`). */
export async function collectionQueries(session: Session, instances: Instances, state: ResourceState): Promise<void> {
  const { list, create } = state.resource.operations;
  if (!list || !create || state.collectionPath === undefined) return;
  const wanted = COLLECTION_CHECKS.filter((id) => session.wants(id, list.id));
  if (wanted.length === 0) return;
  const made = state.exists ? await createQueryMembers(session, instances, state, create) : { ok: false as const, reason: 'the first create did not succeed' };
  if (!made.ok) {
    for (const id of wanted) session.skip(id, list.id, `members could not be created to query: ${made.reason}`);
    return;
  }
  const { fixture } = made;
  const path = state.collectionPath;
  if (wanted.includes('query/filter')) await checkFilter(session, fixture, list, path);
  if (wanted.includes('query/orderby')) await checkOrderby(session, fixture, list, path);
  if (wanted.includes('query/top-skip')) await checkPaging(session, state, fixture, list);
  if (wanted.includes('query/count')) await checkCount(session, fixture, list, path);
}

const COLLECTION_CHECKS = ['query/filter', 'query/orderby', 'query/top-skip', 'query/count'] as const;

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
    // What ExpandRestrictions forbid is skipped (Expandable false) or not chosen (NonExpandableProperties).
    const restrictions = queryRestrictions(session.model, entity);
    if (restrictions.expandable === false) return session.skip('query/expand', read.id, 'the model says $expand is not supported here (ExpandRestrictions/Expandable is false)');
    const navigation = [...entity.literals.values()].find(
      (child) => child.segment?.kind === 'navigation' && child.contained && child.methods.GET && !restricts(restrictions.nonExpandable, child.segment.name),
    );
    const name = navigation?.segment?.kind === 'navigation' ? navigation.segment.name : undefined;
    if (!name) return session.skip('query/expand', read.id, 'every contained navigation is non-expandable here (ExpandRestrictions/NonExpandableProperties)');
    const exchange = await session.send(read.id, 'GET', `${state.entityPath}?$expand=${encodeURIComponent(name)}`);
    const body = exchange.json as Record<string, unknown> | undefined;
    if (exchange.status !== 200) session.fail('query/expand', read.id, `GET with $expand=${name} answered ${answer(exchange)}`, [exchange]);
    else if (!body || !(name in body)) session.fail('query/expand', read.id, `$expand=${name} returned no ${name}`, [exchange]);
    else session.pass('query/expand', read.id);
  }
}
