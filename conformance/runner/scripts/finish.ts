import type { Operation } from '../../../generator/model/types.ts';
import { judgeProbe } from '../../checks/probe.ts';
import { existsImplicitly } from '../../handlers/routes.ts';
import { everywhere, judge, type Expectation } from '../../profiles.ts';
import type { Exchange } from '../exchange.ts';
import { memberSegment, type Instances } from '../instances.ts';
import type { Session } from '../session.ts';
import { skipOperation, type ResourceState } from './resource.ts';

/**
 * The end of a resource's sequence, run after everything below it: DELETE, GET (gone: 404, or
 * 204 for a single-valued navigation in the odata profile), DELETE again (404). Then one more
 * entity is created and left behind, for the state check after the run.
 */
export interface Leftover {
  /** The operation that created it (state/isolation is reported there). */
  creator: string;
  read: string;
  path: string;
  single: boolean;
  created: Exchange;
}

export async function finishResource(session: Session, instances: Instances, state: ResourceState, leftovers: Leftover[]): Promise<void> {
  const { remove, read, create, put } = state.resource.operations;
  const entity = state.resource.entity;
  const single = entity?.segment?.kind !== 'key';
  // On a running server, deleting what the suite did not create (and cannot create again) would last.
  const created = single ? put !== undefined && entity !== undefined && !existsImplicitly(entity) : create !== undefined;
  if (remove && session.target.persistent && !created) {
    skipOperation(session, remove, 'the suite did not create this entity, and deleting it on a running server could not be undone');
  } else if (remove && state.entityPath && state.exists) await deleteSequence(session, state, remove, read, single);
  if (read) await leaveOneBehind(session, instances, state, read.id, leftovers);
}

async function deleteSequence(session: Session, state: ResourceState, remove: Operation, read: Operation | undefined, single: boolean): Promise<void> {
  const path = state.entityPath!;
  const deleted = await session.send(remove.id, 'DELETE', path);
  judgeProbe(session, remove, deleted, { graph: [remove.successStatus], odata: [204] });
  state.exists = false;
  if (!read) return;
  const after = await session.send(read.id, 'GET', path);
  const again = await session.send(remove.id, 'DELETE', path);
  const sent = [deleted, after, again];
  const gone: Expectation<number> = single ? { graph: [404], odata: [204] } : everywhere(404);
  if (deleted.status < 200 || deleted.status >= 300) {
    session.fail('sequence/delete-read', remove.id, `DELETE answered ${deleted.status || 'nothing'}`, sent);
    return;
  }
  const afterJudgement = judge(after.status, gone, session.profile);
  const againJudgement = judge(again.status, everywhere(404), session.profile);
  if (after.status === 200) {
    session.fail('sequence/delete-read', remove.id, 'GET after DELETE answered 200: the entity is still there', sent);
  } else if (!afterJudgement.ok) {
    session.fail('sequence/delete-read', remove.id, `GET after DELETE answered ${after.status || 'nothing'}; expected ${expectedText(gone, session.profile)}`, sent);
  } else if (!againJudgement.ok) {
    session.fail('sequence/delete-read', remove.id, `DELETE of the deleted entity answered ${again.status || 'nothing'}; expected 404`, sent);
  } else {
    session.pass('sequence/delete-read', remove.id, afterJudgement.difference && `difference: GET after DELETE: ${afterJudgement.difference}`);
  }
}

function expectedText(expectation: Expectation<number>, profile: Session['profile']): string {
  const values = profile === 'lenient' ? [...new Set([...expectation.graph, ...expectation.odata])] : expectation[profile];
  return values.join(' or ');
}

async function leaveOneBehind(session: Session, instances: Instances, state: ResourceState, read: string, leftovers: Leftover[]): Promise<void> {
  const { create, put } = state.resource.operations;
  const entity = state.resource.entity;
  const creator = create ?? put;
  if (creator && session.target.persistent && !session.target.reset && session.wants('state/isolation', creator.id)) {
    // Nothing to leave behind: a running server cannot be reset by the suite, and what the run creates it deletes.
    return session.skip('state/isolation', creator.id, 'a running server cannot be reset by the suite');
  }
  if (create && entity && session.wants('state/isolation', create.id) && state.collectionPath !== undefined) {
    const keys = instances.freshKeys(state.type);
    const body = instances.createBody(state.type, keys, session.nextVariant());
    if (!body) return session.skip('state/isolation', create.id, `no valid body can be built for ${state.type.qualifiedName}`);
    const created = await session.send(create.id, 'POST', state.collectionPath, { body });
    if (created.status < 200 || created.status >= 300) return session.skip('state/isolation', create.id, `the create request answered ${created.status || 'nothing'}`);
    const path = `${state.collectionPath}${memberSegment(entity, state.type, instances.keysFromResponse(state.type, created, keys), session)}`;
    leftovers.push({ creator: create.id, read, path, single: false, created });
  } else if (put && entity && !existsImplicitly(entity) && session.wants('state/isolation', put.id) && state.entityPath) {
    const body = instances.createBody(state.type, undefined, session.nextVariant());
    if (!body) return session.skip('state/isolation', put.id, `no valid body can be built for ${state.type.qualifiedName}`);
    const created = await session.send(put.id, 'PUT', state.entityPath, { body });
    if (created.status < 200 || created.status >= 300) return session.skip('state/isolation', put.id, `the PUT answered ${created.status || 'nothing'}`);
    leftovers.push({ creator: put.id, read, path: state.entityPath, single: true, created });
  }
}

/**
 * After the run: reset the target (the module's `reset()`, and msw's `resetHandlers()` with
 * setupServer), then each entity left behind must be gone.
 */
export async function checkIsolation(session: Session, leftovers: readonly Leftover[]): Promise<void> {
  if (leftovers.length === 0) return;
  const { target } = session;
  if (!target.reset && target.persistent) {
    for (const leftover of leftovers) session.skip('state/isolation', leftover.creator, 'a running server cannot be reset by the suite');
    return;
  }
  if (target.reset) await target.reset();
  // Parents before children: reading a child may make up its missing parents (lenient profile).
  const ordered = [...leftovers].sort((a, b) => a.path.split('/').length - b.path.split('/').length);
  for (const leftover of ordered) {
    const after = await session.send(leftover.read, 'GET', leftover.path);
    if (after.status !== 200) {
      session.pass('state/isolation', leftover.creator);
      continue;
    }
    const advice = target.reset
      ? 'it is still there after reset()'
      : 'the target keeps state between runs and has no reset(): export a reset() that clears the store, and call it between tests';
    session.fail('state/isolation', leftover.creator, `An entity created before the reset reads back with 200: ${advice}`, [leftover.created, after]);
  }
}
