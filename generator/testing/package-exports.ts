import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './corpus.ts';

/** The package's `exports`: every entry but `./package.json` has `types` and `default`, in dist/. */
export type ExportsMap = Record<string, string | { types: string; default: string }>;

export function packageExports(): ExportsMap {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { exports: ExportsMap }).exports;
}

/** `./dist/x/y.js` -> `x/y.ts`: the source a compiled entry is built from (tsconfig.build.json). */
export function sourceOf(compiled: string): string {
  return compiled.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts');
}

/**
 * `odatakit/...` -> absolute path of the entry's TypeScript source, for the repository's own
 * tests and type-check, which run on the sources, not on a build that may be stale.
 */
export function sourceEntries(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(packageExports()).flatMap(([subpath, target]) =>
      typeof target === 'string' ? [] : [[`odatakit${subpath.slice(1)}`, join(PROJECT_ROOT, sourceOf(target.default))]],
    ),
  );
}
