import type { DiagnosticCollector } from '../../diagnostics/collector.ts';
import type { Model } from '../types.ts';
import { attach, indexTargets, resolveTarget } from './annotation-target.ts';
import type { ExternalAnnotations } from './read-document.ts';

/**
 * Attaches `<Annotations Target="...">` blocks (CSDL XML 14.2) to their targets (see
 * annotation-target.ts for the forms). A target that names nothing is reported as missing;
 * a form we do not keep is reported as not supported, never as missing.
 */
export function applyExternalAnnotations(
  model: Model,
  blocks: ExternalAnnotations[],
  diagnostics: DiagnosticCollector,
  terms: ReadonlySet<string> = new Set(),
): void {
  const index = indexTargets(model, terms);
  for (const block of blocks) {
    const resolution = resolveTarget(index, block.target);
    if (resolution.kind === 'missing') {
      diagnostics.report('csdl/unresolved-annotation-target', block.source, { target: block.target, reason: resolution.reason });
    } else if (resolution.kind === 'unsupported') {
      diagnostics.report('csdl/unsupported-annotation-target', block.source, { target: block.target, reason: resolution.reason });
    } else attach(resolution, block.annotations);
  }
}
