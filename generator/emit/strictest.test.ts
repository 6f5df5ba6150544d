import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../testing/corpus.ts';
import { STRICTEST_FLAGS, typeCheckFiles, typeCheckOutput } from '../testing/typecheck.ts';

/**
 * Generated code compiles in the strictest setups users have: `strict` plus
 * `exactOptionalPropertyTypes`, `noPropertyAccessFromIndexSignature`, `noUncheckedIndexedAccess`,
 * `noImplicitOverride`, `verbatimModuleSyntax` and `erasableSyntaxOnly` (STRICT_OPTIONS, which
 * every type-check of emitter output uses). Here: the checked-in output of the bundled example,
 * runtime copies and handlers included; generate.e2e.test.ts does the same for all of Graph.
 */
const GENERATED = join(PROJECT_ROOT, 'generated');

/** One line per flag, each an error under that flag alone. */
const VIOLATIONS: [flag: keyof typeof STRICTEST_FLAGS, line: string][] = [
  ['strict', 'export function untyped(value) { return value; }'],
  ['exactOptionalPropertyTypes', 'export const optional: { x?: number } = { x: undefined };'],
  ['noPropertyAccessFromIndexSignature', 'declare const record: Record<string, number>; export const dotted = record.anything;'],
  ['noUncheckedIndexedAccess', 'declare const list: number[]; export const first: number = list[0];'],
  ['noImplicitOverride', 'class Base { run(): void {} } export class Derived extends Base { run(): void {} }'],
  ['verbatimModuleSyntax', "import { Only } from './only-type.js'; export const typed: Only = 1;"],
  ['erasableSyntaxOnly', 'export enum Colour { Red }'],
];

describe('generated code under the strictest compiler flags', () => {
  it('the flags are on: each one refuses the line written to break it', () => {
    const source = VIOLATIONS.map(([, line]) => line).join('\n');
    const errors = typeCheckFiles({ 'violations.ts': source, 'only-type.ts': 'export type Only = number;\n' });
    const lines = new Set(errors.map((error) => Number(/^violations\.ts\((\d+),/.exec(error)?.[1])));
    expect(VIOLATIONS.filter((_violation, index) => !lines.has(index + 1)).map(([flag]) => flag)).toEqual([]);
  });

  it('the checked-in output of the bundled example (generated/) passes, runtime and handlers included', () => {
    const files = readdirSync(GENERATED, { recursive: true }).map(String).filter((file) => file.endsWith('.ts'));
    expect(files).toEqual(expect.arrayContaining(['handlers.gen.ts', 'model.gen.ts', 'client.gen.ts', 'validators.gen.ts', join('runtime', 'client', 'index.ts')]));
    expect(typeCheckOutput(GENERATED, files)).toEqual([]);
  });
});
