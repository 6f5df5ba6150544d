import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { UserInputError } from '../diagnostics/user-error.ts';
import { buildModel } from '../model/build/build-model.ts';
import { EXAMPLE_CSDL, PROJECT_ROOT } from '../testing/corpus.ts';
import { CSDL_OTHER, refusal } from './__fixtures__/models.ts';
import { seededRandom as random } from './__fixtures__/seeded-random.ts';

const SIGNIFICANT = ['<', '>', '&', '"', "'", '/', '=', '?', '!', '-', '[', ']', ':', ' ', '\n', '\u0000', '\uFFFF', '&#0;', '<!--', ']]>', '<?', '<![CDATA[', 'xmlns:edmx="urn:x"', 'xmlns=""', '{', '}'];

/** One random edit: delete, duplicate or move a span, insert markup, or cut the text short. */
function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const span = 1 + Math.floor(next() * 40);
  switch (Math.floor(next() * 5)) {
    case 0:
      return text.slice(0, at) + text.slice(at + span);
    case 1:
      return text.slice(0, at) + text.slice(at, at + span) + text.slice(at);
    case 2:
      return text.slice(0, at) + SIGNIFICANT[Math.floor(next() * SIGNIFICANT.length)] + text.slice(at);
    case 3: {
      const to = Math.floor(next() * text.length);
      const piece = text.slice(at, at + span);
      const rest = text.slice(0, at) + text.slice(at + span);
      return rest.slice(0, to) + piece + rest.slice(to);
    }
    default:
      return text.slice(0, at);
  }
}

const FILES = [
  EXAMPLE_CSDL,
  join(PROJECT_ROOT, 'generator/csdl/json/__fixtures__/service.json'),
  ...['trippin.xml', 'northwind-v4.xml', 'oasis-authorization-vocab.xml'].map((name) => join(CSDL_OTHER, name)),
].filter((path) => existsSync(path));

describe('malformed input never crashes the front end', () => {
  it('a broken processing instruction is exit 2 with a position', () => {
    expect(refusal('<?xml vers1.0" encoding="utf-8"?>\n<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"/>')).toEqual([
      expect.objectContaining({ code: 'csdl/malformed-xml', line: 1, column: 1 }),
    ]);
  });

  it(`300 seeded random mutations of ${FILES.length} real files: a model or a positioned refusal, never an internal error`, () => {
    const next = random(20261203);
    let refused = 0;
    for (let index = 0; index < 300; index++) {
      const file = FILES[index % FILES.length]!;
      let text = readFileSync(file, 'utf8');
      const edits = 1 + Math.floor(next() * 3);
      for (let edit = 0; edit < edits; edit++) text = mutate(text, next);
      try {
        buildModel([{ file: 'mutant.xml', text }], new DiagnosticCollector()); // XML or JSON, by the text
      } catch (error) {
        if (!(error instanceof UserInputError)) {
          throw new Error(`case ${index} (${file}, ${edits} edits): ${error instanceof Error ? error.stack : String(error)}`);
        }
        refused++;
        for (const diagnostic of error.diagnostics) {
          expect(diagnostic).toMatchObject({ file: 'mutant.xml', severity: 'error' });
          expect(diagnostic.line).toBeGreaterThanOrEqual(1);
          expect(diagnostic.column).toBeGreaterThanOrEqual(1);
        }
      }
    }
    // The mutations must actually break documents, or the test checks nothing.
    expect(refused).toBeGreaterThan(100);
  });
});
