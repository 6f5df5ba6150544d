import { describe, expect, it } from 'vitest';
import { build } from '../../generator/model/build/__fixtures__/edmx.ts';
import { createHandlers } from './create-handlers.ts';
import { send as sendTo } from './__fixtures__/send.ts';

/** Reading links: GET of a navigation's `$ref` (OData Protocol 4.01 section 11.2.8; JSON Format 4.01 section 14). */
const { model } = build(`
<EntityType Name="person">
  <Key><PropertyRef Name="UserName" /></Key>
  <Property Name="UserName" Type="Edm.String" Nullable="false" />
  <Property Name="Age" Type="Edm.Int32" />
  <NavigationProperty Name="Friends" Type="Collection(t.person)" />
  <NavigationProperty Name="BestFriend" Type="t.person" />
</EntityType>
<EntityContainer Name="c">
  <EntitySet Name="People" EntityType="t.person">
    <NavigationPropertyBinding Path="Friends" Target="People" />
    <NavigationPropertyBinding Path="BestFriend" Target="People" />
  </EntitySet>
</EntityContainer>`);

const ROOT = 'https://trippin.test/service';
const PEOPLE = ['a', 'b', 'c', 'd'].map((UserName, index) => ({ UserName, Age: 20 + index }));

function service(profile: 'odata' | 'graph' = 'odata') {
  const handlers = createHandlers(model, { profile, serviceRoot: ROOT, data: { '/People': PEOPLE }, pageSize: 2 });
  return async (method: string, path: string, body?: object) => {
    const { status, body: answer } = await sendTo(handlers, `${ROOT}${path}`, method, body);
    return { status, body: answer };
  };
}

describe('GET .../$ref', () => {
  it('lists the links of a collection-valued navigation as entity references, by their canonical URLs', async () => {
    const send = service();
    for (const friend of ['b', 'c', 'd']) expect((await send('POST', "/People('a')/Friends/$ref", { '@odata.id': `People('${friend}')` })).status).toBe(204);
    const first = await send('GET', "/People('a')/Friends/$ref");
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      '@odata.context': `${ROOT}/$metadata#Collection($ref)`,
      '@odata.nextLink': `${ROOT}/People('a')/Friends/$ref?%24skip=2`,
      value: [{ '@odata.id': `${ROOT}/People('b')` }, { '@odata.id': `${ROOT}/People('c')` }],
    });
    const filtered = await send('GET', "/People('a')/Friends/$ref?$filter=Age gt 21&$orderby=Age desc&$count=true");
    expect(filtered.body['@odata.count']).toBe(2);
    expect(filtered.body.value).toEqual([{ '@odata.id': `${ROOT}/People('d')` }, { '@odata.id': `${ROOT}/People('c')` }]);
    expect((await send('GET', "/People('b')/Friends/$ref")).body.value).toEqual([]);
  });

  it('gives the one reference of a single-valued navigation, none (204) when it has no entity', async () => {
    const send = service();
    expect((await send('GET', "/People('a')/BestFriend/$ref")).status).toBe(204);
    await send('PUT', "/People('a')/BestFriend/$ref", { '@odata.id': `${ROOT}/People('c')` });
    expect(await send('GET', "/People('a')/BestFriend/$ref")).toEqual({ status: 200, body: { '@odata.context': `${ROOT}/$metadata#$ref`, '@odata.id': `${ROOT}/People('c')` } });
    expect((await service('graph')('GET', "/People('a')/BestFriend/$ref")).status).toBe(404);
  });

  it('gives a member reference, 404 for a member that is no link or a parent that is missing', async () => {
    const send = service();
    await send('POST', "/People('a')/Friends/$ref", { '@odata.id': "People('b')" });
    expect((await send('GET', "/People('a')/Friends('b')/$ref")).body).toEqual({ '@odata.context': `${ROOT}/$metadata#$ref`, '@odata.id': `${ROOT}/People('b')` });
    expect((await send('GET', "/People('a')/Friends('c')/$ref")).status).toBe(404);
    expect((await send('GET', "/People('zz')/Friends/$ref")).status).toBe(404);
    expect((await send('GET', "/People('a')/Friends/$ref?$filter=Nope eq 1")).status).toBe(400);
  });
});
