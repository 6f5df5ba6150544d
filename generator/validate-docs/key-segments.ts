/**
 * The key segments of an example URL are literals of the key property's type (OData URL
 * Conventions 4.01, section 4.3.1): a GUID key takes a GUID, an Int32 key a number. Keys
 * are read as key-as-segment (`/partners/9c5d...`) or in parentheses (`partners('9c5d...')`,
 * `partners(tenantId='9c5d...')`), quotes removed; placeholders (`{id}`) stand for any key. Needs the segments a CSDL gives.
 */
import { findProperty, lookupStructuredType } from '../model/queries.ts';
import type { Operation, SourcePosition } from '../model/types.ts';
import type { CheckContext } from './context.ts';
import { concreteSplits } from './operation-match.ts';

const NUMERIC = /^Edm\.(Byte|SByte|Int16|Int32|Int64|Single|Double|Decimal)$/;

export function checkKeySegments(operation: Operation, path: string, at: SourcePosition, context: CheckContext): void {
  const template = operation.path.split('/').filter((segment) => segment !== '');
  const concrete = concreteSplits(path).find((split) => split.length === template.length);
  if (!concrete) return;
  const keys = keyTypes(operation, context);
  template.forEach((segment, index) => {
    const key = keys.get(/^\{([^}]*)\}$/.exec(segment)?.[1] ?? '');
    const literal = concrete[index]!;
    if (!key || /^\{.*\}$/.test(literal)) return;
    const issues = context.validator.validate(key.type, keyValue(literal, key.type), 'read');
    if (issues.length === 0) return;
    context.findings.report('validate/key-value', at, { value: literal, type: key.type, property: key.property, reason: issues[0]!.message });
  });
}

/** Placeholder -> the key property it stands for, and that property's type. */
function keyTypes(operation: Operation, context: CheckContext): Map<string, { property: string; type: string }> {
  const keys = new Map<string, { property: string; type: string }>();
  for (const segment of operation.segments) {
    if (segment.kind !== 'key' || segment.keyProperties.length !== 1) continue;
    const owner = lookupStructuredType(context.model, segment.type);
    const property = owner && findProperty(context.model, owner, segment.keyProperties[0]!);
    if (property) keys.set(segment.placeholders[0]!, { property: property.name, type: property.type });
  }
  return keys;
}

/** `'it''s'` -> `it's`; numbers for numeric keys, so the validator checks their range. */
function keyValue(literal: string, type: string): string | number {
  let text = literal;
  try {
    text = decodeURIComponent(literal);
  } catch {
    // A stray `%` stays as written.
  }
  const quoted = /^'(.*)'$/s.exec(text);
  if (quoted) return quoted[1]!.replace(/''/g, "'");
  return NUMERIC.test(type) && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? Number(text) : text;
}
