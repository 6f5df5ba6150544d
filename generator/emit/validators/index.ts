/**
 * Validators: a validation table built from the model, interpreted by the runtime engine in
 * `generator/runtime/validation/`, emitted as `validators.gen.ts` for generated code (with
 * `acceptors.gen.ts`, specialised code per type that settles valid values first, unless
 * `validatorAcceptors` is false), and usable in-process (conformance kit, docs validator)
 * through `createValidator` (the table walk alone).
 *
 * Public API:
 *   buildValidationTable(model: Model, options?: { ieee754Compatible?: boolean }): ValidationTable
 *   createValidator(model: Model, options?: { ieee754Compatible?: boolean }): Validator
 *   interface Validator {
 *     validate(typeName: string, value: unknown, mode: ValidationMode, options?: ValidateOptions): ValidationIssue[]
 *   }
 *   validatorsEmitter: Emitter  (name 'validators')
 * `typeName` is a qualified name (`microsoft.graph.user`), alias-qualified (`graph.user`),
 * with or without '#', or `Collection(...)` (same as `{ collection: true }`); Edm types work too.
 */
export { buildValidationTable, type BuildTableOptions } from './build-table.ts';
export { createValidator, type Validator } from './create-validator.ts';
export { validatorsEmitter } from './emitter.ts';
export type {
  ValidateOptions,
  ValidationIssue,
  ValidationIssueCode,
  ValidationMode,
  ValidationTable,
} from '../../runtime/validation/index.ts';
