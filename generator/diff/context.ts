import type { Model, SourcePosition, TypeReference } from '../model/types.ts';
import type { Change, ChangePosition } from './change.ts';
import { severityOf, type ChangeKind, type Exposure } from './classify.ts';
import { computeUsage, type Usage } from './usage.ts';

/** One side of the comparison: the model and how clients use its types. */
export interface Side {
  model: Model;
  usage: Usage;
}

/** What the comparisons share: both sides and the changes found so far. */
export interface DiffContext {
  old: Side;
  new: Side;
  changes: Change[];
}

export function createContext(oldModel: Model, newModel: Model): DiffContext {
  return {
    old: { model: oldModel, usage: computeUsage(oldModel) },
    new: { model: newModel, usage: computeUsage(newModel) },
    changes: [],
  };
}

export interface Found {
  kind: ChangeKind;
  target: string;
  message: string;
  /** Where the element is in each input; for an element on one side only, its parent on the other. */
  old?: SourcePosition | undefined;
  new?: SourcePosition | undefined;
  exposure?: Exposure;
  values?: Change['values'];
}

/** Records a change, classified by its kind and how clients are exposed to it. */
export function record(context: DiffContext, found: Found): void {
  const change: Change = {
    kind: found.kind,
    severity: severityOf(found.kind, found.exposure),
    target: found.target,
    message: found.message,
    old: position(found.old),
    new: position(found.new),
  };
  if (found.values) change.values = found.values;
  context.changes.push(change);
}

function position(source: SourcePosition | undefined): ChangePosition | null {
  return source ? { file: source.file, line: source.line } : null;
}

/** `Edm.String`, `Collection(microsoft.graph.user)`: how CSDL writes a type reference. */
export function typeText(reference: TypeReference): string {
  return reference.collection ? `Collection(${reference.type})` : reference.type;
}

/** Names present on either side, sorted, for walking two keyed lists together. */
export function unionKeys(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): string[] {
  const keys = [...a.keys()];
  for (const key of b.keys()) if (!a.has(key)) keys.push(key);
  return keys.sort();
}

/** Indexes a list by a key, first occurrence winning (CSDL names are unique where we index). */
export function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const index = new Map<string, T>();
  for (const item of items) {
    const name = key(item);
    if (!index.has(name)) index.set(name, item);
  }
  return index;
}
