import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { parsePage } from '../graph-docs/parse-page.ts';
import { buildModel } from '../model/build/build-model.ts';
import { mergeDocs, modelFromDocs } from '../model/docs/index.ts';
import { CORPUS_SKIP_REASON, corpusAvailable, EXAMPLE_CSDL, GRAPH_DOCS } from '../testing/corpus.ts';
import { checkDocs } from './validate-docs.ts';

/** Deterministic damage: cut, drop a run, insert JSON debris, splice two halves. */
function* mangled(text: string, count: number): Generator<string> {
  let seed = text.length;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < count; i++) {
    const at = Math.floor(next() * text.length);
    const cuts = [
      () => text.slice(0, at),
      () => text.slice(0, at) + text.slice(at + Math.floor(next() * 50)),
      () => `${text.slice(0, at)}{"[,:}]\n<!-- { "blockType": -->${text.slice(at)}`,
      () => text.slice(0, at) + text.slice(Math.floor(next() * text.length)),
    ];
    yield cuts[i % cuts.length]!();
  }
}

describe.skipIf(!corpusAvailable)(`validate-docs on damaged pages${CORPUS_SKIP_REASON}`, () => {
  // Every other page keeps the test short; parsing, not checking, is what takes the time.
  const files = corpusAvailable ? readdirSync(GRAPH_DOCS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort().filter((_, i) => i % 2 === 0) : [];
  const csdl = corpusAvailable ? buildModel([{ file: EXAMPLE_CSDL, text: readFileSync(EXAMPLE_CSDL, 'utf8') }], new DiagnosticCollector()) : undefined;

  it('reports, never throws, with or without a CSDL', () => {
    let runs = 0;
    for (const name of files) {
      const file = path.join(GRAPH_DOCS, name);
      for (const text of mangled(readFileSync(file, 'utf8'), 4)) {
        const diagnostics = new DiagnosticCollector();
        const pages = [parsePage(file, text, diagnostics)];
        const withCsdl = runs % 2 === 0;
        const model = withCsdl ? mergeDocs(csdl!, pages, diagnostics) : modelFromDocs(pages, diagnostics);
        const found = checkDocs({ model, pages, checked: pages, csdl: withCsdl, loadDiagnostics: diagnostics.items });
        expect(found.every((d) => d.file === file && d.line >= 1 && d.column >= 1)).toBe(true);
        runs++;
      }
    }
    expect(runs).toBe(files.length * 4);
  });
});
