/** Graph reference pages -> model: alone (modelFromDocs) or merged into a CSDL model (mergeDocs). */
export { modelFromDocs } from './model-from-docs.ts';
export { mergeDocs, mergeDocsInto } from './merge-docs.ts';
export { docExamples } from './examples.ts';
export { resolvePath, type ResolvedPath } from './resolve-path.ts';
