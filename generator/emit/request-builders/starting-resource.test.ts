import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../load-model.ts';
import { EXAMPLE_CSDL, EXAMPLE_DOCS } from '../../testing/corpus.ts';
import { emitAll, typeCheck, writeOutput, type TempOutput } from './__fixtures__/output.ts';
import type { ClientOptions } from '../../runtime/client/index.ts';
import { fakeFetch } from '../../runtime/client/__fixtures__/fake-fetch.ts';

/**
 * The starting resource, crossTenantIdentitySyncPolicyPartner, through the generated client
 * of the bundled example (CSDL and doc pages, as in `generated/`): its types (checked by tsc,
 * `expectTypeOf`) and its requests (run against a fake fetch that records them).
 */
let output: TempOutput;

/** `client.gen.ts` as this test sees it: its types are checked by the type-level test above. */
interface GeneratedClientModule {
  createClient(options: ClientOptions): any;
}

beforeAll(() => {
  const { model } = loadModel({ csdl: [EXAMPLE_CSDL], docs: [EXAMPLE_DOCS] });
  output = writeOutput(emitAll(model));
});
afterAll(() => output?.remove());

/** Type-level tests: a file of `expectTypeOf` assertions, compiled beside the output. */
const TYPE_TESTS = `
import { expectTypeOf } from 'vitest';
import { createClient, type Client } from './client.gen.ts';
import type * as T from './types.gen.ts';
import type { ClientOptions, ODataPage } from './runtime/client/index.ts';

declare const client: Client;
const partners = client.policies.crossTenantAccessPolicy.partners;
const partner = partners.byId('9c5d131d-b1c3-4fc4-9e3f-c6557947d551');
const sync = partner.identitySynchronization;

// GET, PUT (the CSDL's UpdateMethod), PATCH (documented on its own page), DELETE; no POST.
expectTypeOf(sync.get()).resolves.toEqualTypeOf<T.CrossTenantIdentitySyncPolicyPartner>();
expectTypeOf(sync.put).parameter(0).toEqualTypeOf<T.CrossTenantIdentitySyncPolicyPartnerCreate>();
expectTypeOf(sync.put({ displayName: 'Fabrikam', userSyncInbound: { isSyncAllowed: true } })).resolves.toEqualTypeOf<void>();
expectTypeOf(sync.patch).parameter(0).toEqualTypeOf<T.CrossTenantIdentitySyncPolicyPartnerUpdate>();
expectTypeOf(sync.patch({ userSyncInbound: { isSyncAllowed: false } })).resolves.toEqualTypeOf<void>();
expectTypeOf(sync.delete()).resolves.toEqualTypeOf<void>();
expectTypeOf(sync).not.toHaveProperty('post');
expectTypeOf(sync).not.toHaveProperty('byId');
// @ts-expect-error: the body is the create shape, which has no such property.
void sync.put({ isSyncAllowed: true });
// @ts-expect-error: the key is not updatable.
void sync.patch({ tenantId: 'x' });

// $select narrows the result to the selected properties and the control information.
type Selected = { '@odata.type'?: '#microsoft.graph.crossTenantIdentitySyncPolicyPartner'; displayName?: string | null };
expectTypeOf(sync.get({ $select: ['displayName'] })).resolves.toEqualTypeOf<Selected>();
expectTypeOf(sync.get({ $select: ['displayName'] as const })).resolves.toEqualTypeOf<Selected>();
expectTypeOf(sync.get({ $select: ['displayName', 'tenantId'] })).resolves.toHaveProperty('tenantId');
expectTypeOf(sync.get({ $select: ['displayName'] })).resolves.not.toHaveProperty('userSyncInbound');
// @ts-expect-error: not a property of the type.
void sync.get({ $select: ['isSyncAllowed'] });

// The partner: read, update (PATCH), delete; its collection: list with every query option, create.
expectTypeOf(partner.get()).resolves.toEqualTypeOf<T.CrossTenantAccessPolicyConfigurationPartner>();
expectTypeOf(partner.patch).parameter(0).toEqualTypeOf<T.CrossTenantAccessPolicyConfigurationPartnerUpdate>();
expectTypeOf(partner.delete()).resolves.toEqualTypeOf<void>();
expectTypeOf(partners.byId).parameter(0).toEqualTypeOf<string>();
expectTypeOf(partners.get({ $top: 5, $skip: 5, $filter: 'isServiceProvider eq true', $orderby: 'tenantId', $count: true, $expand: 'identitySynchronization' }))
  .resolves.toEqualTypeOf<ODataPage<T.CrossTenantAccessPolicyConfigurationPartner>>();
expectTypeOf(partners.get({ $select: ['tenantId'] })).resolves.toHaveProperty('value').items.toEqualTypeOf<{ '@odata.type'?: '#microsoft.graph.crossTenantAccessPolicyConfigurationPartner'; tenantId?: string }>();
expectTypeOf(partners.post).parameter(0).toEqualTypeOf<T.CrossTenantAccessPolicyConfigurationPartnerCreate>();
expectTypeOf(partners.post({ tenantId: 'x' })).resolves.toEqualTypeOf<T.CrossTenantAccessPolicyConfigurationPartner>();
// Expanded navigation properties are kept, whatever $select says.
expectTypeOf(partners.get({ $select: ['tenantId'], $expand: ['identitySynchronization($select=displayName)'] })).resolves.toHaveProperty('value').items.toHaveProperty('identitySynchronization');
expectTypeOf(partner.get({ $select: ['tenantId'], $expand: 'identitySynchronization($select=displayName,tenantId)' })).resolves.toEqualTypeOf<{
  '@odata.type'?: '#microsoft.graph.crossTenantAccessPolicyConfigurationPartner';
  tenantId?: string;
  identitySynchronization?: T.CrossTenantIdentitySyncPolicyPartner | null;
}>();
// @ts-expect-error: an entity has no $top.
void partner.get({ $top: 1 });

// Headers and signals on every call; the client's options.
void sync.get({ headers: { 'ConsistencyLevel': 'eventual' } });
expectTypeOf(createClient).parameter(0).toEqualTypeOf<ClientOptions>();
expectTypeOf(createClient({ baseUrl: 'https://graph.microsoft.com/v1.0' })).toEqualTypeOf<Client>();
// @ts-expect-error: the service root is required.
createClient({});
`;

