import { describe, expect, it } from 'vitest';
import { fakeFetch } from './__fixtures__/fake-fetch.ts';
import { createClient } from './client.ts';
import type { RouteTable } from './route-table.ts';
import type { ValidationCheck } from './send.ts';

/**
 * A route table written by hand for a key-as-segment service, like Graph (types by index:
 * 0 entity, 1 user, 2 directoryObject, 3 event, 4 Edm.String, 5 order); targets are
 * `index * 2 + collection`.
 */
const table: RouteTable = JSON.parse(
  JSON.stringify({
    version: 1,
    keyAsSegment: 1,
    namespace: 'ns',
    root: { users: 3, me: 2, orders: 11, get: 3 },
    imports: { getAll: ['f', 'getAll', 9, { kind: 's', since: 'r' }, '.getAllFunction'], reset: ['a', 'reset'] },
    types: [
      { name: '.entity' },
      {
        name: '.user',
        base: 2,
        nav: { manager: 4, events: 7, then: 4 },
        one: { sendMail: ['a', '.', null, 1], reminderView: ['f', '.', 7, { StartDateTime: 'r', EndDateTime: 'r' }], photo: ['f', '.', 8] },
        many: { delta: ['f', '.', 3] },
      },
      { name: '.directoryObject', base: 0, one: { checkMemberGroups: ['a', '.', 9, 1], restore: ['a', '.', 4] } },
      { name: '.event' },
      { name: 'Edm.String', value: 1 },
      { name: 'other.order', key: { customer: 's', number: 'r' } },
    ],
  }),
) as RouteTable;

const base = 'https://example.test/v1';

// The runtime is schema-agnostic: tests address it through an untyped view.
type Untyped = any;

function setup(respond?: Parameters<typeof fakeFetch>[0], validate?: (check: ValidationCheck) => undefined) {
  const fake = fakeFetch(respond);
  const client = createClient<Untyped>(table, { baseUrl: `${base}/`, fetch: fake.fetch, ...(validate && { validate }) });
  return { client, requests: fake.requests };
}

