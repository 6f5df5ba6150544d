import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emitAll, typeCheck, writeOutput, type TempOutput } from '../../generator/emit/request-builders/__fixtures__/output.ts';
import { CLIENT_FILE, ROUTES_FILE } from '../../generator/emit/request-builders/emit-client.ts';
import { loadModel } from '../../generator/load-model.ts';
import { createHandlers } from './create-handlers.ts';
import { createStore } from './store.ts';

/**
 * The generated client's `$batch` against the reference handlers over HTTP (msw setupServer):
 * one `POST /$batch` carries the calls, `$at` references what an earlier call created, an
 * atomicity group is rolled back as a whole, and each call settles with its own result.
 */
const { model } = loadModel({ csdl: [new URL('./filter/__fixtures__/people.xml', import.meta.url).pathname] });
const ROOT = 'https://people.test/svc';
const store = createStore();
const server = setupServer(...createHandlers(model, { profile: 'odata', serviceRoot: ROOT, store, data: { '/People': [{ Id: 1, Name: 'Alice' }] } }));

let output: TempOutput;
let client: any;
const requested: string[] = [];

beforeAll(async () => {
  output = writeOutput(emitAll(model));
  const generated = (await import(pathToFileURL(join(output.dir, CLIENT_FILE)).href)) as { createClient(options: object): unknown };
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => void requested.push(`${request.method} ${request.url.slice(ROOT.length)}`));
  client = generated.createClient({ baseUrl: ROOT });
});
beforeEach(() => {
  store.reset();
  requested.length = 0;
});
afterAll(() => {
  server.close();
  output?.remove();
});

describe('the generated client: $batch against the reference handlers', () => {
  it('a create, then requests on what it created ($1), in one round trip', async () => {
    const [created, order, read, missing] = await client.$batch((b: any) => {
      const person = b.People.post({ Id: 5, Name: 'Eve' });
      return [person, b.$at(person, b.People).Orders.post({ Id: 50, Amount: 9.5 }), b.$after([person], () => b.People.byId(5).get({ $expand: 'Orders' })), b.People.byId(99).get()];
    });
    expect(requested).toEqual(['POST /$batch']);
    expect(created).toEqual({ ok: true, value: expect.objectContaining({ Id: 5, Name: 'Eve' }) });
    expect(order).toEqual({ ok: true, value: expect.objectContaining({ Id: 50, Amount: 9.5 }) });
    expect(read.value.Orders).toEqual([expect.objectContaining({ Id: 50 })]);
    expect(missing.ok).toBe(false);
    expect(missing.error).toMatchObject({ name: 'ODataRequestError', status: 404, code: 'ResourceNotFound' });
  });

  it('an atomicity group that fails changes nothing; a call depending on it answers 424', async () => {
    const results = await client.$batch((b: any) => {
      const [added, clash] = b.$atomic(() => [b.People.post({ Id: 6, Name: 'Frank' }), b.People.post({ Id: 1, Name: 'Alice again' })]);
      return { added, clash, after: b.$at(added, b.People).get(), count: b.People.$count() };
    });
    expect(results.clash.error).toMatchObject({ status: 409, code: 'Conflict' });
    expect(results.added.error).toMatchObject({ status: 424, code: 'FailedDependency' });
    expect(results.after.error).toMatchObject({ status: 424 });
    expect(results.count).toEqual({ ok: true, value: 1 });
    await expect(client.People.byId(6).get()).rejects.toMatchObject({ status: 404 });
  });

  it('types: each result is typed as its call; $at gives the member builder', () => {
    output.write(
      'batch.check.ts',
      `import { expectTypeOf } from 'vitest';
import type { Client, PersonItem } from './client.gen.ts';
import type * as T from './types.gen.ts';
import type { BatchResult, ODataPage } from './runtime/client/index.ts';
declare const client: Client;
const results = client.$batch((b) => {
  const person = b.People.post({ Id: 5, Name: 'Eve' });
  expectTypeOf(b.$at(person, b.People)).toEqualTypeOf<PersonItem>();
  return [person, b.People.$count(), b.$atomic(() => b.People.byId(1).delete())] as const;
});
expectTypeOf(results).resolves.toEqualTypeOf<[BatchResult<T.Person>, BatchResult<number>, BatchResult<void>]>();
const direct = () => client.People.get({ $select: ['Name'] });
const named = client.$batch((b) => ({ list: b.People.get({ $select: ['Name'] }) }));
expectTypeOf(named).resolves.toEqualTypeOf<{ list: BatchResult<Awaited<ReturnType<typeof direct>>> }>();
expectTypeOf<Awaited<ReturnType<typeof direct>>>().toMatchTypeOf<ODataPage<unknown>>();
void client.$batch((b) => {
  const [first] = [b.People.post({ Id: 7, Name: 'x' })];
  return [first];
}).then(([first]) => (first.ok ? first.value.Name : first.error.message));
const grouped = client.$batch((b) => {
  const inGroup = b.$atomic(() => [b.People.post({ Id: 8, Name: 'x' }), b.People.$count()]);
  return [...inGroup, ...b.$after([inGroup[0]], () => [b.People.byId(8).get()])];
});
expectTypeOf(grouped).resolves.toEqualTypeOf<[BatchResult<T.Person>, BatchResult<number>, BatchResult<T.Person>]>();
// @ts-expect-error $at takes a collection (a builder with byId)
void client.$batch((b) => [b.$at(b.People.get(), b.People.byId(1))]);
`,
    );
    expect(typeCheck(output.dir, [CLIENT_FILE, ROUTES_FILE, 'batch.check.ts'])).toEqual([]);
  });
});
