/** Graph reference pages -> model: alone (modelFromDocs) or merged into a CSDL model (mergeDocs). */
export { modelFromDocs } from './model-from-docs.ts';
export { mergeDocs } from './merge-docs.ts';
export { docExamples } from './examples.ts';
export { resolvePath, type ResolvedPath } from './resolve-path.ts';
