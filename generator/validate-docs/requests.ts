/**
 * Request examples and the "HTTP request" lines of API pages against the model's operations:
 * the method and URL match an operation (path template, key segment, query options), and the
 * body is checked in the operation's mode (OData 4.01 Protocol, 11.4.2 create, 11.4.3
 * update; key and read-only properties in an update body, unknown properties on types that
 * are not open, wrong types). Action bodies are checked parameter by parameter.
 */
import { findProperty, lookupStructuredType } from '../model/queries.ts';
import { escapeToken } from '../runtime/validation/pointer.ts';
import type { Operation, SourcePosition } from '../model/types.ts';
import type { DocHttpRequest, DocPage, JsonValue } from '../graph-docs/types.ts';
import type { ExampleBlock } from './annotations.ts';
import { positionOf, reportBodyIssues, type BodyTarget } from './body-issues.ts';
import { schemaName, type CheckContext } from './context.ts';
import { checkKeySegments } from './key-segments.ts';
import { checkQueryOptions } from './query-options.ts';
import { checkServiceRoot } from './service-root.ts';

const NO_BODY = new Set(['GET', 'DELETE', 'HEAD']);

/** Checks one request example; returns the operation it calls, for its response. */
export function checkRequest(page: DocPage, request: ExampleBlock, context: CheckContext): Operation | undefined {
  const http = request.code.http;
  if (http?.kind !== 'request') return undefined;
  checkServiceRoot(page, http, context);
  const operation = matchOperation(http.method, http.path, http.source, context);
  if (!operation) return undefined;
  checkKeySegments(operation, http.path, http.source, context);
  if (http.query !== undefined) checkQueryOptions(context, http.query, operation.target?.type, http.source);
  checkBody(page, http, operation, context);
  return operation;
}

/** The request lines of the "HTTP request" section name operations of the model too. */
export function checkRequestLines(page: DocPage, context: CheckContext): void {
  for (const line of page.requestLines) matchOperation(line.method, line.path, line.source, context);
}

function matchOperation(method: string, path: string, at: SourcePosition, context: CheckContext): Operation | undefined {
  const match = context.operations.match(method, path);
  if (match.operation) return match.operation;
  const schema = schemaName(context);
  if (match.sameTemplate.length === 0) {
    context.findings.report('validate/unknown-path', at, { method: method.toUpperCase(), path, schema });
  } else {
    const methods = [...new Set(match.sameTemplate.map((operation) => operation.method))].sort().join(', ');
    context.findings.report('validate/method-not-allowed', at, { method: method.toUpperCase(), template: match.sameTemplate[0]!.path, schema, methods });
  }
  return undefined;
}

function checkBody(page: DocPage, http: DocHttpRequest, operation: Operation, context: CheckContext): void {
  const json = http.body?.span.text.trim() ? http.body.json : undefined;
  if (!bodyExpected(http, operation, context) || !json || json.value === undefined) return;
  const target: BodyTarget = { json, value: json.value, base: '', where: 'Request body' };
  const expected = operation.requestBody!;
  if (expected.mode === 'parameters') checkParameters(operation, target, context);
  else {
    const listed = requestTableNames(page);
    const issues = context.validator
      .validate(expected.type, json.value, expected.mode, { collection: expected.collection, dynamicProperties: 'warning' })
      .filter((issue) => !(issue.code === 'read-only' && issue.severity === 'warning' && listed.has(topLevelName(issue.path))));
    reportBodyIssues(context, target, issues);
    if (expected.mode === 'update') checkReadOnlyCues(expected.type, target, issues.map((issue) => issue.path), context);
  }
  checkRequestTable(page, json.value, target, context);
}

