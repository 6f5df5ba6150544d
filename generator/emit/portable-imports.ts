import type { OutputFile } from './emitter.ts';

/**
 * Our sources import with `.ts` extensions; generated output imports with `.js`, which every
 * TypeScript setup resolves (NodeNext, bundler, tsx, vitest) without
 * `allowImportingTsExtensions`, and which still works once the output is compiled to JS.
 */
const RELATIVE_TS_IMPORT = /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"\n]+?)\.ts\2/g;

export function portableImports(file: OutputFile): OutputFile {
  if (!file.path.endsWith('.ts')) return file;
  // Most of the output (by size) imports nothing relative: no copy of a file that has nothing to replace.
  RELATIVE_TS_IMPORT.lastIndex = 0;
  if (!RELATIVE_TS_IMPORT.test(file.content)) return file;
  return { ...file, content: file.content.replace(RELATIVE_TS_IMPORT, '$1$2$3.js$2') };
}
