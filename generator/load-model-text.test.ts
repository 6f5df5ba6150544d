import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { UserInputError } from './diagnostics/user-error.ts';
import { loadModel } from './load-model.ts';
import { modelFromText } from './load-model-text.ts';
import { EXAMPLE_CSDL, EXAMPLE_DOCS, PROJECT_ROOT } from './testing/corpus.ts';

/** The bundled example as text, with the file names loadModel gives it (relative to the project). */
const csdl = [{ file: relative(PROJECT_ROOT, EXAMPLE_CSDL), text: readFileSync(EXAMPLE_CSDL, 'utf8') }];
const docs = globSync('**/*.md', { cwd: EXAMPLE_DOCS, absolute: true })
  .sort()
  .reverse() // modelFromText orders pages itself
  .map((file) => ({ file: relative(PROJECT_ROOT, file), text: readFileSync(file, 'utf8') }));

describe('modelFromText: the model from text in memory', () => {
  it('builds the same model as loadModel from the same CSDL and pages (merge, method tables linking pages)', () => {
    expect(docs).toHaveLength(6);
    const cwd = process.cwd();
    process.chdir(PROJECT_ROOT);
    try {
      const fromFiles = loadModel({ csdl: [csdl[0]!.file], docs: [relative(PROJECT_ROOT, EXAMPLE_DOCS)] });
      const fromText = modelFromText({ csdl, docs });
      expect(fromText.model).toEqual(fromFiles.model);
      expect(fromText.diagnostics.sorted()).toEqual(fromFiles.diagnostics.sorted());
      expect(fromText.pages.map((page) => page.file)).toEqual(fromFiles.pages.map((page) => page.file));
      // The starting resource came from the docs: the PUT is documented only on a page.
      expect(fromText.model.operations.map((operation) => operation.id)).toContain('PUT /policies/crossTenantAccessPolicy/partners/{tenantId}/identitySynchronization');
    } finally {
      process.chdir(cwd);
    }
  });

  it('takes the keyAsSegment setting over what the inputs say, as loadModel does', () => {
    expect(modelFromText({ csdl, docs }).model.urlConventions).toMatchObject({ keyAsSegment: true, keyAsSegmentFrom: 'docs' });
    expect(modelFromText({ csdl, docs, keyAsSegment: false }).model.urlConventions).toMatchObject({ keyAsSegment: false, keyAsSegmentFrom: 'config' });
  });

  it('builds from pages alone and from nothing', () => {
    expect(Object.keys(modelFromText({ docs }).model.types)).toContain('microsoft.graph.crossTenantIdentitySyncPolicyPartner');
    expect(modelFromText({}).model.operations).toEqual([]);
  });

  it('throws UserInputError naming file, line and column for malformed XML', () => {
    expect(() => modelFromText({ csdl: [{ file: 'broken.xml', text: '<edmx:Edmx>\n  <Schema>' }] })).toThrow(UserInputError);
    expect(() => modelFromText({ csdl: [{ file: 'broken.xml', text: '<edmx:Edmx>\n  <Schema>' }] })).toThrow(/^broken\.xml:\d+:\d+ /);
  });
});
