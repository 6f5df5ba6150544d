import type { DiagnosticCollector } from '../diagnostics/collector.ts';
import type { Model } from '../model/types.ts';
import type { TemplateRenderer } from './templates.ts';

/** A file an emitter produces; `path` is relative to the output folder, with `/` separators. */
export interface OutputFile {
  path: string;
  content: string;
}

export interface EmitOptions {
  /** Int64 and Decimal as string (IEEE754Compatible=true) instead of number. */
  ieee754Compatible: boolean;
  /** false: validators without the generated acceptors (the table walk alone: smaller, slower). Default true. */
  validatorAcceptors?: boolean;
}

export interface EmitContext {
  model: Model;
  templates: TemplateRenderer;
  options: EmitOptions;
  diagnostics: DiagnosticCollector;
}

/** Every emitter has the same anatomy: a name and a pure function from the model to files. */
export interface Emitter {
  name: string;
  emit(context: EmitContext): OutputFile[];
}
