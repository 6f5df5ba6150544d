import type { ValidationTable } from '../../runtime/validation/index.ts';

/**
 * The validation table as source text: JSON in single-quoted string literals, one type per
 * line (readable diffs), parsed once at load. JSON.parse, unlike an object literal, keeps a
 * property named `__proto__` as data, and it costs the type checker nothing on big schemas.
 */
export function tableSourceLines(table: ValidationTable): string[] {
  const { types, ...header } = table;
  const opening = JSON.stringify(header).slice(0, -1);
  const names = Object.keys(types);
  return [
    `${opening},"types":{`,
    ...names.map((name, index) => `${JSON.stringify(name)}:${JSON.stringify(types[name])}${index < names.length - 1 ? ',' : ''}`),
    '}}',
  ].map(singleQuoted);
}

/** A single-quoted JavaScript string literal (JSON text needs no double-quote escaping then). */
export function singleQuoted(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `'${escaped}'`;
}
