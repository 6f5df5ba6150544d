import type * as T from '../../generated/types.gen.js';
import { validators } from '../../generated/validators.gen.js';

/** Checks a credential read from the service before the app trusts it. */
export function checkedCredential(value: unknown): T.FederatedIdentityCredential {
  const result = validators.federatedIdentityCredential.read(value);
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('; '));
  return result.value;
}
