import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CrossTenantAccessPolicyConfigurationPartner,
  CrossTenantIdentitySyncPolicyPartner,
  CrossTenantIdentitySyncPolicyPartnerCreate,
  CrossTenantIdentitySyncPolicyPartnerUpdate,
  CrossTenantUserSyncInbound,
  DirectoryObject,
  ODataCollection,
  ODataError,
} from '../../../generated/types.gen.ts';

/**
 * Type-level tests on the checked-in `generated/types.gen.ts` for the starting resource
 * (crossTenantIdentitySyncPolicyPartner). `npm run typecheck` checks them; vitest only
 * confirms they ran.
 */
describe('generated types of the example', () => {
  it('types the resource as read', () => {
    expectTypeOf<CrossTenantIdentitySyncPolicyPartner['displayName']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<CrossTenantIdentitySyncPolicyPartner['tenantId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CrossTenantIdentitySyncPolicyPartner['userSyncInbound']>().toEqualTypeOf<CrossTenantUserSyncInbound | null | undefined>();
    expectTypeOf<CrossTenantIdentitySyncPolicyPartner['@odata.type']>().toEqualTypeOf<'#microsoft.graph.crossTenantIdentitySyncPolicyPartner' | undefined>();
    expectTypeOf<CrossTenantAccessPolicyConfigurationPartner['identitySynchronization']>().toEqualTypeOf<
      CrossTenantIdentitySyncPolicyPartner | null | undefined
    >();
    expect(true).toBe(true);
  });

  it('types the create (PUT) and update (PATCH) bodies', () => {
    expectTypeOf<CrossTenantIdentitySyncPolicyPartnerCreate>().toHaveProperty('tenantId');
    expectTypeOf<CrossTenantIdentitySyncPolicyPartnerUpdate>().not.toHaveProperty('tenantId');
    expectTypeOf<{ displayName: 'Fabrikam'; userSyncInbound: { isSyncAllowed: true } }>().toExtend<CrossTenantIdentitySyncPolicyPartnerUpdate>();
    expectTypeOf<{ displayName: 1 }>().not.toExtend<CrossTenantIdentitySyncPolicyPartnerUpdate>();
  });

  it('types the envelopes and the polymorphic base', () => {
    expectTypeOf<ODataCollection<CrossTenantIdentitySyncPolicyPartner>['value']>().toEqualTypeOf<CrossTenantIdentitySyncPolicyPartner[]>();
    expectTypeOf<ODataCollection<unknown>['@odata.nextLink']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ODataError['error']['code']>().toEqualTypeOf<string>();
    expectTypeOf<Extract<DirectoryObject, { '@odata.type': '#microsoft.graph.crossTenantAccessPolicy' }>>().toHaveProperty('allowedCloudEndpoints');
  });
});
