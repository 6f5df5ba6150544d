import type { OutputFile } from './emitter.ts';

/**
 * Our sources import with `.ts` extensions; generated output imports with `.js`, which every
 * TypeScript setup resolves (NodeNext, bundler, tsx, vitest) without
 * `allowImportingTsExtensions`, and which still works once the output is compiled to JS.
 * The built-in templates write `.js` themselves; user templates and copied sources may write either.
 */
const RELATIVE_TS_IMPORT = /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"\n]+?)\.ts\2/g;

export function portableImports(file: OutputFile): OutputFile {
  if (!file.path.endsWith('.ts')) return file;
  // The built-in templates import `.js` already; a plain search for what every match ends with
  // passes over their output (18 MB for Graph) several times faster than the expression.
  // Copied runtime sources and user templates go on to the rewrite.
  if (!file.content.includes(".ts'") && !file.content.includes('.ts"')) return file;
  RELATIVE_TS_IMPORT.lastIndex = 0;
  if (!RELATIVE_TS_IMPORT.test(file.content)) return file;
  return { ...file, content: file.content.replace(RELATIVE_TS_IMPORT, '$1$2$3.js$2') };
}
