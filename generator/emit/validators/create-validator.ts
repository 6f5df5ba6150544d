import type { Model } from '../../model/types.ts';
import { createEngine, type ValidateOptions, type ValidationIssue, type ValidationMode } from '../../runtime/validation/index.ts';
import { buildValidationTable, type BuildTableOptions } from './build-table.ts';

/**
 * In-process validation (conformance kit, docs validator): the same table and engine the
 * generated code ships, built from a model without generating anything.
 */
export interface Validator {
  /**
   * Issues of `value` as `typeName` in `mode`; never throws. `typeName` is qualified
   * (`microsoft.graph.user`), alias-qualified (`graph.user`), with or without `#`, or
   * `Collection(T)` (same as `{ collection: true }`).
   */
  validate(typeName: string, value: unknown, mode: ValidationMode, options?: ValidateOptions): ValidationIssue[];
}

export function createValidator(model: Model, options: BuildTableOptions = {}): Validator {
  const engine = createEngine(buildValidationTable(model, options));
  return { validate: (typeName, value, mode, validateOptions) => engine.validate(typeName, value, mode, validateOptions) };
}
