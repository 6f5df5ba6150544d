import { describe, expect, it } from 'vitest';
import { fakeFetch, type FakeResponse, type RecordedRequest } from './__fixtures__/fake-fetch.ts';
import { bodyOf, fromBase64Url } from './batch.ts';
import { createClient } from './client.ts';
import { ODataRequestError, ODataValidationError } from './errors.ts';
import type { RouteTable } from './route-table.ts';

/** A route table by hand: `users` (entity set of 1 `.user`, target 3), `.user` with `manager` and `events`. */
const table = {
  version: 1,
  keyAsSegment: 1,
  namespace: 'ns',
  root: { users: 3 },
  types: [{ name: '.entity' }, { name: '.user', nav: { manager: 2, events: 5 } }, { name: '.event' }],
} as unknown as RouteTable;

const base = 'https://example.test/v1';
type Untyped = any;

/** A fake service whose `$batch` answers what `answer` makes of each request object. */
function setup(answer: (item: any) => object, options: { headers?: () => Record<string, string>; validate?: (check: any) => any } = {}) {
  const fake = fakeFetch((request: RecordedRequest): FakeResponse => {
    if (!request.url.endsWith('/$batch')) return { status: 500 };
    const items = (request.body as { requests: any[] }).requests;
    return { json: { responses: items.map((item) => ({ id: item.id, ...answer(item) })) } };
  });
  const client = createClient<Untyped>(table, { baseUrl: base, fetch: fake.fetch, ...options });
  return { client, requests: fake.requests };
}

const created = (body: object) => ({ status: 201, headers: { 'Content-Type': 'application/json' }, body });

