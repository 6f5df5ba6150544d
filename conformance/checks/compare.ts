/**
 * Comparing what was sent with what reads back. A response may carry more than was sent
 * (defaults, computed properties, control information), so comparison is "contains": every
 * sent property equals the one read, complex values compared the same way, collections item
 * by item. Date-times compare as instants (`08:00:00Z` equals `08:00:00.0000000Z`).
 */
export function contains(read: unknown, sent: unknown): boolean {
  if (sent === null || typeof sent !== 'object') return scalarEqual(read, sent);
  if (Array.isArray(sent)) {
    return Array.isArray(read) && read.length === sent.length && sent.every((item, index) => contains(read[index], item));
  }
  if (read === null || typeof read !== 'object' || Array.isArray(read)) return false;
  const record = read as Record<string, unknown>;
  return Object.entries(sent).every(([name, value]) => name.includes('@') || contains(record[name], value));
}

/** The first top-level property whose read value differs from the sent one. */
export function firstDifference(read: unknown, sent: Record<string, unknown>): string | undefined {
  const record = (read ?? {}) as Record<string, unknown>;
  return Object.keys(sent).find((name) => !name.includes('@') && !contains(record[name], sent[name]));
}

function scalarEqual(read: unknown, sent: unknown): boolean {
  if (read === sent) return true;
  if (typeof read === 'string' && typeof sent === 'string' && ISO_DATE_TIME.test(read) && ISO_DATE_TIME.test(sent)) {
    return Date.parse(read) === Date.parse(sent);
  }
  // IEEE754Compatible: an Int64 or Decimal may come back as a string.
  return (typeof read === 'number' || typeof read === 'string') && (typeof sent === 'number' || typeof sent === 'string') && read !== '' && Number(read) === Number(sent) && typeof read !== typeof sent;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A value a replaced property may hold: gone, null, an empty collection. */
export function isCleared(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

export function render(value: unknown): string {
  const text = value === undefined ? '(absent)' : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}
