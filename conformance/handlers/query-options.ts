import type { FilterNode } from './filter/ast.ts';
import { FilterError } from './filter/filter-error.ts';
import { parseFilter } from './filter/parse.ts';
import { parseOrderBy, type OrderKey } from './orderby.ts';
import { parseSearch, type SearchNode } from './search.ts';

/**
 * The system query options the reference handlers implement: `$filter`, `$orderby`, `$top`,
 * `$skip`, `$count`, `$select` and `$expand` with nested options (OData Protocol 4.01 §11.2.4
 * to §11.2.6; URL Conventions 4.01 §5.1). The others are refused with 501 rather than ignored,
 * so that a test never passes on data that was not filtered as it asked.
 */
export interface QueryOptions {
  /** Parsed here (syntax errors are 400 at once); checked against the member type where it applies. */
  filter?: { text: string; tree: FilterNode };
  orderby?: OrderKey[];
  search?: SearchNode;
  top?: number;
  skip?: number;
  count?: boolean;
  select?: string[];
  expand?: ExpandItem[];
}

export interface ExpandItem {
  /** A navigation property name, or `*`. */
  name: string;
  options: QueryOptions;
}

export type QueryError = { status: 400 | 501; message: string };

const NOT_IMPLEMENTED = new Set(['$apply', '$compute', '$levels', '$skiptoken', '$deltatoken', '$index', '$schemaversion']);
const IGNORED = new Set(['$format']);

export function parseQueryOptions(params: URLSearchParams): QueryOptions | QueryError {
  const options: QueryOptions = {};
  for (const [name, value] of params) {
    if (!name.startsWith('$')) continue; // custom query options and parameter aliases
    if (IGNORED.has(name)) continue;
    if (NOT_IMPLEMENTED.has(name)) return { status: 501, message: `The reference handlers do not implement ${name}` };
    const error = apply(options, name, value);
    if (error) return error;
  }
  return options;
}

function apply(options: QueryOptions, name: string, value: string): QueryError | undefined {
  switch (name) {
    case '$top':
    case '$skip': {
      if (!/^\d+$/.test(value)) return { status: 400, message: `${name} must be a non-negative integer, got '${value}'` };
      options[name === '$top' ? 'top' : 'skip'] = Number(value);
      return undefined;
    }
    case '$count':
      if (value !== 'true' && value !== 'false') return { status: 400, message: `$count must be true or false, got '${value}'` };
      options.count = value === 'true';
      return undefined;
    case '$filter':
      return parsed('$filter', () => (options.filter = { text: value, tree: parseFilter(value) }));
    case '$orderby':
      return parsed('$orderby', () => (options.orderby = parseOrderBy(value)));
    case '$search':
      return parsed('$search', () => (options.search = parseSearch(value)));
    case '$select':
      options.select = splitTopLevel(value, ',').map((item) => item.trim()).filter(Boolean);
      return undefined;
    case '$expand': {
      const items: ExpandItem[] = [];
      for (const item of splitTopLevel(value, ',')) {
        const parsed = parseExpandItem(item.trim());
        if ('status' in parsed) return parsed;
        items.push(parsed);
      }
      options.expand = items;
      return undefined;
    }
    default:
      return { status: 400, message: `Unknown system query option ${name}` };
  }
}

/** A FilterError of `$filter` or `$orderby` as a 400 that says where. */
function parsed(option: string, parse: () => unknown): QueryError | undefined {
  try {
    parse();
    return undefined;
  } catch (error) {
    if (error instanceof FilterError) return { status: 400, message: error.describe(option) };
    throw error;
  }
}

function parseExpandItem(text: string): ExpandItem | QueryError {
  const match = /^([^()]+?)(?:\(([\s\S]*)\))?$/.exec(text);
  if (!match) return { status: 400, message: `$expand item '${text}' is malformed` };
  const options: QueryOptions = {};
  for (const part of match[2] ? splitTopLevel(match[2], ';') : []) {
    const equals = part.indexOf('=');
    if (equals === -1) return { status: 400, message: `$expand option '${part}' has no value` };
    const name = part.slice(0, equals).trim();
    if (NOT_IMPLEMENTED.has(name)) return { status: 501, message: `The reference handlers do not implement ${name}` };
    const error = apply(options, name, part.slice(equals + 1).trim());
    if (error) return error;
  }
  return { name: match[1]!.trim(), options };
}

/** Splits on a separator outside parentheses and quotes. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const char of text) {
    if (char === "'") quoted = !quoted;
    if (!quoted && char === '(') depth++;
    if (!quoted && char === ')') depth--;
    if (char === separator && depth === 0 && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.filter((part) => part.trim() !== '');
}
