import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './testing/corpus.ts';

/**
 * The package's `exports` map: every entry exists and loads by the package's own name, in
 * Node through tsx (how the package runs, docs/decisions/0001) as in vitest; the main
 * barrel lists its exports by name.
 */
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; exports: Record<string, string> };

describe('the exports map', () => {
  it('lists the public entries, each an existing file', () => {
    expect(Object.keys(pkg.exports)).toEqual(['.', './conformance', './conformance/vitest', './runtime/validation', './runtime/client', './package.json']);
    for (const target of Object.values(pkg.exports)) expect(existsSync(join(PROJECT_ROOT, target)), target).toBe(true);
  });

  it('resolves by the package name in Node under tsx', () => {
    const script = `Promise.all(['odatakit', 'odatakit/conformance', 'odatakit/runtime/validation', 'odatakit/runtime/client'].map((name) => import(name).then((m) => [name, Object.keys(m).length]))).then((all) => process.stdout.write(JSON.stringify(Object.fromEntries(all))))`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const counts = JSON.parse(result.stdout) as Record<string, number>;
    for (const count of Object.values(counts)) expect(count).toBeGreaterThan(0);
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
