import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../diagnostics/user-error.ts';
import { resolveSides, type DiffArguments } from './inputs.ts';

const folder = mkdtempSync(join(tmpdir(), 'odatakit-diff-inputs-'));
const text = join(folder, 'notes.txt');
writeFileSync(text, 'not a schema');
const none = { oldCsdl: [], oldDocs: [], newCsdl: [], newDocs: [] };

describe('resolveSides', () => {
  it.each([
    ['two CSDL files', { ...none, paths: ['a.xml', 'b.EDMX'] }, { old: { csdl: ['a.xml'], docs: [] }, new: { csdl: ['b.EDMX'], docs: [] } }],
    ['a page and a folder', { ...none, paths: ['a.md', folder] }, { old: { csdl: [], docs: ['a.md'] }, new: { csdl: [], docs: [folder] } }],
    [
      'a plain path fills the side without options',
      { ...none, newCsdl: ['b.xml'], newDocs: ['docs'], paths: ['a.xml'] },
      { old: { csdl: ['a.xml'], docs: [] }, new: { csdl: ['b.xml'], docs: ['docs'] } },
    ],
    [
      'options only, repeated',
      { ...none, oldCsdl: ['a.xml', 'a2.xml'], oldDocs: ['old'], newCsdl: ['b.xml'], paths: [] },
      { old: { csdl: ['a.xml', 'a2.xml'], docs: ['old'] }, new: { csdl: ['b.xml'], docs: [] } },
    ],
  ] as [string, DiffArguments, unknown][])('%s', (_name, args, expected) => {
    expect(resolveSides(args)).toEqual(expected);
  });

  it.each([
    ['a side without input', { ...none, paths: ['a.xml'] }, ['input/not-found']],
    ['a path that is neither', { ...none, paths: [text, 'b.xml'] }, ['input/unsupported']],
    ['a path that does not exist', { ...none, paths: [join(folder, 'missing'), 'b.xml'] }, ['input/not-found']],
    ['too many plain paths', { ...none, oldCsdl: ['a.xml'], newCsdl: ['b.xml'], paths: ['c.xml'] }, ['input/extra-argument']],
  ] as [string, DiffArguments, string[]][])('refuses %s', (_name, args, codes) => {
    try {
      resolveSides(args);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UserInputError);
      expect((error as UserInputError).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(codes);
    }
  });
});
