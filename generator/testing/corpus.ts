import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The project root and the shared corpus beside it (`../shared`), for tests and benchmarks. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED = join(PROJECT_ROOT, '../shared');
export const CORPUS = join(SHARED, 'corpus');
export const GRAPH_CSDL = join(CORPUS, 'csdl/graph-v1.0.xml');
export const GRAPH_CSDL_OLD = join(CORPUS, 'csdl/graph-v1.0-2026-01-06.xml');
export const GRAPH_DOCS = join(CORPUS, 'graph-docs');
export const EXAMPLE_CSDL = join(PROJECT_ROOT, 'examples/csdl/cross-tenant-sync.xml');
export const EXAMPLE_DOCS = join(PROJECT_ROOT, 'examples/docs');

export const corpusAvailable = existsSync(GRAPH_CSDL) && existsSync(GRAPH_DOCS);

/** Shown in test names when the corpus is absent, so a skip is never silent. */
export const CORPUS_SKIP_REASON = corpusAvailable
  ? ''
  : ` (skipped: ${SHARED} is missing; these tests need the shared corpus beside the project)`;
