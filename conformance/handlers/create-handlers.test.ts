import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../generator/load-model.ts';
import { EXAMPLE_CSDL, EXAMPLE_DOCS } from '../../generator/testing/corpus.ts';
import type { Profile } from '../profiles.ts';
import { createHandlers } from './create-handlers.ts';
import { send as sendTo, type Answer } from './__fixtures__/send.ts';
import { createStore } from './store.ts';

const { model } = loadModel({ csdl: [EXAMPLE_CSDL], docs: [EXAMPLE_DOCS] });
const ROOT = 'https://graph.microsoft.com/v1.0';
const PARTNERS = '/policies/crossTenantAccessPolicy/partners';
const SYNC = (tenant: string) => `${PARTNERS}/${tenant}/identitySynchronization`;

function client(profile: Profile = 'graph', options: Parameters<typeof createHandlers>[1] = {}) {
  const handlers = createHandlers(model, { profile, ...options });
  return (method: string, path: string, body?: unknown, contentType?: string): Promise<Answer> => sendTo(handlers, `${ROOT}${path}`, method, body, contentType);
}

describe('reference handlers: the starting resource, graph profile', () => {
  const send = client('graph');
  beforeAll(async () => {
    await send('POST', PARTNERS, { tenantId: 't1', isServiceProvider: true });
  });

  it('creates with PUT (204, as documented), reads back, merges a PATCH, deletes', async () => {
    expect((await send('PUT', SYNC('t1'), { displayName: 'Lakeshore', userSyncInbound: { isSyncAllowed: true } })).status).toBe(204);
    const read = await send('GET', SYNC('t1'));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ tenantId: 't1', displayName: 'Lakeshore', userSyncInbound: { isSyncAllowed: true } });
    expect(read.body['@odata.context']).toBe(`${ROOT}/$metadata#policies/crossTenantAccessPolicy/partners/t1/identitySynchronization/$entity`);
    expect((await send('PATCH', SYNC('t1'), { userSyncInbound: { isSyncAllowed: false } })).status).toBe(204);
    expect((await send('GET', SYNC('t1'))).body).toMatchObject({ displayName: 'Lakeshore', userSyncInbound: { isSyncAllowed: false } });
    expect((await send('PUT', SYNC('t1'), { displayName: 'Replaced' })).status).toBe(204);
    const replaced = (await send('GET', SYNC('t1'))).body;
    expect(replaced.displayName).toBe('Replaced');
    expect(replaced.userSyncInbound).toBeUndefined();
    expect((await send('DELETE', SYNC('t1'))).status).toBe(204);
    expect((await send('GET', SYNC('t1'))).status).toBe(404);
    expect((await send('DELETE', SYNC('t1'))).status).toBe(404);
  });

  it.each([
    ['an unknown property', 'PUT', { displayName: 'x', bogus: 1 }, 'application/json', 400, 'BadRequest'],
    ['a wrong type', 'PUT', { displayName: 5 }, 'application/json', 400, 'BadRequest'],
    ['malformed JSON', 'PUT', '{"displayName": ', 'application/json', 400, 'BadRequest'],
    ['a wrong Content-Type', 'PUT', '{"displayName": "x"}', 'text/plain', 415, 'UnsupportedMediaType'],
    ['an unsupported method', 'POST', {}, 'application/json', 405, 'MethodNotAllowed'],
  ])('refuses %s with an OData error', async (_name, method, body, contentType, status, code) => {
    const answer = await send(method, SYNC('t1'), body, contentType);
    expect(answer.status).toBe(status);
    expect(answer.body.error).toMatchObject({ code });
    expect(typeof answer.body.error.message).toBe('string');
    expect(answer.headers.get('OData-Version')).toBe('4.0');
  });

  it('refuses a PATCH that changes the key', async () => {
    await send('PUT', SYNC('t1'), { displayName: 'x' });
    const answer = await send('PATCH', SYNC('t1'), { tenantId: 'other' });
    expect(answer.status).toBe(400);
  });

  it('answers 404 under a parent that does not exist, and for an unknown segment', async () => {
    expect((await send('GET', SYNC('nobody'))).status).toBe(404);
    expect((await send('GET', '/policies/nothing')).body.error.code).toBe('ResourceNotFound');
  });

  it('lists 405 methods in Allow', async () => {
    const answer = await send('DELETE', PARTNERS);
    expect(answer.status).toBe(405);
    expect(answer.headers.get('Allow')).toBe('GET, POST');
  });

  it('addresses members by key segment and by key predicate alike', async () => {
    expect((await send('GET', `${PARTNERS}/t1`)).body.tenantId).toBe('t1');
    expect((await send('GET', `${PARTNERS}('t1')`)).body.tenantId).toBe('t1');
    expect((await send('GET', `${PARTNERS}(tenantId='t1')`)).body.tenantId).toBe('t1');
  });
});

