import type { EntityContainer, EntitySet, OperationImport, Singleton } from '../model/types.ts';
import { byKey, record, unionKeys, type DiffContext } from './context.ts';
import { compareDescriptions } from './descriptions.ts';

/**
 * The entity container (CSDL XML 13): entity sets, singletons and operation imports are the
 * entry points of the service, matched by name.
 */
export function compareContainers(context: DiffContext): void {
  const before = context.old.model.entityContainer;
  const after = context.new.model.entityContainer;
  const prefix = (after ?? before)?.qualifiedName;
  if (prefix === undefined) return;
  const at = { old: before?.source, new: after?.source };
  if (before && after) compareDescriptions(context, prefix, before, after, at);
  compareItems(context, prefix, before?.entitySets ?? [], after?.entitySets ?? [], at, 'entity-set');
  compareItems(context, prefix, before?.singletons ?? [], after?.singletons ?? [], at, 'singleton');
  compareImports(context, prefix, before, after);
}

type Item = EntitySet | Singleton;

function typeOf(item: Item): string {
  return item.kind === 'entitySet' ? item.entityType : item.type;
}

function compareItems(
  context: DiffContext,
  prefix: string,
  beforeItems: Item[],
  afterItems: Item[],
  container: { old?: EntityContainer['source'] | undefined; new?: EntityContainer['source'] | undefined },
  kind: 'entity-set' | 'singleton',
): void {
  const before = byKey(beforeItems, (item) => item.name);
  const after = byKey(afterItems, (item) => item.name);
  const label = kind === 'entity-set' ? 'Entity set' : 'Singleton';
  for (const name of unionKeys(before, after)) {
    const target = `${prefix}/${name}`;
    const oldItem = before.get(name);
    const newItem = after.get(name);
    if (oldItem && newItem) {
      const at = { old: oldItem.source, new: newItem.source };
      compareDescriptions(context, target, oldItem, newItem, at);
      if (typeOf(oldItem) !== typeOf(newItem)) {
        const message = `${label} type changed from ${typeOf(oldItem)} to ${typeOf(newItem)}`;
        record(context, { kind: 'container-type-changed', target, message, ...at, values: { old: typeOf(oldItem), new: typeOf(newItem) } });
      }
    } else if (oldItem) {
      record(context, { kind: `${kind}-removed`, target, message: `${label} removed (was ${typeOf(oldItem)})`, old: oldItem.source, new: container.new });
    } else if (newItem) {
      record(context, { kind: `${kind}-added`, target, message: `${label} added (${typeOf(newItem)})`, old: container.old, new: newItem.source });
    }
  }
}

function compareImports(context: DiffContext, prefix: string, before: EntityContainer | undefined, after: EntityContainer | undefined): void {
  const oldImports = byKey(before?.operationImports ?? [], (item) => item.name);
  const newImports = byKey(after?.operationImports ?? [], (item) => item.name);
  for (const name of unionKeys(oldImports, newImports)) {
    const target = `${prefix}/${name}`;
    const oldImport = oldImports.get(name);
    const newImport = newImports.get(name);
    if (oldImport && newImport) compareImport(context, target, oldImport, newImport);
    else if (oldImport) {
      record(context, { kind: 'operation-import-removed', target, message: `${importText(oldImport)} removed`, old: oldImport.source, new: after?.source });
    } else if (newImport) {
      record(context, { kind: 'operation-import-added', target, message: `${importText(newImport)} added`, old: before?.source, new: newImport.source });
    }
  }
}

function importText(item: OperationImport): string {
  return `${item.kind === 'actionImport' ? 'Action' : 'Function'} import of ${item.operation}`;
}

function compareImport(context: DiffContext, target: string, oldImport: OperationImport, newImport: OperationImport): void {
  const at = { old: oldImport.source, new: newImport.source };
  compareDescriptions(context, target, oldImport, newImport, at);
  if (oldImport.kind !== newImport.kind || oldImport.operation !== newImport.operation) {
    // Another callable behind the same URL: for clients, the old import is gone.
    record(context, { kind: 'operation-import-removed', target, message: `${importText(oldImport)} replaced by ${importText(newImport)}`, ...at });
  }
}
