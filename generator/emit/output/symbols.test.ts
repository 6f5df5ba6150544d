import { describe, expect, it } from 'vitest';
import { compareExports, exportedDeclarations } from './symbols.ts';

describe('exportedDeclarations', () => {
  it('finds every kind of exported declaration, and only exported ones (the first name of a list)', () => {
    const text = `
/** doc */
export interface A { x: string }
export type B = 'b';
export const c = 1, d = 2;
export function e(): void {}
export class F {}
export enum G { g }
interface Hidden {}
const hidden = 1;
export { hidden };
export async function h(
  x: string,
): Promise<void> {
  return;
}
export type I =
  | 'a'
  | 'b';
`;
    expect([...exportedDeclarations(text).keys()].sort()).toEqual(['A', 'B', 'F', 'G', 'I', 'c', 'e', 'h']);
    expect(exportedDeclarations(text).get('h')).toBe('export async function h(\n  x: string,\n): Promise<void> {\n  return;\n}');
    expect(exportedDeclarations(text).get('I')).toBe("export type I =\n  | 'a'\n  | 'b';");
    // A new file is scanned for names alone: the same names, and only \n starts a line.
    const withSeparator = `${text}/** a\u2028export type J = 1; */\n`;
    expect(compareExports(undefined, withSeparator).added).toEqual([...exportedDeclarations(withSeparator).keys()].sort());
  });
});

describe('compareExports', () => {
  it.each([
    ['nothing', 'export type A = 1;', 'export type A = 1;', { added: [], removed: [], changed: [] }],
    ['added', 'export type A = 1;', 'export type A = 1;\nexport type B = 2;', { added: ['B'], removed: [], changed: [] }],
    ['removed', 'export type A = 1;\nexport type B = 2;', 'export type A = 1;', { added: [], removed: ['B'], changed: [] }],
    ['changed', 'export interface A { x: string }', 'export interface A { x: number }', { added: [], removed: [], changed: ['A'] }],
    ['changed inside', 'export interface A {\n  x: string;\n}\n\nexport type B = 1;', 'export interface A {\n  x: number;\n}\n\nexport type B = 1;', { added: [], removed: [], changed: ['A'] }],
    ['a member doc comment', 'export interface A {\n  /** old */\n  x: string;\n}', 'export interface A {\n  /** new */\n  x: string;\n}', { added: [], removed: [], changed: ['A'] }],
    ['doc comment only', '/** old */\nexport type A = 1;', '/** new */\nexport type A = 1;', { added: [], removed: [], changed: [] }],
    ['a new file', undefined, 'export type A = 1;', { added: ['A'], removed: [], changed: [] }],
  ])('%s', (_name, before, after, want) => {
    expect(compareExports(before, after)).toEqual(want);
  });
});
