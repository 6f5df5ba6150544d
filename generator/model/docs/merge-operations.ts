/**
 * Documented operations against CSDL operations. A documented one matches a CSDL one by
 * method and path shape (placeholder names and namespace qualifiers ignored) and gives it
 * the documented status, description and pages. One that matches none is added when its
 * path resolves in the model: with the path and segments of a CSDL operation of the same
 * shape when there is one (so CSDL placeholder names win), else resolved segment by segment.
 */
import type { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { memo } from '../memo.ts';
import { compareOperations } from '../operations/derive-operations.ts';
import { pathShape, renderPath } from '../operations/path-template.ts';
import type { Model, Operation, TypeReference } from '../types.ts';
import type { DocOperation } from './doc-operations.ts';
import { addDocSources, toOperation } from './model-from-docs.ts';
import { resolvePath } from './resolve-path.ts';

/** Mutates `model.operations` (the caller's own copy) and re-sorts them. */
export function mergeDocOperations(model: Model, documented: DocOperation[], diagnostics: DiagnosticCollector): void {
  const byShape = new Map<string, Operation[]>();
  // Operations share paths (Graph: 14,601 operations, 8,864 paths): each shape worked out once.
  const shapes = new Map<string, string>();
  const shapeOfPath = (path: string) => memo(shapes, path, () => shapeOf(path));
  const index = (operation: Operation) => {
    const shape = shapeOfPath(operation.path);
    const list = byShape.get(shape);
    if (list) list.push(operation);
    else byShape.set(shape, [operation]);
  };
  model.operations.forEach(index);
  const count = model.operations.length;
  for (const doc of documented) {
    const sameShape = byShape.get(shapeOfPath(doc.path)) ?? [];
    const match = sameShape.find((operation) => operation.method === doc.method);
    if (match) {
      enrich(match, doc);
      continue;
    }
    const added = addedOperation(model, doc, sameShape[0]);
    if (!added) {
      diagnostics.report('merge/unknown-operation-path', doc.source, { method: doc.method, path: doc.path });
      continue;
    }
    diagnostics.report('merge/operation-only-in-docs', doc.source, { method: doc.method, path: added.path });
    model.operations.push(added);
    index(added);
  }
  // Enriching keeps the order (path, then method); only added operations need a place.
  if (model.operations.length > count) model.operations.sort(compareOperations);
}

/**
 * Placeholder names erased (`{id}` matches `{tenantId}`), a key placeholder in parentheses
 * read as a key segment (`users({id})` and `users('{id}')` are `users/{id}`), and namespace
 * qualifiers dropped from segments, since Graph pages call bound actions by their simple name.
 */
export function shapeOf(path: string): string {
  return pathShape(path)
    .replace(/\('?\{\}'?\)(?=\/|$)/g, '/{}')
    .split('/')
    .map((segment) => segment.replace(/^(?:[a-z_]\w*\.)+(?=[a-z_]\w*(?:\(|$))/i, ''))
    .join('/');
}

function enrich(operation: Operation, doc: DocOperation): void {
  if (doc.status !== undefined) {
    operation.successStatus = doc.status;
    operation.statusSource = 'docs';
  }
  if (operation.description === undefined && doc.description !== undefined) operation.description = doc.description;
  addDocSources(operation, doc);
  if (!operation.origin.includes('docs')) operation.origin = [...operation.origin, 'docs'];
}

function addedOperation(model: Model, doc: DocOperation, template: Operation | undefined): Operation | undefined {
  if (template) {
    const added = toOperation(doc, template.path, template.segments);
    retarget(added, template.target, template.callable);
    return added;
  }
  const resolved = resolvePath(model, doc.path);
  if (!resolved) return undefined;
  const added = toOperation(doc, renderPath(resolved.segments), resolved.segments);
  retarget(added, resolved.target, resolved.callable?.qualifiedName);
  return added;
}

const BODY_MODES: Partial<Record<Operation['intent'], 'create' | 'update'>> = { create: 'create', replace: 'create', update: 'update' };

/** The CSDL knows what the path addresses; the docs' guess from the page gives way. */
function retarget(operation: Operation, target: TypeReference | undefined, callable: string | undefined): void {
  if (callable) {
    operation.callable = callable;
    if (operation.requestBody?.mode === 'parameters') operation.requestBody = { ...operation.requestBody, type: callable };
    return;
  }
  if (!target) return;
  operation.target = target;
  const mode = BODY_MODES[operation.intent];
  if (mode) operation.requestBody = { type: target.type, collection: false, mode };
  if (operation.intent === 'read' || operation.intent === 'list') operation.response = target;
}
