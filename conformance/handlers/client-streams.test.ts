import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitAll, typeCheck, writeOutput, type TempOutput } from '../../generator/emit/request-builders/__fixtures__/output.ts';
import { CLIENT_FILE, ROUTES_FILE } from '../../generator/emit/request-builders/emit-client.ts';
import { build } from '../../generator/model/build/__fixtures__/edmx.ts';
import { createHandlers } from './create-handlers.ts';

/**
 * The generated client against the reference handlers, in process (msw): `$value` of a media
 * entity and of a stream property, `$property(name)` and its raw `$value`, reading `$ref`, and
 * Graph's `ConsistencyLevel: eventual` sent as a per-request header.
 */
const CONSISTENCY = `
<Annotation Term="Org.OData.Capabilities.V1.ReadRestrictions">
  <Record><PropertyValue Property="CustomHeaders"><Collection><Record><PropertyValue Property="Name" String="ConsistencyLevel" /></Record></Collection></PropertyValue></Record>
</Annotation>`;
const { model } = build(`
<EntityType Name="Photo" HasStream="true">
  <Key><PropertyRef Name="Id" /></Key>
  <Property Name="Id" Type="Edm.Int64" Nullable="false" />
  <Property Name="Name" Type="Edm.String" />
</EntityType>
<EntityType Name="Person">
  <Key><PropertyRef Name="UserName" /></Key>
  <Property Name="UserName" Type="Edm.String" Nullable="false" />
  <Property Name="Age" Type="Edm.Int32" />
  <Property Name="Nick" Type="Edm.String" />
  <Property Name="Avatar" Type="Edm.Stream" />
  <NavigationProperty Name="Friends" Type="Collection(t.Person)" />
  <NavigationProperty Name="BestFriend" Type="t.Person" />
</EntityType>
<EntityContainer Name="c">
  <EntitySet Name="Photos" EntityType="t.Photo" />
  <EntitySet Name="People" EntityType="t.Person">
    <NavigationPropertyBinding Path="Friends" Target="People" />
    <NavigationPropertyBinding Path="BestFriend" Target="People" />${CONSISTENCY}
  </EntitySet>
</EntityContainer>`);

const ROOT = 'https://streams.test/svc';
const GRAPH_ROOT = 'https://graph.test/v1.0';
const data = { '/Photos': [{ Id: 1, Name: 'lake' }], '/People': [{ UserName: 'a', Age: 42, Nick: null }, { UserName: 'b', Age: 7 }, { UserName: 'c', Age: 9 }] };
const server = setupServer(
  ...createHandlers(model, { profile: 'odata', serviceRoot: ROOT, data }),
  ...createHandlers(model, { profile: 'graph', serviceRoot: GRAPH_ROOT, data }),
);

let output: TempOutput;
let client: any;
let graph: any;

beforeAll(async () => {
  output = writeOutput(emitAll(model));
  const generated = (await import(pathToFileURL(join(output.dir, CLIENT_FILE)).href)) as { createClient(options: object): unknown };
  server.listen({ onUnhandledRequest: 'error' });
  client = generated.createClient({ baseUrl: ROOT });
  graph = generated.createClient({ baseUrl: GRAPH_ROOT });
});
afterAll(() => {
  server.close();
  output?.remove();
});

