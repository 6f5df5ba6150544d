import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './testing/corpus.ts';
import { packageExports, sourceOf } from './testing/package-exports.ts';

/**
 * The package's `exports` map: every entry is compiled code in dist/ with its types beside it
 * (docs/decisions/0013), built from a source that exists; the repository's own type-check
 * resolves the same names to those sources. The packed package itself is checked in a fresh
 * project by test/package/.
 */
const exportsMap = packageExports();
const entries = Object.entries(exportsMap).flatMap(([subpath, target]) => (typeof target === 'string' ? [] : [{ subpath, ...target }]));

describe('the exports map', () => {
  it('lists the public entries', () => {
    expect(Object.keys(exportsMap)).toEqual([
      '.',
      './conformance',
      './conformance/handlers',
      './conformance/vitest',
      './conformance/examples',
      './runtime/validation',
      './runtime/client',
      './package.json',
    ]);
    expect(exportsMap['./package.json']).toBe('./package.json');
  });

  it.each(entries.map((entry) => [entry.subpath, entry] as const))('%s: compiled JavaScript with its .d.ts, built from an existing source', (_subpath, entry) => {
    expect(Object.keys(entry)).toEqual(['subpath', 'types', 'default']); // types first: TypeScript reads the first condition that matches
    expect(entry.default).toMatch(/^\.\/dist\/.+\.js$/);
    expect(entry.types).toBe(entry.default.replace(/\.js$/, '.d.ts'));
    expect(existsSync(join(PROJECT_ROOT, sourceOf(entry.default))), sourceOf(entry.default)).toBe(true);
  });

  it('resolves to the same sources in the repository type-check (tsconfig.json paths)', () => {
    const tsconfig = JSON.parse(readFileSync(join(PROJECT_ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
    const expected = Object.fromEntries(entries.map((entry) => [`odatakit${entry.subpath.slice(1)}`, [`./${sourceOf(entry.default)}`]]));
    expect(tsconfig.compilerOptions.paths).toEqual(expected);
  });

  it('gives the generator API from the main entry', async () => {
    const main = await import('odatakit');
    expect(Object.keys(main).sort()).toEqual([
      'DiagnosticCollector',
      'EDM_PRIMITIVES',
      'UserInputError',
      'applyPlan',
      'buildModel',
      'createValidator',
      'diffModels',
      'emptyModel',
      'loadModel',
      'planGenerate',
      'validateDocs',
    ]);
    const conformance = await import('odatakit/conformance');
    expect(typeof conformance.createHandlers).toBe('function');
  });

  it('names every export of the barrel (no `export *`)', () => {
    expect(readFileSync(join(PROJECT_ROOT, 'generator/index.ts'), 'utf8')).not.toMatch(/export\s+(type\s+)?\*/);
  });
});

describe('dependencies', () => {
  it('are what the shipped code imports: runtime dependencies, and peers (msw, vitest, tsx)', () => {
    const files = globSync(['generator/**/*.ts', 'conformance/**/*.ts'], {
      cwd: PROJECT_ROOT,
      ignore: ['**/*.test.ts', '**/*.test-d.ts', '**/__fixtures__/**', 'generator/testing/**', 'conformance/graph-suite*.ts'],
    });
    const imported = new Set<string>();
    for (const file of files) {
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      const specifiers = [
        ...[...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"./][^'"]*)['"]/gm)].map((match) => match[1]!),
        ...[...text.matchAll(/\bimport\(\s*['"]([^'"./][^'"]*)['"]\s*\)/g)].map((match) => match[1]!),
        // createRequire's require, which templates.ts uses to load handlebars' runtime on demand.
        ...[...text.matchAll(/\brequire\(\s*['"]([^'"./][^'"]*)['"]\s*\)/g)].map((match) => match[1]!),
      ];
      for (const specifier of specifiers) if (!specifier.startsWith('node:')) imported.add(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
    }
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; peerDependencies: Record<string, string> };
    expect([...imported].sort()).toEqual([...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)].sort());
  });
});
