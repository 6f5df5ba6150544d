/**
 * A short, safe rendering of any value for an issue's `received` field: never the whole
 * value, never a call into user code beyond what reading already did.
 */
const MAX_TEXT = 60;

export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.length > MAX_TEXT ? `${JSON.stringify(value.slice(0, MAX_TEXT))}...` : JSON.stringify(value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `bigint ${value}`;
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return 'symbol';
    case 'function':
      return 'function';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? `array (${value.length} items)` : 'object';
    default:
      return typeof value;
  }
}

/** The JSON kind of a value, for `type` issues: `string`, `number`, `object`, `array`, `null`... */
export function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