describe('the generated client: $value, $property, $ref.get and per-request headers against the reference handlers', () => {
  it('a media entity: $value.get is null until $value.put, then the bytes with their content type', async () => {
    expect(await client.Photos.byId(1).$value.get()).toBeNull();
    await client.Photos.byId(1).$value.put(new Uint8Array([137, 80, 78, 71]), 'image/png');
    const media = await client.Photos.byId(1).$value.get();
    expect(media.contentType).toBe('image/png');
    expect([...new Uint8Array(media.data)]).toEqual([137, 80, 78, 71]);
    expect(await client.Photos.byId(1).get()).toMatchObject({ Name: 'lake', '@odata.mediaContentType': 'image/png' });
    expect(client.Photos.byId(1).$value.$url()).toBe(`${ROOT}/Photos(1)/$value`);
  });

  it('a stream property: text in, text out', async () => {
    await client.People.byId('a').Avatar.$value.put('<svg/>', 'image/svg+xml');
    const avatar = await client.People.byId('a').Avatar.$value.get();
    expect(avatar.contentType).toBe('image/svg+xml');
    expect(new TextDecoder().decode(avatar.data)).toBe('<svg/>');
    // Addressed at the property's own URL (4.01), which the handlers also take with /$value.
    expect(client.People.byId('a').Avatar.$value.$url()).toBe(`${ROOT}/People('a')/Avatar`);
  });

  it('$property(name).get gives the value (null for null), $value the raw text', async () => {
    expect(await client.People.byId('a').$property('Age').get()).toBe(42);
    expect(await client.People.byId('a').$property('Age').$value.get()).toBe('42');
    expect(await client.People.byId('a').$property('Nick').get()).toBeNull();
    expect(await client.People.byId('a').$property('Nick').$value.get()).toBeNull();
    await expect(client.People.byId('zz').$property('Age').$value.get()).rejects.toMatchObject({ status: 404 });
  });

  it('$ref.get lists the links of a collection and gives the one of a single-valued navigation', async () => {
    await client.People.byId('a').Friends.$ref.post(client.People.byId('b'));
    await client.People.byId('a').Friends.$ref.post(`${ROOT}/People('c')`);
    const friends = await client.People.byId('a').Friends.$ref.get({ $orderby: 'Age desc' });
    expect(friends.value).toEqual([{ '@odata.id': `${ROOT}/People('c')` }, { '@odata.id': `${ROOT}/People('b')` }]);
    expect(await client.People.byId('a').BestFriend.$ref.get()).toBeNull();
    await client.People.byId('a').BestFriend.$ref.put(client.People.byId('c'));
    expect(await client.People.byId('a').BestFriend.$ref.get()).toMatchObject({ '@odata.id': `${ROOT}/People('c')` });
  });

  it('ConsistencyLevel: eventual goes as a per-request header (or a client default) where Graph wants it', async () => {
    await expect(graph.People.$count()).rejects.toMatchObject({ status: 400, body: { error: { code: 'Request_UnsupportedQuery' } } });
    expect(await graph.People.$count({ headers: { ConsistencyLevel: 'eventual' } })).toBe(3);
    const page = await graph.People.get({ $filter: (f: any) => f.ne('Age', 7), headers: { ConsistencyLevel: 'eventual' } });
    expect(page.value.map((person: { UserName: string }) => person.UserName)).toEqual(['a', 'c']);
  });

  it('types: $value only on media entities and stream properties, $property only with primitive names, $ref.get typed', () => {
    output.write(
      'streams.check.ts',
      `import { expectTypeOf } from 'vitest';
import type { Client } from './client.gen.ts';
import type { EntityId, MediaContent, ODataPage } from './runtime/client/index.ts';
declare const client: Client;
expectTypeOf(client.Photos.byId(1).$value.get()).resolves.toEqualTypeOf<MediaContent | null>();
expectTypeOf(client.People.byId('a').Avatar.$value.get()).resolves.toEqualTypeOf<MediaContent | null>();
void client.Photos.byId(1).$value.put(new Uint8Array([1]), 'image/png');
// @ts-expect-error a content type is required
void client.Photos.byId(1).$value.put('x');
// @ts-expect-error a Person is no media entity
void client.People.byId('a').$value;
expectTypeOf(client.People.byId('a').$property('Age').get()).resolves.toEqualTypeOf<number | null>();
expectTypeOf(client.People.byId('a').$property('Nick').$value.get()).resolves.toEqualTypeOf<string | null>();
// @ts-expect-error not a property of Person
void client.People.byId('a').$property('Nope');
// @ts-expect-error a navigation property has no raw value
void client.People.byId('a').$property('Friends');
expectTypeOf(client.People.byId('a').Friends.$ref.get()).resolves.toEqualTypeOf<ODataPage<EntityId>>();
expectTypeOf(client.People.byId('a').BestFriend.$ref.get()).resolves.toEqualTypeOf<EntityId | null>();
void client.People.byId('a').Friends.$ref.get({ $filter: (f) => f.gt('Age', 3), $top: 2 });
void client.People.$count({ headers: { ConsistencyLevel: 'eventual' } });
`,
    );
    expect(typeCheck(output.dir, [CLIENT_FILE, ROUTES_FILE, 'streams.check.ts'])).toEqual([]);
  }, 60_000);
});
