/**
 * The model from text in memory: CSDL documents and Graph reference pages given as strings
 * rather than paths. It is the build `loadModel` runs once it has read the files, with no
 * file system and no Node built-in on the way, so that it also runs in a browser
 * (`odatakit/conformance/handlers` re-exports it for `setupWorker`).
 */
import { DiagnosticCollector } from './diagnostics/collector.ts';
import { parsePage } from './graph-docs/parse-page.ts';
import type { DocPage } from './graph-docs/types.ts';
import { buildModel, emptyModel, type InputFile } from './model/build/build-model.ts';
import { mergeDocsInto, modelFromDocs } from './model/docs/index.ts';
import { applyUrlSettings } from './model/operations/url-conventions.ts';
import type { Model } from './model/types.ts';

export interface TextInputs {
  /** CSDL XML documents: `{ file, text }`, the file name used in diagnostics. */
  csdl?: InputFile[];
  /** Graph reference pages (markdown). Links are not followed: give every page the model needs. */
  docs?: InputFile[];
  /** Keys as path segments (true) or in parentheses (false), whatever the inputs say; as loadModel's. */
  keyAsSegment?: boolean;
}

export interface TextModel {
  model: Model;
  diagnostics: DiagnosticCollector;
  /** The doc pages parsed, in file order. */
  pages: DocPage[];
}

/**
 * Builds the model from text. Malformed XML throws UserInputError (with file, line and
 * column); every other problem is a diagnostic in `diagnostics`.
 */
export function modelFromText(inputs: TextInputs, diagnostics = new DiagnosticCollector()): TextModel {
  const pages = (inputs.docs ?? [])
    .map(({ file, text }) => parsePage(file, text, diagnostics))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const model = assembleModel(inputs.csdl ?? [], pages, diagnostics, { keyAsSegment: inputs.keyAsSegment });
  return { model, diagnostics, pages };
}

export interface AssembleOptions {
  /** Builds the CSDL part (loadModel passes one through the model cache). */
  build?: typeof buildModel;
  /** The key syntax setting, over what the inputs say. */
  keyAsSegment?: boolean | undefined;
}

/** CSDL alone, docs alone, or docs merged into CSDL: the one assembly of both front ends, then the settings. */
export function assembleModel(csdl: InputFile[], pages: DocPage[], diagnostics: DiagnosticCollector, options: AssembleOptions = {}): Model {
  const model = assembleInputs(csdl, pages, diagnostics, options.build ?? buildModel);
  if (options.keyAsSegment !== undefined) applyUrlSettings(model, { keyAsSegment: options.keyAsSegment });
  return model;
}

function assembleInputs(csdl: InputFile[], pages: DocPage[], diagnostics: DiagnosticCollector, build: typeof buildModel): Model {
  if (csdl.length === 0) return pages.length > 0 ? modelFromDocs(pages, diagnostics) : emptyModel();
  const csdlModel = build(csdl, diagnostics);
  // Built (or read from the cache) for this call alone: merged without a copy.
  return pages.length > 0 ? mergeDocsInto(csdlModel, pages, diagnostics) : csdlModel;
}
