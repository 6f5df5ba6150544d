/**
 * Validation issues of a JSON body (JSON pointers into the body) -> findings at the line and
 * column of the markdown page, one diagnostics code per kind of issue. Shared by the request
 * and response checks. Names Graph gives DateTimeOffset properties (`...DateTime`) are also
 * checked when the schema does not declare the property, so a malformed date in an
 * undocumented property is still caught.
 */
import type { DiagnosticCode } from '../diagnostics/codes.ts';
import type { DiagnosticArgs } from '../diagnostics/diagnostic.ts';
import { jsonPointerPosition } from '../graph-docs/positions.ts';
import type { DocJson, JsonValue } from '../graph-docs/types.ts';
import type { SourcePosition } from '../model/types.ts';
import type { ValidationIssue } from '../emit/validators/index.ts';
import type { CheckContext } from './context.ts';

export interface BodyTarget {
  json: DocJson;
  /** The value validated: the body, or a part of it (`base`). */
  value: JsonValue;
  /** JSON pointer of `value` in the body ('' for the body itself). */
  base: string;
  /** How messages name the body: `Request body`, `Response body`. */
  where: string;
}

export function reportBodyIssues(context: CheckContext, target: BodyTarget, issues: ValidationIssue[]): void {
  for (const issue of issues) {
    const pointer = target.base + issue.path;
    const [code, args] = describeIssue(issue, target.where, pointer);
    const at = positionOf(target.json, pointer, code === 'validate/unknown-property' || code === 'validate/undeclared-property' ? 'key' : 'value');
    context.findings.report(code, at, args);
    if (code === 'validate/unknown-property' || code === 'validate/undeclared-property') checkDateConvention(context, target, issue, pointer);
  }
}

function describeIssue(issue: ValidationIssue, where: string, pointer: string): [DiagnosticCode, DiagnosticArgs] {
  const shown = pointer === '' ? '(the body)' : pointer;
  const base = { where, pointer: shown, message: issue.message, expected: issue.expected, received: issue.received };
  switch (issue.code) {
    case 'unknown-property':
      // The collection envelope reports its own strangers; they are not properties of a type.
      return issue.expected.startsWith('a property of ')
        ? ['validate/unknown-property', { ...base, type: issue.expected.slice('a property of '.length), property: lastToken(issue.path) }]
        : ['validate/wrong-value', base];
    case 'dynamic-property':
      return ['validate/undeclared-property', { ...base, type: issue.expected.replace(/^a declared property of /, ''), property: lastToken(issue.path) }];
    case 'key-in-update':
    case 'immutable':
    case 'navigation':
      return ['validate/not-writable', base];
    case 'read-only':
      return [issue.severity === 'error' ? 'validate/not-writable' : 'validate/read-only-in-create', base];
    case 'unknown-type':
    case 'not-derived':
    case 'derived-type-constraint':
      return ['validate/wrong-odata-type', base];
    case 'abstract':
      return ['validate/abstract-type', base];
    case 'evolvable-enum':
      return ['validate/evolvable-enum', base];
    case 'type':
    case 'format':
    case 'facet':
    case 'null':
    case 'enum':
    case 'annotation':
    case 'envelope':
    case 'limit':
      return ['validate/wrong-value', base];
    case 'unreadable':
    case 'argument':
      // Parsed JSON has no getters to throw and we pass the modes: these are our own bugs.
      return ['internal/error', { reason: `validating ${where.toLowerCase()} ${shown}: ${issue.message}` }];
    default:
      return assertNever(issue.code);
  }
}

/** `lastModifiedDateTime: "08-23-2021Z00:00:00"`: Graph names DateTimeOffset properties so. */
function checkDateConvention(context: CheckContext, target: BodyTarget, issue: ValidationIssue, pointer: string): void {
  const name = lastToken(issue.path);
  if (!/[a-z]DateTime$/.test(name)) return;
  const value = valueAt(target.value, issue.path);
  if (typeof value !== 'string') return;
  if (context.validator.validate('Edm.DateTimeOffset', value, 'read').length === 0) return;
  context.findings.report('validate/date-format', positionOf(target.json, pointer, 'value'), {
    where: target.where,
    pointer,
    value: JSON.stringify(value),
  });
}

/** The position of a pointer, or of its nearest ancestor in the JSON (never nothing). */
export function positionOf(json: DocJson, pointer: string, at: 'key' | 'value'): SourcePosition {
  for (let current = pointer; ; current = current.slice(0, current.lastIndexOf('/'))) {
    const found = jsonPointerPosition(json, current, current === pointer ? at : 'value');
    if (found) return found;
    if (current === '') return { file: json.span.file, line: json.span.line, column: json.span.columns[0] ?? 1 };
  }
}

function lastToken(pointer: string): string {
  return pointer.slice(pointer.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
}

function valueAt(root: JsonValue, pointer: string): JsonValue | undefined {
  let current: JsonValue | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(token)];
    else if (current !== null && typeof current === 'object' && Object.hasOwn(current, token)) current = current[token];
    else return undefined;
  }
  return current;
}

function assertNever(value: never): never {
  throw new Error(`unexpected validation issue code ${String(value)}`);
}