/** A body where the operation takes one, none where it takes none; true when there is one to check. */
function bodyExpected(http: DocHttpRequest, operation: Operation, context: CheckContext): boolean {
  const body = http.body;
  const hasBody = body !== undefined && body.span.text.trim() !== '';
  const expected = operation.requestBody;
  if (!expected && hasBody && NO_BODY.has(http.method)) {
    context.findings.report('validate/unexpected-request-body', startOf(body!.span), { method: http.method, intent: operation.intent });
  } else if (expected && !hasBody && expected.mode !== 'parameters') {
    context.findings.report('validate/missing-request-body', http.source, { intent: operation.intent, method: http.method, template: operation.path, type: expected.type });
  }
  return expected !== undefined && hasBody;
}

/**
 * Graph's CSDL seldom says Core.Computed; the properties table says "Read-only". An update
 * that sets such a property is wrong either way (top-level properties; the validator has
 * reported those the schema itself marks).
 */
function checkReadOnlyCues(typeName: string, target: BodyTarget, reported: string[], context: CheckContext): void {
  const type = lookupStructuredType(context.model, typeName);
  if (!type || !isObject(target.value)) return;
  for (const name of Object.keys(target.value)) {
    const pointer = `/${escapeToken(name)}`;
    const property = findProperty(context.model, type, name);
    if (!property?.docCues?.includes('Read-only') || reported.includes(pointer)) continue;
    context.findings.report('validate/not-writable', positionOf(target.json, pointer, 'key'), {
      where: 'Request body',
      pointer,
      message: `${name} is read-only (the properties table of ${type.name} says so)`,
    });
  }
}

/** An action's body is an object of its non-binding parameters (OData JSON 4.01, section 17). */
function checkParameters(operation: Operation, target: BodyTarget, context: CheckContext): void {
  const callable = [...context.model.actions, ...context.model.functions].find((item) => item.qualifiedName === operation.callable);
  if (!callable || !isObject(target.value)) return;
  const parameters = new Map(callable.parameters.slice(callable.isBound ? 1 : 0).map((parameter) => [parameter.name, parameter]));
  for (const [name, value] of Object.entries(target.value)) {
    if (name.startsWith('@') || name.includes('@')) continue;
    const pointer = `/${escapeToken(name)}`;
    const parameter = parameters.get(name);
    if (!parameter) {
      context.findings.report('validate/unknown-parameter', positionOf(target.json, pointer, 'key'), { parameter: name, callable: callable.qualifiedName });
      continue;
    }
    if (value === null) continue;
    const issues = context.validator.validate(parameter.type, value, 'create', { collection: parameter.collection, dynamicProperties: 'warning' });
    reportBodyIssues(context, { ...target, value, base: pointer }, issues);
  }
}

/** Properties the example sends that the page's own Request body table does not list. */
function checkRequestTable(page: DocPage, value: JsonValue, target: BodyTarget, context: CheckContext): void {
  const listed = requestTableNames(page);
  if (listed.size === 0 || !isObject(value)) return;
  for (const name of Object.keys(value)) {
    // `x@odata.bind` binds a listed relationship; `@odata.type` is control information.
    const property = name.includes('@') ? name.slice(0, name.indexOf('@')) : name;
    if (property === '' || listed.has(property)) continue;
    context.findings.report('validate/property-not-in-request-table', positionOf(target.json, `/${escapeToken(name)}`, 'key'), { property: name });
  }
}

/**
 * The properties the page's Request body table lists. A create page that lists a property
 * documents it as settable on create, whatever a "Read-only" cue of the resource table says
 * (Graph writes "Read-only" on keys that clients set once, like tenantId).
 */
function requestTableNames(page: DocPage): Set<string> {
  const table = page.tables.find((item) => item.kind !== 'relationship' && /^request body$/i.test(item.section[0] ?? ''));
  return new Set(table?.rows.map((row) => row.name) ?? []);
}

function topLevelName(pointer: string): string {
  return (pointer.split('/')[1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
}

function isObject(value: JsonValue | undefined): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}


function startOf(span: { file: string; line: number; columns: number[] }): SourcePosition {
  return { file: span.file, line: span.line, column: span.columns[0] ?? 1 };
}
