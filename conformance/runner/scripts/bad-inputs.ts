import { keyProperties } from '../../../generator/model/queries.ts';
import type { Operation } from '../../../generator/model/types.ts';
import type { CheckId } from '../../checks/catalog.ts';
import { answer } from '../../checks/probe.ts';
import { patchBody, wrongValue } from '../../samples/patch.ts';
import type { Exchange } from '../exchange.ts';
import type { Instances } from '../instances.ts';
import type { Session } from '../session.ts';
import type { ResourceState } from './resource.ts';

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
  /** The base with a key changed, for PATCH. */
  changedKey?(): Record<string, unknown> | string;
  unknownName: string;
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
        unknownName: 'odatakitUnknownProperty',
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
      changedKey: () => {
        const names = keyProperties(model, type);
        if (names.length === 0) return `${type.qualifiedName} has no key`;
        const other = instances.freshKeys(type);
        return { ...base, [names[0]!]: other[names[0]!] };
      },
      unknownName: 'odatakitUnknownProperty',
    });
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

const INPUT_CHECKS: CheckId[] = ['input/unknown-property', 'input/wrong-type', 'input/read-only-key', 'input/malformed-json', 'input/content-type'];

function wantsAny(session: Session, operation: string): boolean {
  return INPUT_CHECKS.some((id) => session.wants(id, operation));
}

export async function refuse(session: Session, operation: Operation, path: string, spoilers: Spoilers): Promise<void> {
  const id = operation.id;
  const send = (body: unknown, contentType?: string) => session.send(id, operation.method, path, { body, ...(contentType && { contentType }) });
  if (session.wants('input/unknown-property', id)) {
    const exchange = await send({ ...spoilers.base, [spoilers.unknownName]: 'odatakit' });
    judgeRefusal(session, 'input/unknown-property', id, exchange, 400, `A body with the unknown ${spoilers.unknownName}`);
  }
  if (session.wants('input/wrong-type', id)) {
    const body = spoilers.wrongType();
    if (typeof body === 'string') session.skip('input/wrong-type', id, body);
    else judgeRefusal(session, 'input/wrong-type', id, await send(body), 400, 'A body with a value of the wrong type');
  }
  if (spoilers.changedKey && session.wants('input/read-only-key', id)) {
    const body = spoilers.changedKey();
    if (typeof body === 'string') session.skip('input/read-only-key', id, body);
    else judgeRefusal(session, 'input/read-only-key', id, await send(body), 400, 'A PATCH that changes the key');
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
