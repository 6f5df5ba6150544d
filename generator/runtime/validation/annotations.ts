import type { ResolvedStructured } from './resolve.ts';
import { report, requestError, type Walk } from './walk.ts';

/**
 * Instance and property annotations (OData JSON 4.01, sections 4.5 and 20). Any
 * `@namespace.term` is allowed; the control information we know (`@odata.*`, or without the
 * `odata.` prefix as 4.01 allows) is checked for its JSON shape. `@odata.type` itself is read
 * by the structured check, which dispatches on it; `property@odata.type` is checked here.
 */
const STRING_CONTROL = new Set([
  'context',
  'id',
  'editLink',
  'readLink',
  'etag',
  'nextLink',
  'deltaLink',
  'navigationLink',
  'associationLink',
  'mediaEditLink',
  'mediaReadLink',
  'mediaContentType',
  'mediaEtag',
]);

/** `odata.count` -> `count`; `count` (4.01, no prefix) -> `count`; `ns.term` -> undefined. */
export function controlName(term: string): string | undefined {
  if (term.startsWith('odata.')) return term.slice(6);
  return term.includes('.') ? undefined : term;
}

/** Checks one control information value; `segment` is the annotation's key. */
function checkControl(control: string | undefined, value: unknown, walk: Walk): void {
  if (control === undefined) return;
  if (STRING_CONTROL.has(control)) {
    if (typeof value !== 'string') report(walk, 'annotation', 'error', 'a string', value, `@odata.${control} is a string`);
  } else if (control === 'count') {
    if (!isCount(value)) report(walk, 'annotation', 'error', 'a non-negative integer', value, '@odata.count is a non-negative integer');
  }
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' ? Number.isInteger(value) && value >= 0 : typeof value === 'string' && /^\d+$/.test(value);
}

/**
 * True when checkInstanceAnnotation reports nothing for `@term` with this value, and the
 * term is not the type annotation (which the structured check dispatches on): what the
 * generated acceptors (accept.ts) settle without the table walk.
 */
export function acceptsInstanceAnnotation(key: string, value: unknown): boolean {
  const control = controlName(key.slice(1));
  if (control === undefined) return true;
  if (STRING_CONTROL.has(control)) return typeof value === 'string';
  if (control === 'count') return isCount(value);
  return control !== 'type';
}

/** `@term` on the object itself (the walk's path already ends with the key). */
export function checkInstanceAnnotation(key: string, value: unknown, walk: Walk): void {
  checkControl(controlName(key.slice(1)), value, walk);
}

/**
 * `property@term`. `@odata.bind` (OData JSON 4.01, section 8.5) only goes on navigation
 * properties: a string for a single-valued one, an array of strings for a collection.
 */
export function checkPropertyAnnotation(type: ResolvedStructured, key: string, at: number, value: unknown, walk: Walk): void {
  const control = controlName(key.slice(at + 1));
  if (control === 'type') {
    if (typeof value !== 'string') report(walk, 'annotation', 'error', 'a type name', value, `${key} is a string such as "#Int64"`);
    return;
  }
  if (control !== 'bind') {
    checkControl(control, value, walk);
    return;
  }
  const navigation = type.navigation.get(key.slice(0, at));
  if (navigation === undefined) {
    report(walk, 'annotation', requestError(walk), 'a navigation property', value, `${key.slice(0, at)} is not a navigation property of ${type.name}, so it cannot be bound`);
    return;
  }
  const valid = navigation[1] ? Array.isArray(value) && value.every((item) => typeof item === 'string') : typeof value === 'string';
  if (!valid) {
    const expected = navigation[1] ? 'an array of entity URLs' : 'an entity URL';
    report(walk, 'annotation', 'error', expected, value, `@odata.bind of ${key.slice(0, at)} takes ${expected}`);
  }
}
