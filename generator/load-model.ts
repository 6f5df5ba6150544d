import { readFileSync, statSync } from 'node:fs';
import { DiagnosticCollector } from './diagnostics/collector.ts';
import { createDiagnostic } from './diagnostics/diagnostic.ts';
import { UserInputError } from './diagnostics/user-error.ts';
import { fetchCsdl } from './csdl/fetch-csdl.ts';
import { isUrl, referenceLoader, type FetchedDocuments } from './csdl/reference-loader.ts';
import { followReferences, reportUnresolvedReferences } from './csdl/references.ts';
import { assembleModel } from './load-model-text.ts';
import { cachedBuild } from './model-cache/index.ts';
import type { InputFile } from './model/build/build-model.ts';
import type { Model } from './model/types.ts';
import { readDocPages } from './graph-docs/index.ts';
import type { DocPage } from './graph-docs/types.ts';

export interface ModelInputs {
  /**
   * CSDL documents (XML or JSON): file paths, or http(s) URLs of a $metadata, which must be in
   * `fetched` (loadModelFrom fetches them). References in them are followed (csdl/references.ts).
   */
  csdl?: string[];
  /** Documents fetched by URL (csdl/fetch-csdl.ts), with the references reached from them. */
  fetched?: FetchedDocuments;
  /** Graph reference pages: markdown files or folders. */
  docs?: string[];
  /**
   * Keys as path segments (true) or in parentheses (false), whatever the inputs say
   * (the `keyAsSegment` setting; see generator/model/operations/url-conventions.ts).
   */
  keyAsSegment?: boolean;
  /** A folder caching the model built from the CSDL files (generator/model-cache/); absent: no cache. */
  cache?: string | undefined;
}

export interface LoadedModel {
  model: Model;
  diagnostics: DiagnosticCollector;
  /** The doc pages read, for commands that check them (validate-docs). */
  pages: DocPage[];
}

/**
 * The one way into the model from files: reads CSDL files and doc pages (following links),
 * then builds and merges as `modelFromText` does (load-model-text.ts).
 * Unreadable files and malformed XML throw UserInputError; the rest are diagnostics.
 */
export function loadModel(inputs: ModelInputs, diagnostics = new DiagnosticCollector()): LoadedModel {
  const followed = followReferences(
    (inputs.csdl ?? []).map((location) => (isUrl(location) ? fetchedInput(location, inputs.fetched) : readInput(location))),
    referenceLoader(inputs.fetched),
  );
  const csdlFiles = followed.files;
  for (const path of inputs.docs ?? []) assertExists(path);
  const pages = inputs.docs?.length ? readDocPages(inputs.docs, diagnostics) : [];
  const build = inputs.cache === undefined ? undefined : cachedBuild(inputs.cache);
  const model = assembleModel(csdlFiles, pages, diagnostics, { ...(build ? { build } : {}), keyAsSegment: inputs.keyAsSegment });
  reportUnresolvedReferences(followed.unresolved, model, diagnostics);
  return { model, diagnostics, pages };
}

/**
 * `loadModel` for inputs that may be URLs: fetches them first (with `headers`, e.g. for
 * authentication), then builds. The CLI's way in for `--csdl https://...`.
 */
export async function loadModelFrom(
  inputs: ModelInputs & { headers?: Record<string, string> },
  diagnostics = new DiagnosticCollector(),
): Promise<LoadedModel> {
  const urls = (inputs.csdl ?? []).filter(isUrl);
  const fetched = urls.length > 0 ? await fetchCsdl(urls, { headers: inputs.headers ?? {} }) : inputs.fetched;
  return loadModel({ ...inputs, fetched }, diagnostics);
}

function fetchedInput(location: string, fetched: FetchedDocuments | undefined): InputFile {
  const document = fetched?.documents.get(new URL(location).href);
  if (document) return document;
  throw new UserInputError([
    createDiagnostic('input/fetch-failed', { file: location, line: 1, column: 1 }, { url: location, reason: 'URLs are fetched by loadModelFrom (or the CLI), not by loadModel' }),
  ]);
}

function assertExists(path: string): void {
  try {
    statSync(path);
  } catch (error) {
    throw new UserInputError([
      createDiagnostic('input/not-found', { file: path, line: 1, column: 1 }, { path, reason: 'no such file or folder' }),
    ]);
  }
}

export function readInput(file: string): InputFile {
  try {
    if (statSync(file).isDirectory()) throw new Error('is a folder, expected a file');
    return { file, text: readFileSync(file, 'utf8') };
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error);
    throw new UserInputError([createDiagnostic('input/not-found', { file, line: 1, column: 1 }, { path: file, reason })]);
  }
}
