import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { UserInputError } from '../diagnostics/user-error.ts';
import { applyBaseline, portablePath, readBaseline } from './baseline.ts';

const finding = (file: string, line: number, message = 'm', code = 'validate/wrong-value'): Diagnostic => ({ file, line, column: 1, code, severity: 'error', message });
const work = mkdtempSync(path.join(tmpdir(), 'odatakit-baseline-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('baseline', () => {
  it('matches on file, code and message, not on lines', () => {
    const baseline = [{ file: 'a.md', code: 'validate/wrong-value', message: 'm' }];
    const result = applyBaseline([finding('a.md', 99), finding('a.md', 3, 'other'), finding('b.md', 1)], baseline, '/repo');
    expect(result.fresh.map((d) => `${d.file} ${d.message}`)).toEqual(['a.md other', 'b.md m']);
    expect([result.known, result.gone]).toEqual([1, 0]);
  });

  it('excuses as many identical findings as it lists, and counts entries no longer found', () => {
    const baseline = [{ file: 'a.md', code: 'validate/wrong-value', message: 'm' }, { file: 'gone.md', code: 'x/y', message: 'z' }];
    const result = applyBaseline([finding('a.md', 1), finding('a.md', 2)], baseline, '/repo');
    expect(result.fresh.map((d) => d.line)).toEqual([2]);
    expect([result.known, result.gone]).toEqual([1, 1]);
  });

  it('compares paths relative to the working folder, with /', () => {
    expect(portablePath('/repo/docs/a.md', '/repo')).toBe('docs/a.md');
    expect(portablePath('docs/../docs/a.md', '/repo')).toBe('docs/a.md');
    expect(portablePath('/elsewhere/a.md', '/repo')).toBe('/elsewhere/a.md');
    const result = applyBaseline([finding('/repo/docs/a.md', 1)], [{ file: 'docs/a.md', code: 'validate/wrong-value', message: 'm' }], '/repo');
    expect(result.fresh).toEqual([]);
  });

  it('reads what --format json writes, and refuses anything else as unusable input', () => {
    const good = path.join(work, 'good.json');
    writeFileSync(good, JSON.stringify({ files: 1, diagnostics: [{ file: 'a.md', line: 1, column: 1, code: 'c/d', severity: 'error', message: 'm' }] }));
    expect(readBaseline(good)).toEqual([{ file: 'a.md', code: 'c/d', message: 'm' }]);
    for (const [name, text] of [['bad.json', '{'], ['shape.json', '[]'], ['item.json', '{ "diagnostics": [{ "file": 1 }] }']]) {
      writeFileSync(path.join(work, name!), text!);
      expect(() => readBaseline(path.join(work, name!))).toThrow(UserInputError);
    }
    expect(() => readBaseline(path.join(work, 'missing.json'))).toThrow(/validate\/bad-baseline/);
  });
});
