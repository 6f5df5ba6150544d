import type { OutputFile } from './emitter.ts';

/**
 * Our sources import with `.ts` extensions; generated output imports with `.js`, which every
 * TypeScript setup resolves (NodeNext, bundler, tsx, vitest) without
 * `allowImportingTsExtensions`, and which still works once the output is compiled to JS.
 */
const RELATIVE_TS_IMPORT = /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"\n]+?)\.ts\2/g;

export function portableImports(file: OutputFile): OutputFile {
  if (!file.path.endsWith('.ts')) return file;
  return { ...file, content: file.content.replace(RELATIVE_TS_IMPORT, '$1$2$3.js$2') };
}
