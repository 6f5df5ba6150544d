import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitAll, typeCheck, writeOutput, type TempOutput } from '../../generator/emit/request-builders/__fixtures__/output.ts';
import { CLIENT_FILE, ROUTES_FILE } from '../../generator/emit/request-builders/emit-client.ts';
import { loadModel } from '../../generator/load-model.ts';
import { createHandlers } from './create-handlers.ts';
import { PEOPLE, structural } from './filter/__fixtures__/people.ts';

/**
 * The generated client against the reference handlers, in process (msw setupServer): `$all`
 * and `$pages` follow `@odata.nextLink` through server-driven paging, `$count` reads
 * `/$count`, and `$filter`/`$orderby` go through as the handlers evaluate them.
 */
const { model } = loadModel({ csdl: [new URL('./filter/__fixtures__/people.xml', import.meta.url).pathname] });
const ROOT = 'https://people.test/svc';
const data = { '/People': PEOPLE.map((row) => ({ ...(row['@odata.type'] ? { '@odata.type': row['@odata.type'] } : {}), ...structural(row) })) };
const server = setupServer(...createHandlers(model, { profile: 'odata', serviceRoot: ROOT, data, pageSize: 2 }));

let output: TempOutput;
let client: any;
const requested: string[] = [];

beforeAll(async () => {
  output = writeOutput(emitAll(model));
  const generated = (await import(pathToFileURL(join(output.dir, CLIENT_FILE)).href)) as { createClient(options: object): unknown };
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => void requested.push(decodeURIComponent(request.url.slice(ROOT.length).replace(/\+/g, ' '))));
  client = generated.createClient({ baseUrl: ROOT });
});
afterAll(() => {
  server.close();
  output?.remove();
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('the generated client: paging, $count and query options against the reference handlers', () => {
  it('$all follows @odata.nextLink to the end', async () => {
    requested.length = 0;
    const people = await collect<any>(client.People.$all({ $orderby: 'Name desc', $select: ['Name'] }));
    expect(people.map((person) => person.Name)).toEqual(['Carol', 'Bob', 'Alice', '  Dave  ']);
    expect(requested).toEqual(['/People?$select=Name&$orderby=Name desc', '/People?$select=Name&$orderby=Name desc&$skip=2']);
  });

  it('$all with a limit requests no page past it', async () => {
    requested.length = 0;
    const people = await collect<any>(client.People.$all({ limit: 2, $orderby: 'Id' }));
    expect(people.map((person) => person.Id)).toEqual([1, 2]);
    expect(requested).toHaveLength(1);
    expect(await collect(client.People.$all({ limit: 0 }))).toEqual([]);
    await expect(client.People.$all({ limit: -1 })[Symbol.asyncIterator]().next()).rejects.toThrow(/limit must be a non-negative integer/);
  });

  it('$pages yields each page with its count and link', async () => {
    const pages = await collect<any>(client.People.$pages({ $filter: "Address/City ne 'Portland'", $count: true }));
    expect(pages.map((page) => page.value.map((person: any) => person.Id))).toEqual([[1, 3], [4]]);
    expect(pages.map((page) => page['@odata.count'])).toEqual([3, 3]);
    expect(pages[0]["@odata.nextLink"]).toMatch(/%24skip=2$/);
    expect(pages[1]['@odata.nextLink']).toBeUndefined();
  });

  it('$count reads /$count, with $filter', async () => {
    expect(await client.People.$count()).toBe(4);
    expect(await client.People.$count({ $filter: "'dev' in Tags" })).toBe(3);
  });

  it('a 400 from the handlers reaches the caller as an OData error saying where', async () => {
    await expect(client.People.get({ $filter: "Nmae eq 'x'" })).rejects.toThrow(/'Nmae' is not a property of Test.Person \(at character 0\)/);
  });

  it('the typed $filter builder writes what the handlers evaluate', async () => {
    const ids = async (filter: (f: any) => unknown) => (await client.People.get({ $filter: filter, $orderby: 'Id' })).value.map((person: any) => person.Id);
    expect(await ids((f) => f.and(f.at('Address').eq('City', 'Seattle'), f.gt('Age', 35)))).toEqual([4]);
    expect(await ids((f) => f.gt('Registered', new Date('2021-01-01T00:00:00Z')))).toEqual([2, 4]);
    expect(await ids((f) => f.eq('Token', f.guid('A1B2C3D4-0000-0000-0000-000000000001')))).toEqual([1]);
    expect(await ids((f) => f.eq('Color', f.enumMember('Test.Color', 'Green')))).toEqual([2]);
    expect(await ids((f) => f.has('Permissions', f.enumMember('Test.Permission', 'Admin')))).toEqual([3]);
    expect(await ids((f) => f.lt('Session', f.duration('PT1H')))).toEqual([3]);
    expect(await ids((f) => f.eq('Born', f.date('1990-05-17')))).toEqual([1]);
    expect(await ids((f) => f.any('Tags', (t: any) => t.is('eq', 'ops')))).toEqual([4]);
    expect(await ids((f) => f.any('Addresses', (a: any) => a.at('Country').eq('Code', 'FR')))).toEqual([1]);
    expect(await ids((f) => f.or(f.eq('Email', null), f.startswith('Name', "  D")))).toEqual([2, 4]);
    expect(await ids((f) => f.in('Name', ['Alice', 'Bob']))).toEqual([1, 2]);
    // Dave's Active is null: null eq true is false, so not(...) keeps him (URL Conventions 4.01 §5.1.1.1.1).
    expect(await client.People.$count({ $filter: (f: any) => f.not(f.eq('Active', true)) })).toBe(2);
  });

  it('types: $all yields the selected member type, $count a number, limit a number', () => {
    output.write(
      'paging.check.ts',
      `import { expectTypeOf } from 'vitest';
import type { Client } from './client.gen.ts';
import type * as T from './types.gen.ts';
import type { CollectionNames, Comparand, FilterLiteral, ScalarNames } from './runtime/client/index.ts';
declare const client: Client;
expectTypeOf(client.People.$all()).toEqualTypeOf<AsyncIterable<T.Person>>();
const selectName = () => client.People.get({ $select: ['Name'] });
expectTypeOf(client.People.$all({ $select: ['Name'] })).toEqualTypeOf<AsyncIterable<Awaited<ReturnType<typeof selectName>>['value'][number]>>();
expectTypeOf(client.People.$count()).resolves.toEqualTypeOf<number>();
expectTypeOf(client.People.byId(1).Orders.$pages()).toEqualTypeOf<AsyncIterable<import('./runtime/client/index.ts').ODataPage<T.Order>>>();
// @ts-expect-error a limit is a number
void client.People.$all({ limit: '2' });
// @ts-expect-error $select names properties of the type
void client.People.$all({ $select: ['Nope'] });
void client.People.get({ $filter: "Name eq 'x'" });
void client.People.get({ $filter: (f) => f.and(f.eq('Name', 'x'), f.gt('Age', 3), f.eq('Age', null), f.gt('Registered', new Date())) });
void client.People.get({ $filter: (f) => f.any('Tags', (t) => t.is('eq', 'dev')) });
void client.People.get({ $filter: (f) => f.any('Addresses', (a) => a.eq('City', 'x')) });
void client.People.get({ $filter: (f) => f.at('Address').at('Country').eq('Code', 'US') });
void client.People.byId(1).Orders.$all({ $filter: (f) => f.gt('Amount', 10) });
void client.People.$count({ $filter: (f) => f.eq('Active', true) });
expectTypeOf<Comparand<number>>().toEqualTypeOf<number | bigint | FilterLiteral | null>();
expectTypeOf<Comparand<string>>().toEqualTypeOf<string | Date | FilterLiteral | null>();
expectTypeOf<ScalarNames<T.Order>>().toEqualTypeOf<'Id' | 'Amount' | 'Placed'>();
expectTypeOf<CollectionNames<T.Person>>().toEqualTypeOf<'Tags' | 'Addresses' | 'Friends' | 'Orders'>();
// @ts-expect-error an unknown property name
void client.People.get({ $filter: (f) => f.eq('Nmae', 'x') });
// @ts-expect-error a number property takes a number
void client.People.get({ $filter: (f) => f.eq('Age', 'thirty') });
// @ts-expect-error a boolean property takes a boolean
void client.People.get({ $filter: (f) => f.eq('Active', 1) });
// @ts-expect-error a string function takes a string property
void client.People.get({ $filter: (f) => f.contains('Age', '3') });
// @ts-expect-error a complex property is no comparand
void client.People.get({ $filter: (f) => f.eq('Address', 'x') });
// @ts-expect-error City belongs to Address, not to Person
void client.People.get({ $filter: (f) => f.eq('City', 'x') });
// @ts-expect-error an enum takes its members
void client.People.get({ $filter: (f) => f.eq('Color', 'Purple') });
// @ts-expect-error Amount is an Order's, and the lambda is over strings
void client.People.get({ $filter: (f) => f.any('Tags', (t) => t.eq('Amount', 1)) });
// @ts-expect-error any() takes a collection
void client.People.get({ $filter: (f) => f.any('Name') });
`,
    );
    expect(typeCheck(output.dir, [CLIENT_FILE, ROUTES_FILE, 'paging.check.ts'])).toEqual([]);
  });
});
