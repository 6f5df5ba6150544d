import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../model/build/__fixtures__/edmx.ts';
import type { ClientOptions } from '../../runtime/client/index.ts';
import { fakeFetch } from '../../runtime/client/__fixtures__/fake-fetch.ts';
import { emitAll, typeCheck, writeOutput, type TempOutput } from './__fixtures__/output.ts';
import { CLIENT_FILE, ROUTES_FILE } from './emit-client.ts';

/**
 * A schema written to break generators: names that are the client's own members (`get`,
 * `then`, `delete`, `toString`), `__proto__` and `constructor`, a reserved word as a type
 * name, a path in a name, an action and a function sharing a name with a navigation
 * property, composite keys, and descriptions that try to end their comment.
 */
const SCHEMA = `
<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
<EntityType Name="case" BaseType="t.entity">
  <Property Name="__proto__" Type="Edm.String" />
  <NavigationProperty Name="get" Type="t.item" ContainsTarget="true" />
  <NavigationProperty Name="then" Type="Collection(t.item)" ContainsTarget="true" />
  <NavigationProperty Name="__proto__" Type="t.item" ContainsTarget="true" />
  <NavigationProperty Name="constructor" Type="Collection(t.item)" ContainsTarget="true" />
  <NavigationProperty Name="toString" Type="t.item" ContainsTarget="true" />
  <NavigationProperty Name="browse" Type="t.item" ContainsTarget="true" />
</EntityType>
<EntityType Name="item">
  <Key><PropertyRef Name="a" /><PropertyRef Name="b" /></Key>
  <Property Name="a" Type="Edm.String" Nullable="false" />
  <Property Name="b" Type="Edm.Int32" Nullable="false" />
</EntityType>
<Action Name="browse" IsBound="true"><Parameter Name="bindingParameter" Type="t.case" /><Parameter Name="x" Type="Edm.String" /></Action>
<Function Name="browse" IsBound="true"><Parameter Name="bindingParameter" Type="t.case" /><ReturnType Type="Collection(t.item)" /></Function>
<Action Name="delete" IsBound="true"><Parameter Name="bindingParameter" Type="t.case" /></Action>
<Function Name="at" IsBound="true">
  <Parameter Name="bindingParameter" Type="Collection(t.item)" />
  <Parameter Name="when" Type="Edm.DateTimeOffset" Nullable="false" />
  <Parameter Name="span" Type="Edm.Duration" Nullable="false" />
  <Parameter Name="tags" Type="Collection(Edm.String)" Nullable="false" />
  <ReturnType Type="Edm.Int32" />
</Function>
<Function Name="find"><Parameter Name="q" Type="Edm.String" Nullable="false" /><ReturnType Type="Collection(t.case)" /></Function>
<Action Name="reset" />
<EntityContainer Name="c">
  <EntitySet Name="cases" EntityType="t.case" />
  <EntitySet Name="get" EntityType="t.item" />
  <EntitySet Name="../up" EntityType="t.item" />
  <FunctionImport Name="find" Function="t.find" />
  <ActionImport Name="reset" Action="t.reset" />
</EntityContainer>
<Annotations Target="t.case/then">
  <Annotation Term="Core.Description" String="*/ export const pwned = \`\${1}\`; &lt;/script&gt; /*" />
</Annotations>
`;

let output: TempOutput;
let client: string;

beforeAll(() => {
  const { model } = build(SCHEMA);
  const files = emitAll(model);
  client = files.find((file) => file.path === CLIENT_FILE)!.content;
  output = writeOutput(files);
});
afterAll(() => output?.remove());

