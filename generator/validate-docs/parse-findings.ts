/**
 * Findings the page reader already made while loading (docs/malformed-annotation,
 * docs/unknown-block-type, docs/unannotated-example, docs/orphan-annotation, ...) are
 * findings of validate-docs too, on the pages checked. Some are re-coded by a check of
 * this stage, which reports them better, and are dropped here so that nothing is said
 * twice: malformed JSON (json-syntax.ts, which places a trailing comma at the comma) and
 * the docs/CSDL conflicts of the merge (resource-pages.ts, requests.ts). Notes (`info`)
 * are not findings.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';

const RECODED = new Set<string>(['docs/malformed-json']);

export function parseFindings(diagnostics: Diagnostic[], checkedFiles: Set<string>): Diagnostic[] {
  return diagnostics.filter(
    (diagnostic) =>
      diagnostic.severity !== 'info' &&
      diagnostic.code.startsWith('docs/') &&
      !RECODED.has(diagnostic.code) &&
      checkedFiles.has(diagnostic.file),
  );
}