describe('reference handlers: collections and query options', () => {
  const send = client('graph');
  beforeAll(async () => {
    for (const tenantId of ['a', 'b', 'c']) await send('POST', PARTNERS, { tenantId, isServiceProvider: tenantId === 'b' });
  });

  it('creates with 201, a Location and the entity', async () => {
    const answer = await send('POST', PARTNERS, { tenantId: 'd' });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('Location')).toBe(`${ROOT}${PARTNERS}/d`);
    expect(answer.body.tenantId).toBe('d');
    expect((await send('POST', PARTNERS, { tenantId: 'd' })).status).toBe(409);
  });

  it('pages with $top and $skip, counts with $count, links the next page (graph: $top is the page size)', async () => {
    const first = await send('GET', `${PARTNERS}?$top=2&$count=true`);
    expect(first.body.value.map((item: any) => item.tenantId)).toEqual(['a', 'b']);
    expect(first.body['@odata.count']).toBe(4);
    expect(first.body['@odata.nextLink']).toBe(`${ROOT}${PARTNERS}?%24top=2&%24count=true&%24skip=2`);
    const next = await send('GET', first.body['@odata.nextLink'].slice(ROOT.length));
    expect(next.body.value.map((item: any) => item.tenantId)).toEqual(['c', 'd']);
    expect(next.body['@odata.nextLink']).toBeUndefined();
  });

  it('treats $top as a limit in the odata profile, with server-driven paging past the page size', async () => {
    const send = client('odata', { pageSize: 2 });
    for (const tenantId of ['a', 'b', 'c']) await send('POST', PARTNERS, { tenantId });
    expect((await send('GET', `${PARTNERS}?$top=1`)).body['@odata.nextLink']).toBeUndefined();
    const paged = await send('GET', PARTNERS);
    expect(paged.body.value).toHaveLength(2);
    expect(paged.body['@odata.nextLink']).toBe(`${ROOT}${PARTNERS}?%24skip=2`);
    expect((await send('GET', `${PARTNERS}/$count`)).body).toBe(3);
  });

  it('selects properties (and keeps the key), expands contained navigations', async () => {
    await send('PUT', SYNC('a'), { displayName: 'A', userSyncInbound: { isSyncAllowed: true } });
    expect((await send('GET', `${PARTNERS}/a?$select=isServiceProvider`)).body).toEqual({
      '@odata.context': `${ROOT}/$metadata#policies/crossTenantAccessPolicy/partners/a/$entity`,
      tenantId: 'a',
      isServiceProvider: false,
    });
    const expanded = await send('GET', `${PARTNERS}/a?$expand=identitySynchronization($select=displayName)`);
    expect(expanded.body.identitySynchronization).toEqual({ tenantId: 'a', displayName: 'A' });
    expect((await send('GET', `${PARTNERS}/b?$expand=identitySynchronization`)).body.identitySynchronization).toBeNull();
  });

  it.each([
    ['$select of an unknown property', `${PARTNERS}?$select=nope`, 400],
    ['$expand of a structural property', `${PARTNERS}?$expand=tenantId`, 400],
    ['a negative $top', `${PARTNERS}?$top=-1`, 400],
    ['$filter on an unknown property', `${PARTNERS}?$filter=nope eq 1`, 400],
    ['$apply, which the handlers do not implement', `${PARTNERS}?$apply=groupby((tenantId))`, 501],
  ])('refuses %s', async (_name, path, status) => {
    expect((await send('GET', path)).status).toBe(status);
  });
});

describe('reference handlers: profiles', () => {
  it.each([
    ['graph', 204, 404],
    ['odata', 201, 204],
    ['lenient', 204, 404],
  ] as const)('%s: PUT that creates answers %i; GET after DELETE %i', async (profile, created, afterDelete) => {
    const send = client(profile);
    await send('POST', PARTNERS, { tenantId: 't' });
    expect((await send('PUT', SYNC('t'), { displayName: 'x' })).status).toBe(created);
    await send('DELETE', SYNC('t'));
    expect((await send('GET', SYNC('t'))).status).toBe(afterDelete);
  });

  it('lenient makes up missing parents; graph answers 404', async () => {
    expect((await client('graph')('PUT', SYNC('ghost'), { displayName: 'x' })).status).toBe(404);
    expect((await client('lenient')('PUT', SYNC('ghost'), { displayName: 'x' })).status).toBe(204);
  });
});

describe('reference handlers: data and reset', () => {
  it('starts from data, and reset() returns to it', async () => {
    const store = createStore();
    const send = client('graph', {
      store,
      data: {
        [PARTNERS]: [{ tenantId: 'seeded', isServiceProvider: true }],
        [SYNC('seeded')]: { tenantId: 'seeded', displayName: 'Seeded' },
      },
    });
    expect((await send('GET', SYNC('seeded'))).body.displayName).toBe('Seeded');
    await send('POST', PARTNERS, { tenantId: 'new' });
    await send('DELETE', SYNC('seeded'));
    store.reset();
    expect((await send('GET', `${PARTNERS}/new`)).status).toBe(404);
    expect((await send('GET', SYNC('seeded'))).status).toBe(200);
  });

  it('refuses data that does not fit the model, saying where', () => {
    expect(() => createHandlers(model, { data: { [PARTNERS]: [{ tenantId: 'x', isServiceProvider: 'yes' }] } })).toThrow(
      /partners\[0\]: .*isServiceProvider/,
    );
    expect(() => createHandlers(model, { data: { '/nowhere': {} } })).toThrow(/\/nowhere: Resource not found/);
  });
});

describe('reference handlers with setupServer', () => {
  const server = setupServer(...createHandlers(model));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('answers fetch, and a user override goes first', async () => {
    const created = await fetch(`${ROOT}${PARTNERS}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"tenantId":"s"}' });
    expect(created.status).toBe(201);
    server.use(http.get(`${ROOT}${PARTNERS}/:id`, () => HttpResponse.json({ tenantId: 'override' })));
    expect(await (await fetch(`${ROOT}${PARTNERS}/s`)).json()).toEqual({ tenantId: 'override' });
    server.resetHandlers();
    expect((await (await fetch(`${ROOT}${PARTNERS}/s`)).json()).tenantId).toBe('s');
  });
});
