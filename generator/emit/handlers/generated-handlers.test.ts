import { setupServer } from 'msw/node';
import { loadModel } from 'odatakit';
import { createStore } from 'odatakit/conformance/handlers';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createHandlers, generatedModel, type SeedValue } from '../../../generated/handlers.gen.ts';
import type * as Types from '../../../generated/types.gen.ts';
import { EXAMPLE_CSDL, EXAMPLE_DOCS } from '../../testing/corpus.ts';
import { portableModelJson } from './model-json.ts';

/**
 * The checked-in `generated/handlers.gen.ts` (run `npm run generate` after changing the
 * emitter) serving the starting resource through msw's `setupServer`, seeded through its
 * typed `data` option, with the model it carries (`generatedModel()`, from model.gen.ts), the
 * way a project that installed odatakit uses it. `tsc` checks the types of this file with the
 * project's settings.
 */
const ROOT = 'https://graph.test/v1.0';
const PARTNERS = `${ROOT}/policies/crossTenantAccessPolicy/partners`;
const TENANT = '3f8c2a71-5d4e-4b9a-a6c0-82e1f47d9b35';
const SEEDED: Types.CrossTenantIdentitySyncPolicyPartner = {
  tenantId: TENANT,
  displayName: 'Fabrikam',
  userSyncInbound: { isSyncAllowed: true },
};

const { model } = loadModel({ csdl: [EXAMPLE_CSDL], docs: [EXAMPLE_DOCS] });
const store = createStore();
const server = setupServer(
  ...createHandlers(generatedModel(), {
    serviceRoot: ROOT,
    profile: 'graph',
    store,
    data: {
      '/policies/crossTenantAccessPolicy/partners': [{ tenantId: TENANT, isServiceProvider: true }],
      '/policies/crossTenantAccessPolicy/partners/3f8c2a71-5d4e-4b9a-a6c0-82e1f47d9b35/identitySynchronization': SEEDED,
    },
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => store.reset());
afterAll(() => server.close());

describe('generated/handlers.gen.ts with setupServer', () => {
  it('carries the model it was generated from: generatedModel() is what loadModel builds (paths relative), parsed once', () => {
    expect(JSON.stringify(generatedModel())).toBe(portableModelJson(model));
    expect(generatedModel()).toBe(generatedModel());
  });

  it('types the starting resource from the schema, and refuses at compile time what the handlers refuse at run time', () => {
    expectTypeOf<SeedValue<'/policies/crossTenantAccessPolicy/partners/x/identitySynchronization'>>().toEqualTypeOf<Types.CrossTenantIdentitySyncPolicyPartner>();
    // @ts-expect-error: userSyncInbound is a complex value, not a boolean.
    expect(() => createHandlers(model, { data: { '/policies/crossTenantAccessPolicy/partners/x/identitySynchronization': { userSyncInbound: true } } })).toThrow(
      /partners\/x\/identitySynchronization: expected a JSON object at '\/userSyncInbound'/,
    );
  });

  it('serves the seeded crossTenantIdentitySyncPolicyPartner', async () => {
    const response = await fetch(`${PARTNERS}/${TENANT}/identitySynchronization`);
    expect(response.status).toBe(200);
    expect(response.headers.get('OData-Version')).toBe('4.0');
    expect(await response.json()).toEqual({
      '@odata.context': `${ROOT}/$metadata#policies/crossTenantAccessPolicy/partners/${TENANT}/identitySynchronization/$entity`,
      ...SEEDED,
    });
  });

  it('lists the seeded partner, and answers 404 for one that was not seeded', async () => {
    const list = (await (await fetch(PARTNERS)).json()) as Types.ODataCollection<Types.CrossTenantAccessPolicyConfigurationPartner>;
    expect(list.value).toEqual([{ tenantId: TENANT, isServiceProvider: true }]);
    expect((await fetch(`${PARTNERS}/someone-else/identitySynchronization`)).status).toBe(404);
  });

  it('goes back to the seed on store.reset()', async () => {
    const patched = await fetch(`${PARTNERS}/${TENANT}/identitySynchronization`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ displayName: 'Contoso' }),
    });
    expect(patched.status).toBe(204);
    expect(await (await fetch(`${PARTNERS}/${TENANT}/identitySynchronization`)).json()).toMatchObject({ displayName: 'Contoso' });
    store.reset();
    expect(await (await fetch(`${PARTNERS}/${TENANT}/identitySynchronization`)).json()).toMatchObject(SEEDED);
  });
});
