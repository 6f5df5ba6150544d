import type { FilterNode } from './filter/ast.ts';
import { FilterError } from './filter/filter-error.ts';
import { parseFilter } from './filter/parse.ts';
import { compare, type Primitive, type Value } from './filter/values.ts';

/**
 * `$orderby` (OData URL Conventions 4.01 §5.1.1.... and Protocol §11.2.6.2): comma-separated
 * expressions, each optionally `asc` or `desc`. Keys are `$filter` expressions (paths, functions,
 * arithmetic), parsed by the same parser; offsets in errors count from the start of the option.
 */
export interface OrderKey {
  expression: FilterNode;
  descending: boolean;
}

export function parseOrderBy(text: string): OrderKey[] {
  const keys: OrderKey[] = [];
  for (const { item, start } of splitItems(text)) {
    const direction = /\s+(asc|desc)\s*$/.exec(item);
    const expression = direction ? item.slice(0, direction.index) : item;
    if (expression.trim() === '') throw new FilterError('an $orderby item has no expression', start);
    // Padding keeps the offsets of the whole option.
    keys.push({ expression: parseFilter(' '.repeat(start) + expression), descending: direction?.[1] === 'desc' });
  }
  if (keys.length === 0) throw new FilterError('$orderby is empty', 0);
  return keys;
}

/** Items separated by commas outside parentheses and quotes, with the offset each starts at. */
function splitItems(text: string): { item: string; start: number }[] {
  const items: { item: string; start: number }[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let at = 0; at <= text.length; at++) {
    const char = text[at];
    if (char === "'") quoted = !quoted;
    else if (!quoted && (char === '(' || char === '[')) depth++;
    else if (!quoted && (char === ')' || char === ']')) depth--;
    if (at === text.length || (char === ',' && !quoted && depth === 0)) {
      if (text.slice(start, at).trim() === '') throw new FilterError('an $orderby item is empty', start);
      items.push({ item: text.slice(start, at), start });
      start = at + 1;
    }
  }
  return items;
}

/**
 * Orders by the keys' values, the first key first; null sorts before any value ascending and
 * after descending (Protocol 4.01 §11.2.6.2). Stable: ties keep the collection's order, so that
 * paging over a sorted collection is stable while the data does not change.
 */
export function sortBy<T>(items: readonly T[], keys: readonly OrderKey[], valuesOf: (item: T) => Value[]): T[] {
  const decorated = items.map((item) => ({ item, values: valuesOf(item) }));
  decorated.sort((a, b) => {
    for (const [index, key] of keys.entries()) {
      const order = compareValues(a.values[index]!, b.values[index]!, key.expression.at);
      if (order !== 0) return key.descending ? -order : order;
    }
    return 0;
  });
  return decorated.map(({ item }) => item);
}

function compareValues(a: Value, b: Value, at: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (a.t === 'structured' || a.t === 'collection' || b.t === 'structured' || b.t === 'collection') {
    throw new FilterError('$orderby takes primitive values, not a structured value or a collection', at);
  }
  if (a.t !== b.t) throw new FilterError(`$orderby cannot order ${a.t} and ${b.t} values together`, at);
  const order = compare(a as Primitive, b as Primitive);
  // NaN: after every number, as IEEE 754 total order puts positive NaN.
  if (order === undefined) return Number.isNaN(a.v as number) ? (Number.isNaN(b.v as number) ? 0 : 1) : -1;
  return order;
}
