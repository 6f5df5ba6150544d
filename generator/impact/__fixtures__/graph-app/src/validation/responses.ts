import { validate, validators } from '../../generated/validators.gen.js';

/** Responses the app stores are validated first. */
export function checkUser(value: unknown): boolean {
  return validators.user.is(value);
}

export function checkRiskyUsers(value: unknown) {
  return validate('microsoft.graph.riskyUser', value, 'read');
}

export function checkGroup(value: unknown) {
  return validators.group.read(value);
}
