import { keyProperties, lookupStructuredType } from '../../generator/model/queries.ts';
import type { Model, Operation, PathSegment } from '../../generator/model/types.ts';

/**
 * Segments for operations that have none: a model from Graph reference pages alone has no
 * entity container, so its paths cannot be resolved (generator/model/docs/model-from-docs.ts).
 * The suite still has to test them (the starting resource, as its pages describe it, is the
 * first thing users try), so the path template is read as OData URL Conventions 4.0 §4 writes
 * it: `{placeholder}` is a key, the segment before a key is a collection, the first segment an
 * entity set or a singleton, the others contained navigations. Only the last segment has a
 * known type (the operation's target); parents get none, and the suite assumes they exist.
 */
export function withPathSegments(model: Model, operations: readonly Operation[]): Operation[] {
  return operations.map((operation) => (operation.segments.length > 0 || !operation.path.startsWith('/') ? operation : { ...operation, segments: segmentsOf(model, operation) }));
}

function segmentsOf(model: Model, operation: Operation): PathSegment[] {
  const parts = operation.path.split('/').slice(1);
  const target = operation.target;
  const targetType = target?.type ?? '';
  const segments: PathSegment[] = [];
  const used = new Set<string>();
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    const placeholder = /^\{([^{}]+)\}$/.exec(part)?.[1];
    if (placeholder !== undefined) {
      const memberType = last ? targetType : '';
      const type = lookupStructuredType(model, memberType);
      const keys = type && type.kind === 'entity' && keyProperties(model, type).length === 1 ? keyProperties(model, type) : [placeholder];
      segments.push({ kind: 'key', keyProperties: keys, placeholders: [placeholder], type: memberType });
      used.add(placeholder);
      return;
    }
    const beforeKey = /^\{[^{}]+\}$/.test(parts[index + 1] ?? '');
    const collection = beforeKey || (last && target?.collection === true);
    // A collection's type is its members' type: the target when the key after it ends the path.
    const type = last ? targetType : beforeKey && index + 1 === parts.length - 1 ? targetType : '';
    if (index === 0) segments.push(collection ? { kind: 'entitySet', name: part, type } : { kind: 'singleton', name: part, type });
    else segments.push({ kind: 'navigation', name: part, type, collection, containsTarget: true });
  });
  return segments;
}
