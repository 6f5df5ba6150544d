import { filterText, type FilterExpression } from './filter.ts';
import { encodeUrlText } from './literals.ts';

/**
 * System query options (OData URL Conventions 4.01 section 5), written in a fixed order so
 * that a request's URL does not depend on how the options object was built.
 */
export interface QueryOptions {
  /** 5.1.3: properties to return. */
  $select?: readonly string[];
  /** 5.1.2: related entities to include, each optionally with nested options. */
  $expand?: string | readonly string[];
  /** 5.1.1: a boolean expression, passed as written, or built: `(f) => f.eq('name', 'x')` (filter.ts). */
  $filter?: string | ((f: never) => FilterExpression);
  /** 5.1.7: a search expression, passed as written. */
  $search?: string;
  /** 5.1.4: properties, each optionally followed by ` asc` or ` desc`. */
  $orderby?: string | readonly string[];
  /** 5.1.5: a non-negative integer. */
  $top?: number;
  /** 5.1.6: a non-negative integer. */
  $skip?: number;
  /** 5.1.8: ask for `@odata.count`. */
  $count?: boolean;
  /** Other query options (custom options, parameter aliases), appended in the given order. */
  query?: Readonly<Record<string, string | number | boolean>>;
}

const LIST_OPTIONS = ['$select', '$expand', '$filter', '$search', '$orderby'] as const;

/** `?$select=a,b&$top=5`, or `''` when no option is set. Throws TypeError on a malformed value. */
export function queryString(options: QueryOptions | undefined): string {
  if (!options) return '';
  const parts: string[] = [];
  for (const name of LIST_OPTIONS) {
    const value = options[name];
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value : typeof value === 'function' ? filterText(value) : [...value].join(',');
    parts.push(`${name}=${encodeUrlText(text)}`);
  }
  for (const name of ['$top', '$skip'] as const) {
    const value = options[name];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 0) throw new TypeError(`${name} must be a non-negative integer, got ${String(value)}`);
    parts.push(`${name}=${value}`);
  }
  if (options.$count !== undefined) parts.push(`$count=${options.$count ? 'true' : 'false'}`);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    parts.push(`${encodeUrlText(name)}=${encodeUrlText(String(value))}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