describe('createClient: URLs', () => {
  // [name, build the call, method, URL]
  const cases: [string, (client: Untyped) => Promise<unknown>, string, string][] = [
    ['entity set', (c) => c.users.get(), 'GET', `${base}/users`],
    ['query options', (c) => c.users.get({ $select: ['id'], $top: 2 }), 'GET', `${base}/users?$select=id&$top=2`],
    ['key and navigation', (c) => c.users.byId('a/b').manager.get(), 'GET', `${base}/users/a%2Fb/manager`],
    ['hostile key', (c) => c.users.byId('..').delete(), 'DELETE', `${base}/users('..')`],
    ['unicode key', (c) => c.users.byId('Zoë').get(), 'GET', `${base}/users/Zo%C3%AB`],
    ['composite key', (c) => c.orders.byId({ customer: "O'Neil", number: 7 }).get(), 'GET', `${base}/orders(customer='O''Neil',number=7)`],
    ['singleton', (c) => c.me.patch({ city: 'x' }), 'PATCH', `${base}/me`],
    ['bound action', (c) => c.me.sendMail({ message: {} }), 'POST', `${base}/me/ns.sendMail`],
    ['inherited action', (c) => c.users.byId(1).restore(), 'POST', `${base}/users/1/ns.restore`],
    [
      'function with parameters',
      (c) => c.me.reminderView({ StartDateTime: '2024-01-01T00:00:00Z', EndDateTime: '2024-01-02T00:00:00Z' }, { $top: 1 }),
      'GET',
      `${base}/me/ns.reminderView(StartDateTime=2024-01-01T00:00:00Z,EndDateTime=2024-01-02T00:00:00Z)?$top=1`,
    ],
    ['function without parameters', (c) => c.users.delta({ $select: ['id'] }), 'GET', `${base}/users/ns.delta()?$select=id`],
    ['function import', (c) => c.getAll({ kind: "a'b", since: 3 }), 'GET', `${base}/getAll(kind='a''b',since=3)`],
    ['action import', (c) => c.reset(), 'POST', `${base}/reset`],
    ['type cast', (c) => c.users.$cast('ns.user').byId('x').get(), 'GET', `${base}/users/ns.user/x`],
    ['escaped names', (c) => c.$get.byId('x').$then.get(), 'GET', `${base}/get/x/then`],
  ];
  it.each(cases)('%s', async (_name, call, method, url) => {
    const { client, requests } = setup();
    await call(client);
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([`${method} ${url}`]);
  });

  it('builds URLs without sending', () => {
    const { client, requests } = setup();
    expect(client.users.byId('x').events.$url({ $filter: "subject eq 'a'" })).toBe(`${base}/users/x/events?$filter=subject%20eq%20'a'`);
    expect(requests).toHaveLength(0);
  });

  it('is never taken for a promise, reads symbols as undefined and converts to its URL', async () => {
    const { client, requests } = setup();
    const users = client.users;
    expect(users.then).toBeUndefined();
    expect((await users) === users).toBe(true);
    expect(users[Symbol.iterator]).toBeUndefined();
    expect(`${users.byId('x')}`).toBe(`${base}/users/x`);
    expect(JSON.stringify({ users })).toBe(`{"users":"${base}/users"}`);
    expect(requests).toHaveLength(0);
  });

  it('refuses at once to call a name that is not an action or function there', () => {
    const { client, requests } = setup();
    expect(() => client.users.byId('x').manager()).toThrow(TypeError);
    expect(() => client.me.constructor()).toThrow(`${base}/me/constructor is not an action or function`);
    expect(() => client.__proto__()).toThrow(TypeError);
    expect(() => client()).toThrow(TypeError);
    expect(requests).toHaveLength(0);
  });

  it('sends the body of an action and of create, replace and update', async () => {
    const { client, requests } = setup();
    await client.me.sendMail({ message: { subject: 'hi' } });
    await client.users.post({ displayName: 'A' });
    await client.me.put({ displayName: 'B' });
    expect(requests.map((request) => request.body)).toEqual([{ message: { subject: 'hi' } }, { displayName: 'A' }, { displayName: 'B' }]);
  });
});

describe('createClient: validation checks', () => {
  const run = async (call: (client: Untyped) => Promise<unknown>, json?: unknown): Promise<Omit<ValidationCheck, 'url' | 'method' | 'body'>[]> => {
    const checks: ValidationCheck[] = [];
    const { client } = setup(() => (json === undefined ? { status: 204 } : { json }), (check) => void checks.push(check));
    await call(client);
    return checks.map(({ phase, type, collection, mode }) => ({ phase, type, collection, mode }));
  };

  it('checks a collection read as a collection of the type', async () => {
    expect(await run((c) => c.users.get(), { value: [] })).toEqual([{ phase: 'response', type: 'ns.user', collection: true, mode: 'read' }]);
  });

  it('checks create, update and replace bodies in their modes', async () => {
    expect(await run((c) => c.users.post({}), { id: '1' })).toEqual([
      { phase: 'request', type: 'ns.user', collection: false, mode: 'create' },
      { phase: 'response', type: 'ns.user', collection: false, mode: 'read' },
    ]);
    expect(await run((c) => c.users.byId('1').manager.patch({}))).toEqual([{ phase: 'request', type: 'ns.directoryObject', collection: false, mode: 'update' }]);
    expect(await run((c) => c.me.put({}))).toEqual([{ phase: 'request', type: 'ns.user', collection: false, mode: 'create' }]);
  });

  it('checks action parameters and results', async () => {
    expect(await run((c) => c.me.checkMemberGroups({ groupIds: [] }), { value: [] })).toEqual([
      { phase: 'request', type: 'ns.checkMemberGroups', collection: false, mode: 'parameters' },
      { phase: 'response', type: 'Edm.String', collection: true, mode: 'read' },
    ]);
    expect(await run((c) => c.getAll({ kind: 'a' }), { value: [] })).toEqual([{ phase: 'response', type: 'Edm.String', collection: true, mode: 'read' }]);
    expect(await run((c) => c.users.byId('1').restore(), { id: '1' })).toEqual([{ phase: 'response', type: 'ns.directoryObject', collection: false, mode: 'read' }]);
  });
});

