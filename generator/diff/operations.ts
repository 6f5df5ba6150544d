import type { Operation } from '../model/types.ts';
import { byKey, record, unionKeys, type DiffContext } from './context.ts';
import { compareDescriptions } from './descriptions.ts';

/**
 * HTTP operations of the service (the model's `operations`), matched by method and path
 * shape: placeholder names (`{id}` or `{user-id}`) are not part of the URL clients call.
 */
export function compareOperations(context: DiffContext): void {
  const before = byKey(context.old.model.operations, shapeOf);
  const after = byKey(context.new.model.operations, shapeOf);
  for (const key of unionKeys(before, after)) {
    const oldOperation = before.get(key);
    const newOperation = after.get(key);
    if (oldOperation && newOperation) compareOperation(context, oldOperation, newOperation);
    else if (oldOperation) {
      record(context, { kind: 'operation-removed', target: oldOperation.id, message: `Operation removed (${oldOperation.intent})`, old: oldOperation.sources[0] });
    } else if (newOperation) {
      record(context, { kind: 'operation-added', target: newOperation.id, message: `Operation added (${newOperation.intent})`, new: newOperation.sources[0] });
    }
  }
}

/** `GET /users/{}`: case is kept, since OData identifiers are case-sensitive. */
export function shapeOf(operation: Operation): string {
  return `${operation.method} ${operation.path.replace(/\{[^}]*\}/g, '{}')}`;
}

function compareOperation(context: DiffContext, oldOperation: Operation, newOperation: Operation): void {
  const target = newOperation.id;
  const at = { old: oldOperation.sources[0], new: newOperation.sources[0] };
  compareDescriptions(context, target, oldOperation, newOperation, at);
  if (oldOperation.successStatus !== newOperation.successStatus) {
    const message = `Success status changed from ${oldOperation.successStatus} to ${newOperation.successStatus}`;
    record(context, { kind: 'operation-status-changed', target, message, ...at, values: { old: String(oldOperation.successStatus), new: String(newOperation.successStatus) } });
  }
}
