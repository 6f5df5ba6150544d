import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../load-model.ts';
import { fakeFetch } from '../../runtime/client/__fixtures__/fake-fetch.ts';
import { CORPUS } from '../../testing/corpus.ts';
import { emitAll, typeCheck, writeOutput, type TempOutput } from './__fixtures__/output.ts';
import { CLIENT_FILE, ROUTES_FILE } from './emit-client.ts';

/**
 * Clients of two real services that are not Graph (../shared/corpus/csdl-other/): TripPin
 * (OData 4.0, keys in parentheses, related friends, a contained Int32-keyed trip collection)
 * and Olingo's Northwind (which declares ODataLib's KeyAsSegment convention, composite keys).
 */
const TRIPPIN = join(CORPUS, 'csdl-other/trippin.xml');
const NORTHWIND = join(CORPUS, 'csdl-other/northwind-v4.xml');
const available = existsSync(TRIPPIN) && existsSync(NORTHWIND);
const SKIP = available ? '' : ` (skipped: ${join(CORPUS, 'csdl-other')} is missing; these tests need the shared corpus beside the project)`;

const TYPE_TESTS = `
import { expectTypeOf } from 'vitest';
import type { Client } from './client.gen.ts';
import type * as T from './types.gen.ts';

declare const client: Client;
expectTypeOf(client.People.byId).parameter(0).toEqualTypeOf<string>();
expectTypeOf(client.People.byId('a').Trips.byId).parameter(0).toEqualTypeOf<number>();
expectTypeOf(client.People.byId('a').Friends.byId('b').get()).resolves.toEqualTypeOf<T.Person>();
expectTypeOf(client.People.byId('a').Friends.$ref.post(client.People.byId('b'))).resolves.toEqualTypeOf<void>();
expectTypeOf(client.People.byId('a').BestFriend.$ref.put('People(\\'b\\')')).resolves.toEqualTypeOf<void>();
expectTypeOf(client.People.byId('a').BestFriend.$ref.delete()).resolves.toEqualTypeOf<void>();
expectTypeOf(client.People.byId('a').Friends.byId('b').$ref.delete()).resolves.toEqualTypeOf<void>();
`;

describe.skipIf(!available)(`request builders for services other than Graph${SKIP}`, () => {
  let trippin: TempOutput;
  let northwind: TempOutput;

  beforeAll(() => {
    trippin = writeOutput(emitAll(loadModel({ csdl: [TRIPPIN] }).model));
    northwind = writeOutput(emitAll(loadModel({ csdl: [NORTHWIND] }).model));
  });
  afterAll(() => {
    trippin?.remove();
    northwind?.remove();
  });

  const requests = async (output: TempOutput, baseUrl: string, run: (client: any) => Promise<unknown>[]) => {
    const generated = (await import(pathToFileURL(join(output.dir, CLIENT_FILE)).href)) as { createClient(options: object): any };
    const fake = fakeFetch(() => ({ status: 204 }));
    await Promise.all(run(generated.createClient({ baseUrl, fetch: fake.fetch })));
    return fake.requests.map((request) => `${request.method} ${request.url}${request.body === undefined ? '' : ` ${JSON.stringify(request.body)}`}`);
  };

  it('TripPin: compiles, with typed keys and $ref', () => {
    trippin.write('trippin.check.ts', TYPE_TESTS);
    expect(typeCheck(trippin.dir, [CLIENT_FILE, ROUTES_FILE, 'trippin.check.ts'])).toEqual([]);
  });

  it("TripPin: requests People('russellwhyte')/Trips(0), writes links and calls functions", async () => {
    const root = 'https://services.odata.org/TripPinRESTierService';
    const sent = await requests(trippin, root, (c) => [
      c.People.byId('russellwhyte').Trips.byId(0).get(),
      c.People.byId("O'Neil").Friends.byId('scott').get(),
      c.People.byId('russellwhyte').Friends.$ref.post(c.People.byId('scott')),
      c.Me.Friends.post({ UserName: 'new' }),
      c.GetNearestAirport({ lat: 33, lon: -118 }),
    ]);
    expect(sent).toEqual([
      `GET ${root}/People('russellwhyte')/Trips(0)`,
      `GET ${root}/People('O''Neil')/Friends('scott')`,
      `POST ${root}/People('russellwhyte')/Friends/$ref {"@odata.id":"${root}/People('scott')"}`,
      `POST ${root}/Me/Friends {"UserName":"new"}`,
      `GET ${root}/GetNearestAirport(lat=33,lon=-118)`,
    ]);
  });

  it('Northwind: key segments, as the service declares, and composite keys in parentheses', async () => {
    expect(typeCheck(northwind.dir, [CLIENT_FILE, ROUTES_FILE])).toEqual([]);
    const root = 'https://northwind.test/odata';
    const sent = await requests(northwind, root, (c) => [c.Customers.byId('ALFKI').Orders.get(), c.Order_Details.byId({ OrderID: 10248, ProductID: 11 }).get()]);
    expect(sent).toEqual([`GET ${root}/Customers/ALFKI/Orders`, `GET ${root}/Order_Details(OrderID=10248,ProductID=11)`]);
  });
});
