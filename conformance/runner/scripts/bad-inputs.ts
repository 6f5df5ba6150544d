import { keyProperties } from '../../../generator/model/queries.ts';
import type { Operation } from '../../../generator/model/types.ts';
import type { CheckId } from '../../checks/catalog.ts';
import { answer } from '../../checks/probe.ts';
import { outOfRangeValues, patchBody, wrongValue } from '../../samples/patch.ts';
import { parseBody, type Exchange } from '../exchange.ts';
import { render } from '../../checks/compare.ts';
import { memberSegment, type Instances } from '../instances.ts';
import type { Session } from '../session.ts';
import { structural, type ResourceState } from './resource.ts';

/**
 * Requests that must be refused with a 4xx OData error: an unknown property (non-open types),
 * a value of the wrong type, a key changed by PATCH, a body that is not JSON, and a body that
 * is not labelled application/json. Each starts from a valid body and spoils one thing.
 */
export interface Spoilers {
  /** A valid body to spoil. */
  base: Record<string, unknown>;
  /** The base with one value of the wrong kind, or why there is none. */
  wrongType(): Record<string, unknown> | string;
  /** More wrong values of the right JSON kind (out of range, a fraction for an integer). */
  outOfRange?(): { what: string; body: Record<string, unknown> }[];
  unknownName: string;
  /** Called when a spoiled request was accepted (2xx), with the body sent: a create to clean up. */
  accepted?(exchange: Exchange, body: unknown): Promise<void>;
}

/**
 * A create the target should have refused but accepted: deleted at once, so that what it stored
 * does not fail later checks on the collection (the failure is reported here), and remembered.
 */
export async function dropAccepted(session: Session, instances: Instances, state: ResourceState, exchange: Exchange, body: unknown): Promise<void> {
  const member = state.resource.entity;
  if (!member || state.collectionPath === undefined || typeof body !== 'object' || body === null) return;
  const keys = instances.keysFromResponse(state.type, exchange, body as Record<string, unknown>);
  if (!keyProperties(session.model, state.type).every((name) => keys[name] !== undefined)) return;
  const path = session.created(`${state.collectionPath}${memberSegment(member, state.type, keys, session)}`);
  if (path !== state.entityPath) await session.send(undefined, 'DELETE', path);
}

export async function badInputsForResource(session: Session, instances: Instances, state: ResourceState): Promise<void> {
  const { create, update, put } = state.resource.operations;
  const { model, validator } = session;
  const type = state.type;
  if (create && state.collectionPath !== undefined && wantsAny(session, create.id)) {
    const base = instances.createBody(type, instances.freshKeys(type), session.nextVariant());
    if (base) {
      await refuse(session, create, state.collectionPath, {
        base,
        wrongType: () => wrongValue(model, validator, type, base, 'create')?.body ?? `${type.qualifiedName} has no property a wrong value can be sent for`,
        outOfRange: () => outOfRangeValues(model, validator, type, base, 'create'),
        unknownName: 'odatakitUnknownProperty',
        accepted: (exchange, body) => dropAccepted(session, instances, state, exchange, body),
      });
    }
  }
  if (!state.exists || !state.entityPath) return;
  if (update && wantsAny(session, update.id)) {
    const own = state.entityType;
    const base = patchBody(model, validator, own, state.current ?? {}, session.nextVariant()) ?? {};
    await refuse(session, update, state.entityPath, {
      base,
      wrongType: () => wrongValue(model, validator, own, base, 'update')?.body ?? `${own.qualifiedName} has no property a wrong value can be sent for`,
      outOfRange: () => outOfRangeValues(model, validator, own, base, 'update'),
      unknownName: 'odatakitUnknownProperty',
    });
    if (session.wants('input/read-only-key', update.id)) await readOnlyKey(session, instances, state, update, base);
  }
  if (put && wantsAny(session, put.id)) {
    const isMember = state.resource.entity?.segment?.kind === 'key';
    const base = instances.createBody(type, isMember ? state.keys : undefined, session.nextVariant(), 1);
    if (base) {
      await refuse(session, put, state.entityPath, {
        base,
        wrongType: () => wrongValue(model, validator, type, base, 'create')?.body ?? `${type.qualifiedName} has no property a wrong value can be sent for`,
        unknownName: 'odatakitUnknownProperty',
      });
    }
  }
}

/**
 * OData Protocol 4.01 §11.4.3: key values in an update body are not updatable, and a service
 * MUST ignore them (or refuse the request: 400). Either way the entity keeps its key: it still
 * reads back at its own URL, with its own key, and nothing appears at the key sent.
 */
