/**
 * Operations documented by API pages: one per request line of the "HTTP request" section,
 * with the intent read from the method and the page, the success status the Response
 * section states, and the resource the page documents (the resource page whose method
 * table links to it, else the response or request body type).
 */
import { linkedPagePath, normalizePagePath } from '../../graph-docs/page-path.ts';
import type { DocPage, DocTypeRef } from '../../graph-docs/types.ts';
import type { HttpMethod, Operation, OperationIntent, SourcePosition, TypeReference } from '../types.ts';
import { qualifyName } from './names.ts';

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export interface DocOperation {
  method: HttpMethod;
  /** As the page writes it, `{id}`-style placeholders kept. */
  path: string;
  intent: OperationIntent;
  target?: TypeReference;
  response?: TypeReference;
  requestType?: TypeReference;
  /** What the Request body section says: no body, a type, or a table of properties or parameters. */
  requestBodyKind?: 'none' | 'type' | 'properties';
  /** Absent when the page does not state it. */
  status?: number;
  description?: string;
  /** For actions and functions: the last path segment's name. */
  callableName?: string;
  namespace: string;
  page: string;
  source: SourcePosition;
}

export function collectDocOperations(pages: DocPage[]): DocOperation[] {
  const targets = methodTargets(pages);
  const operations: DocOperation[] = [];
  for (const page of pages) {
    if (page.kind !== 'api') continue;
    const namespace = page.namespace?.text ?? 'microsoft.graph';
    for (const line of page.requestLines) {
      if (!METHODS.has(line.method)) continue;
      operations.push(operationOf(page, line.method as HttpMethod, line.path, line.source, namespace, targets.get(pageKey(page.file))));
    }
  }
  return operations;
}

function operationOf(
  page: DocPage,
  method: HttpMethod,
  urlPath: string,
  source: SourcePosition,
  namespace: string,
  linkedTarget: string | undefined,
): DocOperation {
  const response = typeOf(page.success?.responseType, namespace);
  const requestType = typeOf(page.requestBody?.type, namespace);
  const intent = intentOf(page, method, urlPath, response);
  const operation: DocOperation = { method, path: urlPath, intent, namespace, page: page.file, source };
  const target = linkedTarget ? { type: linkedTarget, collection: intent === 'list' } : (response ?? requestType);
  if (target && intent !== 'action' && intent !== 'function') operation.target = target;
  if (response && page.success?.status !== 204) operation.response = response;
  if (requestType) operation.requestType = requestType;
  if (page.requestBody) operation.requestBodyKind = page.requestBody.kind;
  if (page.success) operation.status = page.success.status;
  const description = page.description?.text ?? frontMatterDescription(page);
  if (description) operation.description = description;
  if (intent === 'action' || intent === 'function') operation.callableName = lastSegmentName(urlPath);
  return operation;
}

/** Graph titles actions `type: actionName`; creation pages say Create/Add or document 201. */
function intentOf(page: DocPage, method: HttpMethod, urlPath: string, response: TypeReference | undefined): OperationIntent {
  const title = page.title?.text ?? '';
  switch (method) {
    case 'DELETE':
      return 'delete';
    case 'PATCH':
      return 'update';
    case 'PUT':
      return /^(create|add)\b/i.test(title) ? 'create' : 'replace';
    case 'GET':
      if (/\)\s*$/.test(urlPath)) return 'function';
      return response?.collection || /^list\b/i.test(title) ? 'list' : 'read';
    case 'POST':
      if (/^\S+:\s*\S+$/.test(title)) return 'action';
      if (/^(create|add)\b/i.test(title) || page.success?.status === 201) return 'create';
      return 'action';
  }
}

function typeOf(ref: DocTypeRef | undefined, namespace: string): TypeReference | undefined {
  return ref ? { type: qualifyName(ref.name, namespace), collection: ref.collection } : undefined;
}

function frontMatterDescription(page: DocPage): string | undefined {
  const description = page.frontMatter?.data.description;
  return typeof description === 'string' ? description : undefined;
}

function lastSegmentName(urlPath: string): string {
  const last = urlPath.split('/').filter(Boolean).pop() ?? '';
  return last.replace(/\(.*$/, '');
}

/** API page (normalised path) -> the qualified type of the resource page whose method table links it. */
function methodTargets(pages: DocPage[]): Map<string, string> {
  const targets = new Map<string, string>();
  for (const page of pages) {
    const resource = page.annotations.find((a) => a.blockType?.toLowerCase() === 'resource' && a.odataType);
    if (!resource) continue;
    const type = qualifyName(resource.odataType!, page.namespace?.text ?? 'microsoft.graph');
    for (const row of page.methodTables.flatMap((t) => t.rows)) {
      if (!row.link || /^[a-z]+:|^\/|^#/i.test(row.link)) continue;
      const key = pageKey(linkedPagePath(page.file, row.link));
      if (!targets.has(key)) targets.set(key, type);
    }
  }
  return targets;
}

/** Docs links differ from file names in case, so pages are matched case-insensitively. */
function pageKey(file: string): string {
  return normalizePagePath(file).toLowerCase();
}
