/**
 * Response examples against the operation their request calls: the status is the one the
 * page documents, a 204 has no body (RFC 9110, 15.3.5), and the body is checked in read mode
 * as the annotation's `@odata.type` (`Collection(T)` or `isCollection` for collections, in
 * an OData collection envelope, OData JSON 4.01 section 12). `truncated` excuses missing
 * properties only, never wrong or unknown ones. When the annotated type is not what the
 * operation returns, that is reported once and the body is checked as the operation's type.
 */
import { derivesFrom, lookupStructuredType, findProperty, isStructured } from '../model/queries.ts';
import type { Operation, SourcePosition, TypeReference } from '../model/types.ts';
import { spanPosition } from '../graph-docs/text-span.ts';
import type { DocHttpResponse, DocPage, JsonValue, TextSpan } from '../graph-docs/types.ts';
import type { ExampleBlock } from './annotations.ts';
import { positionOf, reportBodyIssues, type BodyTarget } from './body-issues.ts';
import { findType, pageNamespace, schemaName, type CheckContext } from './context.ts';

const NO_CONTENT = new Set([204, 205, 304]);

export function checkResponse(page: DocPage, response: ExampleBlock, operation: Operation | undefined, context: CheckContext): void {
  const http = response.code.http;
  if (http?.kind !== 'response') return;
  const { annotation } = response;
  const success = http.status >= 200 && http.status < 300 && annotation.expectError !== true;
  if (success && operation) checkStatus(http, operation, context);
  const body = http.body && http.body.span.text.trim() !== '' ? http.body : undefined;
  if (NO_CONTENT.has(http.status)) {
    if (body) context.findings.report('validate/no-content-with-body', bodyStart(body.span), { status: http.status });
    return;
  }
  const declared = success ? declaredType(page, response, operation, context) : undefined;
  if (!declared) return;
  if (!body) {
    if (annotation.odataType !== undefined && annotation.isEmpty !== true) context.findings.report('validate/missing-response-body', http.source, { type: show(declared) });
  } else if (body.json?.value !== undefined) {
    checkBody(declared, { json: body.json, value: body.json.value, base: '', where: 'Response body' }, annotation.truncated === true, context);
  }
}

/** Read mode; `truncated` excuses missing properties only (the validator never requires them). */
function checkBody(declared: TypeReference, body: BodyTarget, truncated: boolean, context: CheckContext): void {
  const target = unwrapValue(declared, body, context);
  const issues = context.validator.validate(declared.type, target.value, 'read', { collection: declared.collection, truncated, dynamicProperties: 'warning' });
  reportBodyIssues(context, target, issues);
}

/** The documented status (docs or the OData default when no page states one) is the example's. */
function checkStatus(http: DocHttpResponse, operation: Operation, context: CheckContext): void {
  if (operation.statusSource !== 'docs' || http.status === operation.successStatus) return;
  context.findings.report('validate/status-mismatch', http.source, { status: http.status, expected: operation.successStatus, operation: `${operation.method} ${operation.path}` });
}

/**
 * The type the body is checked as: the annotation's, unless it contradicts what the
 * operation returns; the operation's when the annotation says nothing.
 */
function declaredType(page: DocPage, response: ExampleBlock, operation: Operation | undefined, context: CheckContext): TypeReference | undefined {
  const { annotation } = response;
  const expected = operation?.response;
  if (annotation.odataType === undefined) return expected;
  const at = annotation.fieldSources['@odata.type'] ?? annotation.source;
  const type = findType(context.model, annotation.odataType, pageNamespace(page));
  if (!type) {
    context.findings.report('validate/unknown-type', at, { where: 'The response annotation', type: annotation.odataType, schema: schemaName(context) });
    return expected;
  }
  const annotated: TypeReference = { type: type.qualifiedName, collection: annotation.isCollection === true };
  if (!expected || compatible(annotated, expected, context)) return annotated;
  context.findings.report('validate/response-type-mismatch', at, { annotated: show(annotated), operation: `${operation!.method} ${operation!.path}`, expected: show(expected) });
  return expected;
}

/** The same type or a derived one (OData JSON 4.01, 4.5.3), with the same collection-ness. */
function compatible(annotated: TypeReference, expected: TypeReference, context: CheckContext): boolean {
  if (annotated.collection !== expected.collection) return false;
  if (annotated.type === expected.type) return true;
  const type = lookupStructuredType(context.model, annotated.type);
  return type !== undefined && derivesFrom(context.model, type, expected.type);
}

/**
 * `{ "value": { ... } }` for a single entity: the envelope of a collection (or of a single
 * primitive value) around an object that is the body itself. Reported, then the object
 * inside is checked so that its own defects are found at their lines.
 */
function unwrapValue(declared: TypeReference, target: BodyTarget, context: CheckContext): BodyTarget {
  const type = lookupStructuredType(context.model, declared.type);
  const body = target.value;
  if (declared.collection || !isStructured(type) || !isObject(body)) return target;
  const members = Object.keys(body).filter((key) => !key.startsWith('@'));
  if (members.length !== 1 || members[0] !== 'value' || !isObject(body.value)) return target;
  if (findProperty(context.model, type, 'value')) return target;
  context.findings.report('validate/value-wrapper', positionOf(target.json, '/value', 'key'), { type: type.qualifiedName });
  return { ...target, value: body.value, base: '/value' };
}

function isObject(value: JsonValue | undefined): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(type: TypeReference): string {
  return type.collection ? `Collection(${type.type})` : type.type;
}

/** Where a body starts: its first non-blank character. */
function bodyStart(span: TextSpan): SourcePosition {
  return spanPosition(span, span.text.search(/\S/));
}