async function readOnlyKey(session: Session, instances: Instances, state: ResourceState, update: Operation, base: Record<string, unknown>): Promise<void> {
  const names = keyProperties(session.model, state.type);
  const member = state.resource.entity;
  if (names.length === 0 || !member) return session.skip('input/read-only-key', update.id, `${state.type.qualifiedName} has no key`);
  const other = instances.freshKeys(state.type);
  if (member.segment?.kind !== 'key' || !state.keys || state.collectionPath === undefined) return readOnlyKeyOfSingle(session, state, update, base, names[0]!, other[names[0]!]);
  const changed = { ...base, [names[0]!]: other[names[0]!] };
  const patched = await session.send(update.id, 'PATCH', state.entityPath!, { body: changed });
  const status = patched.status;
  if (status === 400 || (session.profile === 'lenient' && status >= 400 && status < 500 && status !== 404 && status !== 405)) {
    return session.pass('input/read-only-key', update.id, 'refused');
  }
  if (status < 200 || status >= 300) {
    return session.fail('input/read-only-key', update.id, `A PATCH whose body changes the key ${names[0]} answered ${answer(patched)}; expected the key to be ignored (2xx) or the request refused (400)`, [patched]);
  }
  const movedTo = `${state.collectionPath}${memberSegment(member, state.type, { ...state.keys, [names[0]!]: other[names[0]!] }, session)}`;
  const own = await session.send(undefined, 'GET', state.entityPath!);
  const moved = await session.send(undefined, 'GET', movedTo);
  if (moved.status >= 200 && moved.status < 300) session.created(movedTo);
  const body = own.json as Record<string, unknown> | undefined;
  const sent = [patched, own, moved];
  if (own.status !== 200 || !body) {
    session.fail('input/read-only-key', update.id, `After a PATCH that sent another ${names[0]}, GET of the entity answered ${answer(own)}: the key changed (a service MUST ignore key values in an update)`, sent);
  } else if (names.some((name) => String(body[name]) !== String(state.keys![name]))) {
    session.fail('input/read-only-key', update.id, `After a PATCH that sent another ${names[0]}, the entity reads back with ${names[0]} ${render(body[names[0]!])}, not ${render(state.keys[names[0]!])}`, sent);
  } else if (moved.status === 200) {
    session.fail('input/read-only-key', update.id, `After a PATCH that sent another ${names[0]}, an entity answers at ${movedTo}: the key was not ignored`, sent);
  } else {
    state.current = { ...state.current, ...structural(base) };
    session.pass('input/read-only-key', update.id, 'the key was ignored');
  }
}

/** A single entity (a single-valued navigation): its key is not in its URL, so only "unchanged afterwards" or 400. */
async function readOnlyKeyOfSingle(session: Session, state: ResourceState, update: Operation, base: Record<string, unknown>, name: string, value: unknown): Promise<void> {
  const patched = await session.send(update.id, 'PATCH', state.entityPath!, { body: { ...base, [name]: value } });
  const status = patched.status;
  if (status === 400 || (session.profile === 'lenient' && status >= 400 && status < 500 && status !== 404 && status !== 405)) return session.pass('input/read-only-key', update.id, 'refused');
  if (status < 200 || status >= 300) return session.fail('input/read-only-key', update.id, `A PATCH whose body changes the key ${name} answered ${answer(patched)}; expected the key to be ignored (2xx) or the request refused (400)`, [patched]);
  const own = await session.send(undefined, 'GET', state.entityPath!);
  const body = own.json as Record<string, unknown> | undefined;
  if (own.status === 200 && body && String(body[name]) === String(value)) {
    return session.fail('input/read-only-key', update.id, `After a PATCH that sent ${name} ${render(value)}, the entity reads back with it: the key changed (a service MUST ignore key values in an update)`, [patched, own]);
  }
  state.current = { ...state.current, ...structural(base) };
  session.pass('input/read-only-key', update.id, 'the key was ignored');
}

const INPUT_CHECKS: CheckId[] = ['input/unknown-property', 'input/wrong-type', 'input/read-only-key', 'input/malformed-json', 'input/content-type'];

function wantsAny(session: Session, operation: string): boolean {
  return INPUT_CHECKS.some((id) => session.wants(id, operation));
}

export async function refuse(session: Session, operation: Operation, path: string, spoilers: Spoilers): Promise<void> {
  const id = operation.id;
  const send = async (body: unknown, contentType?: string) => {
    const exchange = await session.send(id, operation.method, path, { body, ...(contentType && { contentType }) });
    if (exchange.status >= 200 && exchange.status < 300) await spoilers.accepted?.(exchange, typeof body === 'string' ? parseBody(body) : body);
    return exchange;
  };
  if (session.wants('input/unknown-property', id)) {
    const exchange = await send({ ...spoilers.base, [spoilers.unknownName]: 'odatakit' });
    judgeRefusal(session, 'input/unknown-property', id, exchange, 400, `A body with the unknown ${spoilers.unknownName}`);
  }
  if (session.wants('input/wrong-type', id)) {
    const body = spoilers.wrongType();
    if (typeof body === 'string') session.skip('input/wrong-type', id, body);
    else judgeRefusal(session, 'input/wrong-type', id, await send(body), 400, 'A body with a value of the wrong type');
    for (const { what, body: spoiled } of spoilers.outOfRange?.() ?? []) {
      if (session.outcome('input/wrong-type', id)?.status === 'fail') break;
      judgeRefusal(session, 'input/wrong-type', id, await send(spoiled), 400, `A body with ${what}`);
    }
  }
  if (session.wants('input/malformed-json', id)) {
    judgeRefusal(session, 'input/malformed-json', id, await send('{"odatakit": '), 400, 'A body that is not JSON');
  }
  if (session.wants('input/content-type', id)) {
    judgeRefusal(session, 'input/content-type', id, await send(JSON.stringify(spoilers.base), 'text/plain'), 415, 'A JSON body labelled text/plain');
  }
}

/**
 * The graph and odata profiles want the exact status (400, or 415); lenient any 4xx that shows
 * the request reached the operation (not 404 or 405).
 */
export function judgeRefusal(session: Session, check: CheckId, operation: string, exchange: Exchange, expected: number, what: string): void {
  const status = exchange.status;
  if (status === expected) return session.pass(check, operation);
  const lenientOk = session.profile === 'lenient' && status >= 400 && status < 500 && status !== 404 && status !== 405;
  if (lenientOk) return session.pass(check, operation);
  const verdict = status >= 200 && status < 300 ? `was accepted (${status})` : `answered ${answer(exchange)}`;
  session.fail(check, operation, `${what} ${verdict}; expected ${expected}`, [exchange]);
}
