/**
 * A model from Graph reference pages alone: resource pages give entity and complex types,
 * API pages give operations, annotated examples give `examples`. Without CSDL, paths cannot
 * be resolved into segments, so docs-only operations have none.
 */
import type { DiagnosticCollector } from '../../diagnostics/collector.ts';
import type { DocPage } from '../../graph-docs/types.ts';
import { compareOperations } from '../operations/derive-operations.ts';
import type { Model, Operation, Schema, SchemaType } from '../types.ts';
import { collectDocOperations, type DocOperation } from './doc-operations.ts';
import { defaultStatus } from '../operations/default-status.ts';
import { applyUrlSettings } from '../operations/url-conventions.ts';
import { collectDocTypes } from './doc-types.ts';
import { docExamples } from './examples.ts';
import { structuredTypesFromDocs } from './types-from-docs.ts';

export function modelFromDocs(pages: DocPage[], diagnostics: DiagnosticCollector): Model {
  const types = structuredTypesFromDocs(collectDocTypes(pages, diagnostics));
  const sorted = [...types].sort((a, b) => compare(a.qualifiedName, b.qualifiedName));
  const model: Model = {
    schemas: schemasOf(sorted),
    types: Object.fromEntries(sorted.map((type): [string, SchemaType] => [type.qualifiedName, type])),
    actions: [],
    functions: [],
    operations: operationsFromDocs(collectDocOperations(pages)),
    examples: docExamples(pages),
    inputs: pages.map((page) => page.file),
  };
  applyUrlSettings(model, { docs: true });
  return model;
}

/** One schema per namespace, placed where its first documented type is. */
function schemasOf(types: SchemaType[]): Schema[] {
  const schemas = new Map<string, Schema>();
  for (const type of types) {
    if (!schemas.has(type.namespace)) schemas.set(type.namespace, { namespace: type.namespace, annotations: [], source: type.source });
  }
  return [...schemas.values()].sort((a, b) => compare(a.namespace, b.namespace));
}

/** Documented operations with the same method and path (v1.0 and beta pages, say) become one. */
export function operationsFromDocs(documented: DocOperation[]): Operation[] {
  const byId = new Map<string, Operation>();
  for (const doc of documented) {
    const operation = toOperation(doc, doc.path, []);
    const existing = byId.get(operation.id);
    if (existing) addDocSources(existing, doc);
    else byId.set(operation.id, operation);
  }
  return [...byId.values()].sort(compareOperations);
}

export function toOperation(doc: DocOperation, path: string, segments: Operation['segments']): Operation {
  const operation: Operation = {
    id: `${doc.method} ${path}`,
    method: doc.method,
    path,
    segments,
    intent: doc.intent,
    successStatus: doc.status ?? defaultStatus(doc.intent, doc.response !== undefined),
    statusSource: doc.status === undefined ? 'default' : 'docs',
    origin: ['docs'],
    sources: [doc.source],
    docPages: [doc.page],
  };
  if (doc.target) operation.target = doc.target;
  const requestBody = requestBodyOf(doc);
  if (requestBody) operation.requestBody = requestBody;
  if (doc.response) operation.response = doc.response;
  if (doc.callableName) operation.callable = `${doc.namespace}.${doc.callableName}`;
  if (doc.description) operation.description = doc.description;
  return operation;
}

/** Modes as for CSDL operations: PUT replaces, so it is checked like a create. */
function requestBodyOf(doc: DocOperation): Operation['requestBody'] {
  const single = doc.requestType ?? (doc.target && { type: doc.target.type, collection: false });
  switch (doc.intent) {
    case 'create':
    case 'replace':
      return single && { ...single, mode: 'create' };
    case 'update':
      return single && { ...single, mode: 'update' };
    case 'action':
      return doc.callableName && doc.requestBodyKind && doc.requestBodyKind !== 'none' ? { type: `${doc.namespace}.${doc.callableName}`, collection: false, mode: 'parameters' } : undefined;
    default:
      return undefined;
  }
}

/** Adds a page and its request line to an operation, keeping both lists sorted and unique. */
export function addDocSources(operation: Operation, doc: DocOperation): void {
  operation.docPages = [...new Set([...(operation.docPages ?? []), doc.page])].sort(compare);
  if (!operation.sources.some((s) => s.file === doc.source.file && s.line === doc.source.line)) operation.sources.push(doc.source);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