const TYPE_TESTS = `
import { expectTypeOf } from 'vitest';
import type { Client } from './client.gen.ts';
import type * as T from './types.gen.ts';
import type { ODataPage, ODataValue } from './runtime/client/index.ts';

declare const client: Client;
const one = client.cases.byId('x');
expectTypeOf(one.$get.get()).resolves.toEqualTypeOf<T.Item>();
expectTypeOf(one.$then.byId).parameter(0).toEqualTypeOf<{ a: string; b: number }>();
expectTypeOf(one.__proto__.get()).resolves.toEqualTypeOf<T.Item>();
expectTypeOf(one.constructor.get()).resolves.toEqualTypeOf<ODataPage<T.Item>>();
expectTypeOf(one.$toString.get()).resolves.toEqualTypeOf<T.Item>();
expectTypeOf(one.browse.get()).resolves.toEqualTypeOf<T.Item>();
expectTypeOf(one.browseAction({ x: 'y' })).resolves.toEqualTypeOf<void>();
expectTypeOf(one.browseFunction()).resolves.toEqualTypeOf<ODataPage<T.Item>>();
expectTypeOf(one.$delete()).resolves.toEqualTypeOf<void>();
expectTypeOf(one.delete()).resolves.toEqualTypeOf<void>();
expectTypeOf(client.$get.at({ when: '2024-01-01T00:00:00Z', span: 'PT1H', tags: ['a'] })).resolves.toEqualTypeOf<ODataValue<number>>();
expectTypeOf(client['../up'].get()).resolves.toEqualTypeOf<ODataPage<T.Item>>();
expectTypeOf(client.find({ q: 'x' })).resolves.toEqualTypeOf<ODataPage<T.Case_>>();
expectTypeOf(client.reset()).resolves.toEqualTypeOf<void>();
`;

describe('request builders for a hostile schema', () => {
  it('compile under tsc --strict, with the names escaped or renamed', () => {
    output.write('hostile.check.ts', TYPE_TESTS);
    expect(typeCheck(output.dir, [CLIENT_FILE, ROUTES_FILE, 'hostile.check.ts'])).toEqual([]);
  });

  it('keep descriptions inside their comments', () => {
    expect(client).toContain('/** *\\/ export const pwned = `${1}`; </script> /* */');
    expect(client.split('\n').filter((line) => line.includes('pwned') && !line.trimStart().startsWith('/**') && !line.trimStart().startsWith('*'))).toEqual([]);
  });

  it('send the URLs the schema names', async () => {
    const generated = (await import(pathToFileURL(join(output.dir, CLIENT_FILE)).href)) as { createClient(options: ClientOptions): any };
    const fake = fakeFetch(() => ({ json: { value: 1 } }));
    const c = generated.createClient({ baseUrl: 'https://x.test', fetch: fake.fetch });
    const one = c.cases.byId('../x');
    await one.$get.get();
    await one.$then.byId({ a: "it's", b: 2 }).delete();
    await one.__proto__.get();
    await one.constructor.get();
    await one.$toString.get();
    await one.browse.get();
    await one.browseAction({ x: 'y' });
    await one.browseFunction();
    await one.$delete();
    await one.delete();
    await c.$get.at({ when: '2024-01-01T00:00:00Z', span: 'PT1H', tags: ['a'] });
    await c['../up'].get();
    await c.find({ q: "O'Neil" });
    await c.reset();
    // Keys in parentheses (the schema does not declare key-as-segment), escaped so that `../x` stays one literal.
    const base = "https://x.test/cases('..%2Fx')";
    expect(fake.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      `GET ${base}/get`,
      `DELETE ${base}/then(a='it''s',b=2)`,
      `GET ${base}/__proto__`,
      `GET ${base}/constructor`,
      `GET ${base}/toString`,
      `GET ${base}/browse`,
      `POST ${base}/test.ns.browse`,
      `GET ${base}/test.ns.browse()`,
      `POST ${base}/test.ns.delete`,
      `DELETE ${base}`,
      "GET https://x.test/get/test.ns.at(when=2024-01-01T00:00:00Z,span=duration'PT1H',tags=@tags)?@tags=%5B%22a%22%5D",
      'GET https://x.test/..%2Fup',
      "GET https://x.test/find(q='O''Neil')",
      'POST https://x.test/reset',
    ]);
  });
});
