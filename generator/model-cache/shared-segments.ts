import type { Model, Operation, PathSegment } from '../model/types.ts';

/**
 * Operations' path segments, written once each. The build shares them: the 14,601 operations
 * of Graph v1.0 hold 84,142 segment references but only about 9,400 distinct segment objects
 * and lists (GET, PATCH and DELETE of a path share one list; /a/b/c shares /a/b's segments).
 * Plain JSON writes every reference out (8.7 MB of the 24 MB entry, 40% of its objects); here
 * each segment object and each list is written once and operations name their list by index.
 * Decoding restores exactly the sharing the build made, never more (it goes by identity),
 * so the loaded model is the built one, object for object in its segments.
 */
export interface SharedSegments {
  /** Every distinct segment object, in first-use order. */
  segments: PathSegment[];
  /** Every distinct segment list, as indexes into `segments`. */
  lists: number[][];
}

/** The model with each operation's `segments` replaced by the index of its list (same key order). */
export function shareSegments(model: Model): { model: Model; shared: SharedSegments } {
  const segmentIndex = new Map<PathSegment, number>();
  const listIndex = new Map<PathSegment[], number>();
  const shared: SharedSegments = { segments: [], lists: [] };
  const indexOf = (segment: PathSegment): number => {
    let index = segmentIndex.get(segment);
    if (index === undefined) segmentIndex.set(segment, (index = shared.segments.push(segment) - 1));
    return index;
  };
  const listOf = (list: PathSegment[]): number => {
    let index = listIndex.get(list);
    if (index === undefined) listIndex.set(list, (index = shared.lists.push(list.map(indexOf)) - 1));
    return index;
  };
  const operations = model.operations.map((operation) => ({ ...operation, segments: listOf(operation.segments) as unknown as PathSegment[] }));
  return { model: { ...model, operations }, shared };
}

/**
 * Puts the segment lists back into the operations, in place. False (and the model unusable)
 * when the entry does not fit together: a list or segment index that is not one.
 */
export function restoreSegments(model: Model, shared: SharedSegments): boolean {
  const { segments, lists } = shared;
  if (!Array.isArray(segments) || !Array.isArray(lists)) return false;
  const restored: PathSegment[][] = [];
  for (const ids of lists) {
    if (!Array.isArray(ids)) return false;
    const list: PathSegment[] = [];
    for (const id of ids) {
      const segment = Number.isInteger(id) ? segments[id] : undefined;
      if (typeof segment !== 'object' || segment === null) return false;
      list.push(segment);
    }
    restored.push(list);
  }
  for (const operation of model.operations as (Operation | null)[]) {
    if (typeof operation !== 'object' || operation === null) return false;
    const index = operation.segments as unknown as number;
    const list = Number.isInteger(index) ? restored[index] : undefined;
    if (list === undefined) return false;
    operation.segments = list;
  }
  return true;
}
