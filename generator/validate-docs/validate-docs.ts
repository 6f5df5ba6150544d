/**
 * validate-docs: Graph reference pages checked against the schema, the way a linter checks
 * code. Loads the model (the CSDL's merged with the docs, or the docs' own), runs every
 * check on the pages asked for (pages reached by following links are read for their types,
 * not checked), keeps the page reader's own findings, and drops what the pages suppress.
 */
import path from 'node:path';
import { DiagnosticCollector, compareDiagnostics } from '../diagnostics/collector.ts';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { UserInputError } from '../diagnostics/user-error.ts';
import { createValidator } from '../emit/validators/index.ts';
import type { DocPage } from '../graph-docs/types.ts';
import type { FetchedDocuments } from '../csdl/reference-loader.ts';
import { loadModel } from '../load-model.ts';
import type { Model } from '../model/types.ts';
import { pairExamples } from './annotations.ts';
import type { CheckContext } from './context.ts';
import { checkJsonSyntax } from './json-syntax.ts';
import { indexOperations } from './operation-match.ts';
import { parseFindings } from './parse-findings.ts';
import { checkRequest, checkRequestLines } from './requests.ts';
import { checkResourcePage } from './resource-pages.ts';
import { checkResponse } from './responses.ts';
import { applySuppressions, collectSuppressions } from './suppressions.ts';

export interface ValidateDocsOptions {
  /** Markdown pages or folders of pages to check. */
  docs: string[];
  /** CSDL files; without them the pages are checked against each other. */
  csdl?: string[];
  /** The model cache folder (generator/model-cache/); absent: no cache. */
  cache?: string | undefined;
  /** `csdl` URLs, fetched (csdl/fetch-csdl.ts). */
  fetched?: FetchedDocuments;
}

export interface ValidateDocsResult {
  /** The pages checked, sorted. */
  files: string[];
  /** Findings on those pages, sorted, suppressions applied; errors and warnings only. */
  diagnostics: Diagnostic[];
  /** What loading the CSDL reported (it is not a page, so these are not findings). */
  inputDiagnostics: Diagnostic[];
}

/** Reads and checks; unusable input (missing files, malformed XML, no page) throws UserInputError. */
export function validateDocs(options: ValidateDocsOptions): ValidateDocsResult {
  const csdl = options.csdl ?? [];
  const loaded = loadModel({ csdl, docs: options.docs, cache: options.cache, fetched: options.fetched });
  const loadDiagnostics = loaded.diagnostics.sorted();
  const unusable = loadDiagnostics.filter((diagnostic) => diagnostic.code.startsWith('input/') && diagnostic.severity === 'error');
  if (unusable.length > 0) throw new UserInputError(unusable);
  const checked = checkedPages(options.docs, loaded.pages);
  if (checked.length === 0) {
    const where = options.docs.join(', ');
    throw new UserInputError([createDiagnostic('input/not-found', { file: where, line: 1, column: 1 }, { path: where, reason: 'no markdown page (*.md) there' })]);
  }
  const diagnostics = checkDocs({ model: loaded.model, pages: loaded.pages, checked, csdl: csdl.length > 0, loadDiagnostics });
  const pageFiles = new Set(loaded.pages.map((page) => page.file));
  return {
    files: checked.map((page) => page.file),
    diagnostics,
    inputDiagnostics: loadDiagnostics.filter((diagnostic) => !pageFiles.has(diagnostic.file)),
  };
}

export interface CheckDocsInput {
  model: Model;
  /** Every page read (linked pages too). */
  pages: DocPage[];
  /** The pages to report on. */
  checked: DocPage[];
  csdl: boolean;
  /** What loading reported; the page reader's findings on checked pages are kept. */
  loadDiagnostics?: Diagnostic[];
}

/** The checks, on pages already read: what tests and the bench call. */
export function checkDocs(input: CheckDocsInput): Diagnostic[] {
  const findings = new DiagnosticCollector();
  const context: CheckContext = {
    model: input.model,
    pages: input.pages,
    validator: createValidator(input.model),
    operations: indexOperations(input.model),
    csdl: input.csdl,
    findings,
  };
  const suppressions = [];
  for (const page of input.checked) {
    checkPage(page, context);
    suppressions.push(...collectSuppressions(page, findings));
  }
  const files = new Set(input.checked.map((page) => page.file));
  const all = [...parseFindings(input.loadDiagnostics ?? [], files), ...findings.items];
  return unique(applySuppressions(all, suppressions)).sort(compareDiagnostics);
}

function checkPage(page: DocPage, context: CheckContext): void {
  checkJsonSyntax(page, context);
  checkRequestLines(page, context);
  for (const pair of pairExamples(page, context)) {
    const operation = pair.request ? checkRequest(page, pair.request, context) : undefined;
    if (pair.response) checkResponse(page, pair.response, operation, context);
  }
  checkResourcePage(page, context);
}

/** A response answering two named requests is checked twice; its findings are said once. */
function unique(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}|${diagnostic.code}|${diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Pages under a folder given, or given themselves; linked pages are read, not checked. */
function checkedPages(inputs: string[], pages: DocPage[]): DocPage[] {
  const roots = inputs.map((input) => path.resolve(input));
  return pages.filter((page) => {
    const file = path.resolve(page.file);
    return roots.some((root) => file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
  });
}
