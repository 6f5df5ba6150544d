/**
 * System query options of an example URL (OData URL Conventions 4.01, section 5): known
 * option names, `$select` and `$expand` naming properties and navigation properties of the
 * resource the path addresses, `$orderby` naming properties, and integer `$top`/`$skip`.
 * `$filter` and `$search` expressions are not parsed. Custom options (no `$`) are the
 * service's own and pass.
 */
import { allNavigationProperties, allProperties, derivedTypes, lookupStructuredType } from '../model/queries.ts';
import type { SourcePosition, StructuredType } from '../model/types.ts';
import type { CheckContext } from './context.ts';

const SYSTEM_OPTIONS = new Set([
  'select', 'expand', 'filter', 'orderby', 'top', 'skip', 'count', 'search', 'format', 'compute', 'index',
  'schemaversion', 'skiptoken', 'deltatoken', 'levels', 'apply', 'id',
]);

export function checkQueryOptions(context: CheckContext, query: string, targetType: string | undefined, at: SourcePosition): void {
  const target = targetType === undefined ? undefined : lookupStructuredType(context.model, targetType);
  for (const part of query.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const rawName = decode(equals === -1 ? part : part.slice(0, equals));
    const value = decode(equals === -1 ? '' : part.slice(equals + 1));
    if (!rawName.startsWith('$')) continue;
    const name = rawName.slice(1).toLowerCase();
    const report = (reason: string) => context.findings.report('validate/query-option', at, { option: rawName, reason });
    if (!SYSTEM_OPTIONS.has(name)) report('not a system query option of OData');
    else if ((name === 'top' || name === 'skip') && !/^\d+$/.test(value)) report(`${value || '(empty)'} is not a non-negative integer`);
    else if (name === 'count' && !/^(true|false)$/i.test(value)) report(`${value || '(empty)'} is neither true nor false`);
    else if (target) checkNames(context, name, value, target, report);
  }
}

function checkNames(context: CheckContext, name: string, value: string, target: StructuredType, report: (reason: string) => void): void {
  const items = topLevelItems(value);
  if (name === 'select') {
    for (const item of items) if (!isMember(context, target, firstSegment(item), 'any')) report(`${item} is not a property of ${target.qualifiedName}`);
  } else if (name === 'expand') {
    for (const item of items) {
      const path = item.replace(/\(.*$/s, '').trim();
      if (!isMember(context, target, firstSegment(path), 'navigation')) report(`${path} is not a navigation property of ${target.qualifiedName}`);
    }
  } else if (name === 'orderby') {
    for (const item of items) {
      const path = item.trim().split(/\s+/)[0] ?? '';
      if (!isMember(context, target, firstSegment(path), 'any')) report(`${path} is not a property of ${target.qualifiedName}`);
    }
  }
}

/** Members of the type or of a type derived from it (a select may name a cast's property). */
function isMember(context: CheckContext, target: StructuredType, name: string, kind: 'any' | 'navigation'): boolean {
  if (name === '*' || name === '' || name.includes('.')) return true;
  const types = [target, ...derivedTypes(context.model, target.qualifiedName)];
  return types.some((type) => {
    if (allNavigationProperties(context.model, type).some((p) => p.name === name)) return true;
    return kind === 'any' && allProperties(context.model, type).some((p) => p.name === name);
  });
}

/** Commas outside parentheses separate items: `a($select=b,c),d` is two items. */
function topLevelItems(value: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      items.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  items.push(value.slice(start).trim());
  return items.filter((item) => item !== '');
}

function firstSegment(path: string): string {
  return path.split('/')[0]!.trim();
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
