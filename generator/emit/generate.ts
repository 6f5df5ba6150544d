import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { createDiagnostic } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { UserInputError } from '../diagnostics/user-error.ts';
import { isUrl, type FetchedDocuments } from '../csdl/reference-loader.ts';
import { loadModel } from '../load-model.ts';
import type { Model } from '../model/types.ts';
import type { EmitOptions, OutputFile } from './emitter.ts';
import { includeOnly } from './include.ts';
import { hashInput, sha256 } from './output/hash.ts';
import { planOutput, type OutputPlan } from './output/plan.ts';
import { EMITTERS } from './registry.ts';
import { portableImports } from './portable-imports.ts';
import { createTemplateRenderer } from './templates.ts';

/** What `odatakit generate` is given, once the config file and the flags are merged. */
export interface GenerateOptions {
  csdl: string[];
  docs: string[];
  out: string;
  /** A folder whose templates override the built-in ones by file name. */
  templates?: string;
  /** `--include` patterns (see include.ts); empty means everything. */
  include: string[];
  emit: EmitOptions;
  /** Paths are relative to this folder (default: the working directory). */
  cwd?: string;
  /** `--csdl` URLs, fetched (csdl/fetch-csdl.ts): their documents and those reached by reference. */
  fetched?: FetchedDocuments;
  /** The model cache folder (generator/model-cache/); absent: no cache. */
  cache?: string | undefined;
  /** Keys as path segments or in parentheses, over what the inputs say (url-conventions.ts); absent: the inputs decide. */
  keyAsSegment?: boolean;
  /**
   * Called once, after the first emitter: the CLI passes a full garbage collection there
   * (cli/garbage-collection.ts). Absent in the library: nothing is collected on purpose.
   */
  collectGarbage?: () => void;
}

export interface GenerateRun {
  model: Model;
  /** Model diagnostics, then output warnings and problems. */
  diagnostics: DiagnosticCollector;
  /** Include patterns that matched nothing. */
  unmatched: string[];
  /** Absent when the input had errors: then nothing may be written. */
  plan?: OutputPlan;
  timings: { modelMs: number; emitMs: number };
}

export const GENERATOR_ID = 'odatakit 0.1.0';

/**
 * Builds the model, runs every emitter in memory and plans the output; writes nothing
 * (applyPlan does, and `--check` never calls it). Unusable input throws UserInputError.
 */
export function planGenerate(options: GenerateOptions): GenerateRun {
  const cwd = options.cwd ?? process.cwd();
  const at = (path: string) => resolve(cwd, path);
  if (options.templates !== undefined) requireFolder(at(options.templates), '--templates');
  const started = performance.now();
  const csdl = options.csdl.map((location) => (isUrl(location) ? location : at(location)));
  const loaded = loadModel({ csdl, docs: options.docs.map(at), cache: options.cache, fetched: options.fetched, ...(options.keyAsSegment !== undefined && { keyAsSegment: options.keyAsSegment }) });
  const { model: fullModel, diagnostics } = loaded;
  const { model, unmatched } = includeOnly(fullModel, options.include);
  const modelMs = performance.now() - started;
  if (blocksGeneration(diagnostics)) return { model, diagnostics, unmatched, timings: { modelMs, emitMs: 0 } };
  const templates = createTemplateRenderer(options.templates === undefined ? undefined : at(options.templates));
  const files: OutputFile[] = [];
  try {
    // Last registered first: the later emitters (handlers: the whole model packed to text) make
    // the most short-lived data, and V8 lets it pile up until its next full collection; made
    // while no other output is held yet, it lifts the peak less (Graph v1.0: about 12 MB).
    // The output is the same whatever the order (planOutput sorts it).
    // Then one full collection: V8 sizes its old generation from what lived at its first
    // collection, during the model build, and lets everything after pile up to the end; the
    // first emitter's garbage, collected now, is the one cut that matters (Graph v1.0: peak
    // RSS about 255 -> 227 MiB for a 25 ms pause; decision 0023).
    for (const [index, emitter] of [...EMITTERS].reverse().entries()) {
      files.push(...emitter.emit({ model, templates, options: options.emit, diagnostics }).map(portableImports));
      if (index === 0) options.collectGarbage?.();
    }
  } catch (error) {
    throw options.templates !== undefined && isTemplateError(error) ? templateError(at(options.templates), error as Error) : error;
  }
  if (blocksGeneration(diagnostics)) return { model, diagnostics, unmatched, timings: { modelMs, emitMs: performance.now() - started - modelMs } };
  const plan = planOutput(at(options.out), files, {
    generator: GENERATOR_ID,
    inputs: inputHashes(cwd, [...options.csdl, ...options.docs, ...(options.templates !== undefined ? [options.templates] : [])], options.fetched),
    options: { ieee754Compatible: options.emit.ieee754Compatible, include: [...options.include].sort() },
  });
  diagnostics.items.push(...plan.warnings, ...plan.problems);
  return { model, diagnostics, unmatched, plan, timings: { modelMs, emitMs: performance.now() - started - modelMs } };
}

/**
 * Errors in the JSON or HTTP of a doc page's examples do not shape generated code (real Graph
 * pages have some); they are reported, and generation goes on. Any other error stops it.
 */
const EXAMPLE_ERRORS = new Set(['docs/malformed-json', 'docs/malformed-http']);

export function blocksGeneration(diagnostics: DiagnosticCollector): boolean {
  return diagnostics.items.some((item) => item.severity === 'error' && !EXAMPLE_ERRORS.has(item.code));
}

/** Input path (relative to cwd, `/`-separated, so the manifest is the same on every machine) -> hash. */
function inputHashes(cwd: string, inputs: string[], fetched: FetchedDocuments | undefined): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const input of inputs) {
    const document = isUrl(input) ? fetched?.documents.get(new URL(input).href) : undefined;
    if (document) {
      hashes[input] = sha256(document.text);
      continue;
    }
    const absolute = resolve(cwd, input);
    if (!existsSync(absolute)) {
      throw new UserInputError([createDiagnostic('input/not-found', { file: absolute, line: 1, column: 1 }, { path: absolute, reason: 'no such file or folder' })]);
    }
    hashes[relative(cwd, absolute).split(sep).join('/') || '.'] = hashInput(absolute);
  }
  return hashes;
}

/** Handlebars' own errors: a parse error, or a field the view does not have (strict mode). */
function isTemplateError(error: unknown): boolean {
  return error instanceof Error && /Parse error|not defined in|Missing helper|knownHelpersOnly|partial .* could not be found/.test(error.message);
}

function templateError(folder: string, error: Error): UserInputError {
  const reason = error.message.split('\n').slice(0, 3).join(' ');
  return new UserInputError([createDiagnostic('generate/template-error', { file: folder, line: 1, column: 1 }, { path: folder, reason })]);
}

function requireFolder(path: string, option: string): void {
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new UserInputError([createDiagnostic('input/not-found', { file: path, line: 1, column: 1 }, { path, reason: `${option} expects a folder` })]);
  }
}
