import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as Types from '../../../generated/types.gen.ts';
import { validate, validators } from '../../../generated/validators.gen.ts';
import type { ValidationIssue } from '../../runtime/validation/index.ts';

/**
 * Type-level tests of the checked-in output for the starting resource: the entry points are
 * typed with the shapes of `types.gen.ts`, and `is` narrows. (tsc checks the types; the
 * calls run too, against the generated table.)
 */
describe('generated validators for crossTenantIdentitySyncPolicyPartner', () => {
  const partner = validators.crossTenantIdentitySyncPolicyPartner;

  it('types each mode with its shape', () => {
    const read = partner.read({ tenantId: 'x' });
    if (read.ok) expectTypeOf(read.value).toEqualTypeOf<Types.CrossTenantIdentitySyncPolicyPartner>();
    const create = partner.create({ displayName: 'x' });
    if (create.ok) expectTypeOf(create.value).toEqualTypeOf<Types.CrossTenantIdentitySyncPolicyPartnerCreate>();
    const update = partner.update({ displayName: 'x' });
    if (update.ok) expectTypeOf(update.value).toEqualTypeOf<Types.CrossTenantIdentitySyncPolicyPartnerUpdate>();
    const list = partner.readCollection({ value: [] });
    if (list.ok) expectTypeOf(list.value.value).toEqualTypeOf<Types.CrossTenantIdentitySyncPolicyPartner[]>();
    expectTypeOf(read.issues).toEqualTypeOf<ValidationIssue[]>();
    expect([read.ok, create.ok, update.ok, list.ok]).toEqual([true, true, true, true]);
  });

  it('narrows with the type guard', () => {
    const value: unknown = { tenantId: 'x', userSyncInbound: { isSyncAllowed: true } };
    if (partner.is(value)) {
      expectTypeOf(value).toEqualTypeOf<Types.CrossTenantIdentitySyncPolicyPartner>();
      expect(value.userSyncInbound?.isSyncAllowed).toBe(true);
    } else {
      expect.unreachable('a valid partner');
    }
    expect(partner.is({ tenantId: 1 })).toBe(false);
  });

  it('validates by name too', () => {
    expectTypeOf(validate).returns.toEqualTypeOf<ValidationIssue[]>();
    expect(validate('graph.crossTenantIdentitySyncPolicyPartner', { tenantId: 'x' }, 'update').map((issue) => issue.code)).toEqual(['key-in-update']);
  });
});
