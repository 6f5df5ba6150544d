/**
 * validate-docs: Graph reference pages checked against the schema (examples, annotations,
 * tables), with positioned findings, page suppressions, baselines and three report formats.
 *
 * Public API:
 *   validateDocs(options: { docs: string[]; csdl?: string[] }): { files, diagnostics, inputDiagnostics }
 *   checkDocs(input: { model, pages, checked, csdl, loadDiagnostics? }): Diagnostic[]
 *   readBaseline(file: string): BaselineEntry[]
 *   applyBaseline(diagnostics, baseline, cwd?): { fresh, known, gone }
 *   formatText(report, color?), formatJson(report), formatSarif(report, version): string
 */

// Running the checks
export { checkDocs, validateDocs, type CheckDocsInput, type ValidateDocsOptions, type ValidateDocsResult } from './validate-docs.ts';

// Baselines
export { applyBaseline, portablePath, readBaseline, type BaselineEntry, type BaselineResult } from './baseline.ts';

// Report formats
export { formatJson, type DocsReport } from './format/json.ts';
export { formatSarif } from './format/sarif.ts';
export { formatText } from './format/text.ts';
