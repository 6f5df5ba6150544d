import type { ValidationProblem } from './errors.js';
import type { ValidateHook } from './send.js';

/**
 * A validation function with the shape of the generated one (`validate` of
 * `validators.gen.ts`), so the client works without it and takes it when the application
 * wires it in: `createClient({ baseUrl, validate: validatorHook(validate) })`.
 */
export type ValidateFunction = (type: string, value: unknown, mode: 'read' | 'create' | 'update', options?: { collection?: boolean }) => readonly ValidationProblem[];

/** An object with such a function (the validation engine). */
export interface ValidatorLike {
  validate: ValidateFunction;
}

export interface ValidatorHookOptions {
  /** Check request bodies (default true). */
  requests?: boolean;
  /** Check response bodies (default true). */
  responses?: boolean;
}

/**
 * A `validate` client option from a validator. Action parameters are not checked: they are
 * not a type of the schema (the validator knows types, not callables).
 */
export function validatorHook(validator: ValidatorLike | ValidateFunction, options: ValidatorHookOptions = {}): ValidateHook {
  const validate: ValidateFunction = typeof validator === 'function' ? validator : (...args) => validator.validate(...args);
  return (check) => {
    if (check.mode === 'parameters') return undefined;
    if (check.phase === 'request' ? options.requests === false : options.responses === false) return undefined;
    return validate(check.type, check.body, check.mode, { collection: check.collection });
  };
}