describe('client.$batch', () => {
  it('sends the calls as one JSON batch, in call order, urls relative to the service root', async () => {
    const { client, requests } = setup((item) => (item.method === 'POST' ? created({ id: 'u1' }) : { status: 200, headers: { 'content-type': 'application/json' }, body: { value: [] } }));
    const [user, list] = await client.$batch((b: Untyped) => [b.users.post({ displayName: 'A' }), b.users.get({ $top: 2, headers: { ConsistencyLevel: 'eventual' } })]);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', url: `${base}/$batch`, headers: { accept: 'application/json', 'content-type': 'application/json' } });
    expect((requests[0]!.body as any).requests).toEqual([
      { id: '1', method: 'POST', url: 'users', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: { displayName: 'A' } },
      { id: '2', method: 'GET', url: 'users?$top=2', headers: { accept: 'application/json', consistencylevel: 'eventual' } },
    ]);
    expect(user).toEqual({ ok: true, value: { id: 'u1' } });
    expect(list).toEqual({ ok: true, value: { value: [] } });
  });

  it('$at references an earlier request ($1) and lists it in dependsOn; $after adds dependencies', async () => {
    const { client, requests } = setup(() => ({ status: 204 }));
    await client.$batch((b: Untyped) => {
      const user = b.users.post({});
      const manager = b.$at(user, b.users).manager.get();
      const events = b.$after([manager], () => [b.$at(user, b.users).events.get({ $top: 1 }), b.users.byId('x').delete()]);
      return [user, manager, ...events];
    });
    const items = (requests[0]!.body as any).requests;
    expect(items.map((item: any) => [item.id, item.method, item.url, item.dependsOn])).toEqual([
      ['1', 'POST', 'users', undefined],
      ['2', 'GET', '$1/manager', ['1']],
      ['3', 'GET', '$1/events?$top=1', ['2', '1']],
      ['4', 'DELETE', 'users/x', ['2']],
    ]);
  });

  it('$atomic makes an atomicity group; a reference to one of its members names that request', async () => {
    const { client, requests } = setup(() => ({ status: 204 }));
    await client.$batch((b: Untyped) => {
      const [a] = b.$atomic(() => [b.users.post({}), b.users.byId('y').patch({})]);
      const after = b.$at(a, b.users).get();
      return [a, after];
    });
    const items = (requests[0]!.body as any).requests;
    expect(items.map((item: any) => [item.id, item.atomicityGroup, item.dependsOn])).toEqual([
      ['1', 'g1', undefined],
      ['2', 'g1', undefined],
      ['3', undefined, ['1']],
    ]);
  });

  it('each call settles from its own response: values decoded, errors per request (ODataRequestError with status and code)', async () => {
    const { client } = setup((item) =>
      item.id === '1'
        ? { status: 404, headers: { 'content-type': 'application/json' }, body: { error: { code: 'Request_ResourceNotFound', message: 'no such user' } } }
        : item.id === '2'
          ? { status: 424, headers: { 'content-type': 'application/json' }, body: { error: { code: 'FailedDependency', message: 'not run' } } }
          : { status: 200, headers: { 'content-type': 'text/plain' }, body: '7' },
    );
    const results = await client.$batch((b: Untyped) => ({ missing: b.users.byId('nobody').get(), dependent: b.users.get(), count: b.users.$count() }));
    expect(results.count).toEqual({ ok: true, value: 7 });
    expect(results.missing.ok).toBe(false);
    expect(results.missing.error).toBeInstanceOf(ODataRequestError);
    expect(results.missing.error).toMatchObject({ status: 404, code: 'Request_ResourceNotFound', method: 'GET', url: `${base}/users/nobody` });
    expect(results.dependent.error).toMatchObject({ status: 424, code: 'FailedDependency' });
  });

  it('bodies that are neither JSON nor text arrive base64url-encoded and are decoded to bytes', async () => {
    const { client } = setup(() => ({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: '_-8A' }));
    const [bytes] = await client.$batch((b: Untyped) => [b.users.byId('a').get()]);
    expect([...new Uint8Array(bytes.value)]).toEqual([255, 239, 0]);
  });

  it('validation applies per request: an invalid body fails its call only and is not sent', async () => {
    const validate = (check: any) => (check.phase === 'request' && check.body.bad ? [{ message: 'bad body' }] : []);
    const { client, requests } = setup(() => created({ id: 'ok' }), { validate });
    const [bad, good] = await client.$batch((b: Untyped) => [b.users.post({ bad: true }), b.users.post({})]);
    expect(bad.error).toBeInstanceOf(ODataValidationError);
    expect(good).toEqual({ ok: true, value: { id: 'ok' } });
    expect((requests[0]!.body as any).requests.map((item: any) => item.id)).toEqual(['1']);
  });

  it("the client's headers (a function too) go on the batch request, not into each request object", async () => {
    const { client, requests } = setup(() => ({ status: 204 }), { headers: () => ({ Authorization: 'Bearer t' }) });
    await client.$batch((b: Untyped) => [b.users.get()]);
    expect(requests[0]!.headers['authorization']).toBe('Bearer t');
    expect((requests[0]!.body as any).requests[0].headers).toEqual({ accept: 'application/json' });
  });

  it('a failed batch rejects, and so does every call in it (none unhandled)', async () => {
    const fake = fakeFetch(() => ({ status: 400, json: { error: { code: 'BadRequest', message: 'too many' } } }));
    const client = createClient<Untyped>(table, { baseUrl: base, fetch: fake.fetch });
    let kept: Promise<unknown> | undefined;
    await expect(client.$batch((b: Untyped) => [(kept = b.users.get()), b.users.get()])).rejects.toThrow(/POST https:\/\/example.test\/v1\/\$batch failed \(400\): BadRequest: too many/);
    await expect(kept).rejects.toThrow(/too many/);
  });

  it('a response missing from the batch answer fails its call; an empty batch sends nothing; $at refuses a foreign promise', async () => {
    const fake = fakeFetch(() => ({ json: { responses: [] } }));
    const client = createClient<Untyped>(table, { baseUrl: base, fetch: fake.fetch });
    const [lost] = await client.$batch((b: Untyped) => [b.users.get()]);
    expect(lost.error.message).toBe('no response for request 1');
    expect(await client.$batch(() => [])).toEqual([]);
    expect(fake.requests).toHaveLength(1);
    await expect(client.$batch((b: Untyped) => [b.$at(Promise.resolve(), b.users)])).rejects.toThrow('not a request of this batch');
  });
});

describe('batch bodies (JSON Format 4.01 section 19.1)', () => {
  it('JSON stays JSON, text stays text, bytes are refused; base64url response bodies decode to bytes', () => {
    expect(bodyOf('{"a":1}')).toEqual({ a: 1 });
    expect(bodyOf('plain', 'text/plain')).toBe('plain');
    expect(() => bodyOf(new Uint8Array([1]), 'image/png')).toThrow('binary bodies cannot go in a batch');
    for (const length of [0, 1, 2, 3, 4, 5, 64]) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 97 + 255) & 255);
      expect([...fromBase64Url(Buffer.from(bytes).toString('base64url'))]).toEqual([...bytes]);
      expect([...fromBase64Url(Buffer.from(bytes).toString('base64'))]).toEqual([...bytes]);
    }
  });
});