describe('the starting resource in the generated client', () => {
  it('has the types of its operations (tsc --strict, expectTypeOf)', () => {
    output.write('starting-resource.check.ts', TYPE_TESTS);
    expect(typeCheck(output.dir, ['starting-resource.check.ts'])).toEqual([]);
  });

  it('sends the requests its operations describe', async () => {
    const generated = (await import(pathToFileURL(join(output.dir, 'client.gen.ts')).href)) as GeneratedClientModule;
    const runtime = (await import(pathToFileURL(join(output.dir, 'runtime/client/index.ts')).href)) as typeof import('../../runtime/client/index.ts');
    const body = { displayName: 'Fabrikam', userSyncInbound: { isSyncAllowed: true } };
    const fake = fakeFetch((request) =>
      request.url.endsWith('/missing/identitySynchronization')
        ? { status: 404, json: { error: { code: 'Request_ResourceNotFound', message: 'Not found.' } } }
        : request.method === 'GET'
          ? { json: { '@odata.context': 'x', tenantId: 'a', ...body } }
          : { status: 204 },
    );
    const client = generated.createClient({ baseUrl: 'https://graph.test/v1.0', fetch: fake.fetch, headers: { authorization: 'Bearer t' } });
    const sync = client.policies.crossTenantAccessPolicy.partners.byId('a/b c').identitySynchronization;
    await expect(sync.put(body)).resolves.toBeUndefined();
    await expect(sync.patch({ displayName: 'Fabrikam 2' })).resolves.toBeUndefined();
    await expect(sync.get({ $select: ['displayName'] })).resolves.toMatchObject({ displayName: 'Fabrikam' });
    await expect(sync.delete()).resolves.toBeUndefined();
    const failure = await client.policies.crossTenantAccessPolicy.partners.byId('missing').identitySynchronization.get().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(runtime.ODataRequestError);
    expect(failure).toMatchObject({ status: 404, code: 'Request_ResourceNotFound', method: 'GET' });
    const resource = 'https://graph.test/v1.0/policies/crossTenantAccessPolicy/partners/a%2Fb%20c/identitySynchronization';
    expect(fake.requests.map(({ method, url, body: sent }) => ({ method, url, body: sent }))).toEqual([
      { method: 'PUT', url: resource, body },
      { method: 'PATCH', url: resource, body: { displayName: 'Fabrikam 2' } },
      { method: 'GET', url: `${resource}?$select=displayName`, body: undefined },
      { method: 'DELETE', url: resource, body: undefined },
      { method: 'GET', url: 'https://graph.test/v1.0/policies/crossTenantAccessPolicy/partners/missing/identitySynchronization', body: undefined },
    ]);
    expect(fake.requests[0]!.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json', authorization: 'Bearer t' });
  });

  it('validates bodies with the generated validators when wired in', async () => {
    const generated = (await import(pathToFileURL(join(output.dir, 'client.gen.ts')).href)) as GeneratedClientModule;
    const validators = (await import(pathToFileURL(join(output.dir, 'validators.gen.ts')).href)) as { validate: import('../../runtime/client/index.ts').ValidateFunction };
    const runtime = (await import(pathToFileURL(join(output.dir, 'runtime/client/index.ts')).href)) as typeof import('../../runtime/client/index.ts');
    const fake = fakeFetch(() => ({ json: { tenantId: 42 } }));
    const client = generated.createClient({ baseUrl: 'https://graph.test/v1.0', fetch: fake.fetch, validate: runtime.validatorHook(validators.validate) });
    const sync = client.policies.crossTenantAccessPolicy.partners.byId('a').identitySynchronization;
    const refused = await sync.put({ userSyncInbound: { isSyncAllowed: 'yes' } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(runtime.ODataValidationError);
    expect((refused as InstanceType<typeof runtime.ODataValidationError>).issues.map((issue) => issue.path)).toEqual(['/userSyncInbound/isSyncAllowed']);
    expect(fake.requests).toHaveLength(0);
    await expect(sync.get()).rejects.toMatchObject({ name: 'ODataValidationError', phase: 'response' });
  });
});
