import { describe, expect, it } from 'vitest';
import type { ValidationCheck } from './send.ts';
import { validatorHook, type ValidateFunction } from './validator-hook.ts';

const check = (overrides: Partial<ValidationCheck>): ValidationCheck => ({
  phase: 'response',
  method: 'GET',
  url: 'https://example.test/users',
  type: 'ns.user',
  collection: true,
  mode: 'read',
  body: { value: [] },
  ...overrides,
});

describe('validatorHook', () => {
  const calls: unknown[][] = [];
  const validate: ValidateFunction = (...args) => {
    calls.push(args);
    return [{ path: '', message: 'x' }];
  };

  it('passes type, body, mode and the collection flag to a function or a validator object', () => {
    calls.length = 0;
    expect(validatorHook(validate)(check({}))).toEqual([{ path: '', message: 'x' }]);
    validatorHook({ validate })(check({ phase: 'request', mode: 'update', collection: false, body: {} }));
    expect(calls).toEqual([
      ['ns.user', { value: [] }, 'read', { collection: true }],
      ['ns.user', {}, 'update', { collection: false }],
    ]);
  });

  it('skips action parameters and the phases turned off', () => {
    calls.length = 0;
    expect(validatorHook(validate)(check({ phase: 'request', mode: 'parameters' }))).toBeUndefined();
    expect(validatorHook(validate, { responses: false })(check({}))).toBeUndefined();
    expect(validatorHook(validate, { requests: false })(check({ phase: 'request', mode: 'create' }))).toBeUndefined();
    expect(calls).toEqual([]);
  });
});
