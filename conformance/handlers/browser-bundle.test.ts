import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleForBrowser } from '../../generator/testing/browser-bundle.ts';

/**
 * The reference handlers are meant for `setupWorker` in the browser as well as `setupServer`
 * in Node. Bundling them for the browser (esbuild, platform browser) must reach no Node
 * built-in and no module a package disables for browsers: the browser-safe entry
 * (odatakit/conformance/handlers, every export used), and the generated handlers.gen.ts, which
 * imports only that entry. test/browser/ runs the generated handlers in Chromium.
 */
const HERE = fileURLToPath(new URL('.', import.meta.url));

const ENTRY = `
import { setupWorker } from 'msw/browser';
import * as handlers from 'odatakit/conformance/handlers';
export { handlers };
export function start(csdl: string, json: string) {
  const fromText = handlers.modelFromText({ csdl: [{ file: '$metadata', text: csdl }] });
  const fromJson = handlers.modelFromJson(json);
  const store = handlers.createStore();
  return setupWorker(...handlers.createHandlers(fromText.model, { store }), ...handlers.createHandlers(fromJson)).start();
}
`;

const GENERATED = `
import { setupWorker } from 'msw/browser';
import { createHandlers, generatedModel } from '../../generated/handlers.gen.ts';
export const start = () => setupWorker(...createHandlers(generatedModel())).start();
`;

describe('the reference handlers in the browser', () => {
  it('odatakit/conformance/handlers bundles with msw/browser and no Node built-in', async () => {
    const bundle = await bundleForBrowser(ENTRY, HERE);
    expect(bundle.nodeOnly).toEqual([]);
    // The bundle holds what the entry promises: handlers, CSDL and docs front ends, msw's browser build.
    for (const module of [
      'conformance/handlers/index.ts',
      'conformance/handlers/create-handlers.ts',
      'generator/load-model-text.ts',
      'generator/model/build/build-model.ts',
      'generator/graph-docs/parse-page.ts',
      'generator/model/docs/merge-docs.ts',
      'generator/model/json.ts',
      'node_modules/fast-xml-parser/',
      'node_modules/msw/lib/browser/',
    ]) {
      expect(bundle.inputs.some((input) => input.includes(module)), module).toBe(true);
    }
    // Not the file readers, nor the code generator's writing half.
    expect(bundle.inputs.filter((input) => /load-model\.ts$|read-pages\.ts$|emit\/(generate|output|templates|header)\.ts$/.test(input))).toEqual([]);
  });

  it('the generated handlers.gen.ts bundles the same way, with its model, and without the file system', async () => {
    const bundle = await bundleForBrowser(GENERATED, HERE, { minify: true });
    expect(bundle.nodeOnly).toEqual([]);
    expect(bundle.included).toEqual(expect.arrayContaining(['generated/handlers.gen.ts', 'generated/model.gen.ts', 'conformance/handlers/create-handlers.ts']));
    // Neither front end is in the bundle: the model comes as JSON.
    expect(bundle.included.filter((input) => /generator\/(csdl|graph-docs)\/|fast-xml-parser|mdast|micromark|@lezer/.test(input))).toEqual([]);
    expect(gzipSync(bundle.code).length).toBeGreaterThan(10_000);
  });

  it('a check that checks: a Node built-in anywhere in the graph is reported with its importer', async () => {
    const bundle = await bundleForBrowser(`import { readFileSync } from 'node:fs'; import os from 'os'; export const x = [readFileSync, os];`, HERE);
    expect(bundle.nodeOnly).toEqual(['node:fs (imported by the entry)', 'os (imported by the entry)']);
    const loader = await bundleForBrowser(`export { loadModel } from 'odatakit';`, HERE);
    expect(loader.nodeOnly).toEqual(expect.arrayContaining([expect.stringMatching(/^node:fs \(imported by generator\/load-model\.ts\)$/)]));
  });
});
