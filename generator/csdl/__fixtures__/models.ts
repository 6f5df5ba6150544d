import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticCollector } from '../../diagnostics/collector.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { UserInputError } from '../../diagnostics/user-error.ts';
import { buildModel, type InputFile } from '../../model/build/build-model.ts';
import type { Model } from '../../model/types.ts';
import { CORPUS } from '../../testing/corpus.ts';

export const CSDL_OTHER = join(CORPUS, 'csdl-other');

export function corpusText(name: string): string {
  return readFileSync(join(CSDL_OTHER, name), 'utf8');
}

/** The model as JSON with every position (and the input file names) left out. */
export function withoutPositions(model: Model): unknown {
  return JSON.parse(
    JSON.stringify(model, (key, value: unknown) => (key === 'source' || key === 'sources' || key === 'inputs' ? undefined : value)),
  );
}

export function buildFiles(files: InputFile[]): { model: Model; diagnostics: Diagnostic[] } {
  const diagnostics = new DiagnosticCollector();
  const model = buildModel(files, diagnostics);
  return { model, diagnostics: diagnostics.sorted() };
}

export function buildText(text: string, file = 'test.xml'): { model: Model; diagnostics: Diagnostic[] } {
  return buildFiles([{ file, text }]);
}

/** The diagnostics of a document the front end refuses (throws UserInputError for). */
export function refusal(text: string, file = 'test.xml'): Diagnostic[] {
  try {
    buildText(text, file);
  } catch (error) {
    if (error instanceof UserInputError) return error.diagnostics;
    throw error;
  }
  throw new Error('expected the document to be refused');
}
