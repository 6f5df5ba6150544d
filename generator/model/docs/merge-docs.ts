/**
 * Merges Graph reference pages into a model built from CSDL. CSDL is authoritative for
 * shape; the docs add descriptions where CSDL has none, operations (documented statuses,
 * pages, and documented operations CSDL does not derive), and examples. Conflicts are
 * warnings. The input model is not changed; a new one is returned.
 */
import type { DiagnosticCollector } from '../../diagnostics/collector.ts';
import type { DocPage } from '../../graph-docs/types.ts';
import type { Model } from '../types.ts';
import { collectDocOperations } from './doc-operations.ts';
import { collectDocTypes } from './doc-types.ts';
import { docExamples } from './examples.ts';
import { mergeDocOperations } from './merge-operations.ts';
import { mergeDocTypes } from './merge-types.ts';
import { applyUrlSettings } from '../operations/url-conventions.ts';

export function mergeDocs(model: Model, pages: DocPage[], diagnostics: DiagnosticCollector): Model {
  return mergeDocsInto(structuredClone(model), pages, diagnostics);
}

/**
 * mergeDocs without the copy: changes `merged` and returns it. For a model nobody else holds
 * (loadModel's, just built or read from the cache): copying the Graph model cost about 150 ms,
 * most of a warm `validate-docs` run.
 */
export function mergeDocsInto(merged: Model, pages: DocPage[], diagnostics: DiagnosticCollector): Model {
  // Graph's pages address entities with key segments (`/users/{id}`): the service takes them.
  applyUrlSettings(merged, { docs: true });
  mergeDocTypes(merged, collectDocTypes(pages, diagnostics), diagnostics);
  mergeDocOperations(merged, collectDocOperations(pages), diagnostics);
  merged.examples.push(...docExamples(pages));
  for (const page of pages) if (!merged.inputs.includes(page.file)) merged.inputs.push(page.file);
  return merged;
}
