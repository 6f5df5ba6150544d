/** Where a JSON value of a page sits in the markdown, for reporting a wrong value at its line. */
import type { SourcePosition } from '../model/types.ts';
import { spanPosition } from './text-span.ts';
import type { DocJson } from './types.ts';

/**
 * The markdown position of the value at a JSON Pointer (`/value/0/tenantId`), or of its
 * member name with `at: 'key'`. Undefined when the pointer is not in the JSON.
 */
export function jsonPointerPosition(json: DocJson, pointer: string, at: 'value' | 'key' = 'value'): SourcePosition | undefined {
  const location = json.pointers[pointer];
  if (!location) return undefined;
  const offset = at === 'key' && location.key !== undefined ? location.key : location.start;
  return spanPosition(json.span, offset);
}
