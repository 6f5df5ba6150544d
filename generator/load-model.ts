import { readFileSync, statSync } from 'node:fs';
import { DiagnosticCollector } from './diagnostics/collector.ts';
import { createDiagnostic } from './diagnostics/diagnostic.ts';
import { UserInputError } from './diagnostics/user-error.ts';
import { assembleModel } from './load-model-text.ts';
import { cachedBuild } from './model-cache/index.ts';
import type { InputFile } from './model/build/build-model.ts';
import type { Model } from './model/types.ts';
import { readDocPages } from './graph-docs/index.ts';
import type { DocPage } from './graph-docs/types.ts';

export interface ModelInputs {
  /** CSDL XML files. */
  csdl?: string[];
  /** Graph reference pages: markdown files or folders. */
  docs?: string[];
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
  const csdlFiles = (inputs.csdl ?? []).map(readInput);
  for (const path of inputs.docs ?? []) assertExists(path);
  const pages = inputs.docs?.length ? readDocPages(inputs.docs, diagnostics) : [];
  return { model: assembleModel(csdlFiles, pages, diagnostics, inputs.cache === undefined ? undefined : cachedBuild(inputs.cache)), diagnostics, pages };
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