/**
 * A service that writes keys in parentheses, like TripPin (OData 4.0, no key-as-segment):
 * types 0 person (key UserName), 1 trip (key TripId, Int32), 2 item (OrderID, ProductID),
 * 3 Edm.String.
 */
const trippin: RouteTable = JSON.parse(
  JSON.stringify({
    version: 1,
    namespace: 'tp',
    root: { People: 1, Items: 5, Find: 6 },
    imports: {
      Find: ['f', 'Find', 1, { gender: 'e:tp.PersonGender', where: 'j', tags: 'j', name: 's' }],
    },
    types: [
      { name: '.Person', key: { UserName: 's' }, nav: { Trips: 3, Friends: 1, BestFriend: 0 } },
      { name: '.Trip', key: { TripId: 'r' } },
      { name: '.Item', key: { OrderID: 'r', ProductID: 'r' } },
      { name: 'Edm.String', value: 1 },
    ],
  }),
) as RouteTable;

describe('createClient: keys in parentheses, literals and links', () => {
  const calls = async (...run: ((client: Untyped) => Promise<unknown>)[]) => {
    const fake = fakeFetch(() => ({ status: 204 }));
    const client = createClient<Untyped>(trippin, { baseUrl: base, fetch: fake.fetch });
    for (const call of run) await call(client);
    return fake.requests;
  };

  it('writes single keys as typed literals in parentheses, quotes doubled', async () => {
    const requests = await calls(
      (c) => c.People.byId('russellwhyte').Trips.byId(0).get(),
      (c) => c.People.byId("O'Neil").get(),
      (c) => c.People.byId('a/b(c)').get(),
      (c) => c.Items.byId({ OrderID: 1, ProductID: 2 }).get(),
    );
    expect(requests.map((request) => request.url)).toEqual([
      `${base}/People('russellwhyte')/Trips(0)`,
      `${base}/People('O''Neil')`,
      `${base}/People('a%2Fb%28c%29')`,
      `${base}/Items(OrderID=1,ProductID=2)`,
    ]);
  });

  it('qualifies enum members and sends complex and collection parameters as aliases', async () => {
    const requests = await calls((c) => c.Find({ gender: 'Female', where: { city: 'Oslo' }, tags: ['a&b'], name: 'x' }, { $top: 1 }));
    expect(requests[0]!.url).toBe(
      `${base}/Find(gender=tp.PersonGender'Female',where=@where,tags=@tags,name='x')?$top=1&@where=%7B%22city%22:%22Oslo%22%7D&@tags=%5B%22a%26b%22%5D`,
    );
  });

  it('adds, sets and removes links with $ref, naming the entity by URL or by builder', async () => {
    const requests = await calls(
      (c) => c.People.byId('a').Friends.$ref.post(c.People.byId('b')),
      (c) => c.People.byId('a').BestFriend.$ref.put(`${base}/People('c')`),
      (c) => c.People.byId('a').Friends.byId('b').$ref.delete(),
      (c) => c.People.byId('a').BestFriend.$ref.delete(),
    );
    expect(requests.map((request) => [request.method, request.url, request.body])).toEqual([
      ['POST', `${base}/People('a')/Friends/$ref`, { '@odata.id': `${base}/People('b')` }],
      ['PUT', `${base}/People('a')/BestFriend/$ref`, { '@odata.id': `${base}/People('c')` }],
      ['DELETE', `${base}/People('a')/Friends('b')/$ref`, undefined],
      ['DELETE', `${base}/People('a')/BestFriend/$ref`, undefined],
    ]);
  });

  it('refuses a $ref target that is neither a URL nor a builder', async () => {
    await expect(calls((c) => c.People.byId('a').Friends.$ref.post(42))).rejects.toThrow(TypeError);
  });
});
