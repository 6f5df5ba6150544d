import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './testing/corpus.ts';

/** Relative imports of every non-test source file under `folder`, resolved to project paths. */
function imports(folder: string): { file: string; target: string }[] {
  const files = globSync(`${folder}/**/*.ts`, { cwd: PROJECT_ROOT, ignore: ['**/*.test.ts', '**/*.test-d.ts', '**/__fixtures__/**'] });
  return files.flatMap((file) => {
    const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
    return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => ({
      file,
      target: relative(PROJECT_ROOT, resolve(dirname(join(PROJECT_ROOT, file)), match[1]!)),
    }));
  });
}

describe('imports go one way', () => {
  it('the generator does not import the conformance kit (the CLI command excepted, see decision 5)', () => {
    const all = imports('generator');
    expect(all.length).toBeGreaterThan(200); // the scan sees the imports at all
    const offenders = all.filter(
      ({ file, target }) => target.startsWith('conformance/') && file !== 'generator/cli/commands/conformance.ts',
    );
    expect(offenders).toEqual([]);
  });

  it.each(['generator/runtime/validation', 'generator/runtime/client'])('%s imports nothing outside the runtime it ships in', (folder) => {
    const offenders = imports(folder).filter(({ target }) => !target.startsWith('generator/runtime/'));
    expect(offenders).toEqual([]);
  });

  it('the input stages do not import the emitters, the diff or the CLI', () => {
    const upward = /^generator\/(emit|diff|validate-docs|cli)\//;
    const offenders = ['generator/csdl', 'generator/graph-docs', 'generator/model'].flatMap((folder) =>
      imports(folder).filter(({ target }) => upward.test(target)),
    );
    expect(offenders).toEqual([]);
  });
});
