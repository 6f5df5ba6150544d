import { describe, expect, it } from 'vitest';
import { build } from '../../generator/model/build/__fixtures__/edmx.ts';
import type { Model } from '../../generator/model/types.ts';
import { createHandlers } from './create-handlers.ts';
import { send as sendTo } from './__fixtures__/send.ts';

/**
 * A TripPin-like service (OData 4.0, keys in parentheses): people with related friends (bound
 * to People) and a related best friend, contained trips with an Int32 key, related tags with no
 * binding, and items with a composite key.
 */
const { model } = build(`
<EntityType Name="person">
  <Key><PropertyRef Name="UserName" /></Key>
  <Property Name="UserName" Type="Edm.String" Nullable="false" />
  <Property Name="Name" Type="Edm.String" />
  <NavigationProperty Name="Friends" Type="Collection(t.person)" />
  <NavigationProperty Name="BestFriend" Type="t.person" />
  <NavigationProperty Name="Tags" Type="Collection(t.tag)" />
  <NavigationProperty Name="Trips" Type="Collection(t.trip)" ContainsTarget="true" />
</EntityType>
<EntityType Name="trip"><Key><PropertyRef Name="TripId" /></Key><Property Name="TripId" Type="Edm.Int32" Nullable="false" /><Property Name="Name" Type="Edm.String" /></EntityType>
<EntityType Name="tag"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
<EntityType Name="item">
  <Key><PropertyRef Name="OrderID" /><PropertyRef Name="ProductID" /></Key>
  <Property Name="OrderID" Type="Edm.Int32" Nullable="false" /><Property Name="ProductID" Type="Edm.Int32" Nullable="false" />
</EntityType>
<EntityContainer Name="c">
  <EntitySet Name="People" EntityType="t.person">
    <NavigationPropertyBinding Path="Friends" Target="People" />
    <NavigationPropertyBinding Path="BestFriend" Target="People" />
  </EntitySet>
  <EntitySet Name="Items" EntityType="t.item" />
</EntityContainer>`);

const ROOT = 'https://trippin.test/service';

function client(of: Model = model) {
  const handlers = createHandlers(of, { profile: 'odata', serviceRoot: ROOT });
  return async (method: string, path: string, body?: object) => {
    const { status, headers, body: answer } = await sendTo(handlers, `${ROOT}${path}`, method, body);
    return { status, location: headers.get('Location'), body: answer };
  };
}

describe('reference handlers: keys in both forms', () => {
  it('serves parentheses and key segments, and answers in the form the model writes', async () => {
    const send = client();
    const created = await send('POST', '/People', { UserName: "o'neil", Name: 'O' });
    expect(created.status).toBe(201);
    expect(created.location).toBe(`${ROOT}/People('o''neil')`);
    expect((await send('GET', "/People('o''neil')")).body).toMatchObject({ UserName: "o'neil" });
    expect((await send('GET', "/People(UserName='o''neil')")).status).toBe(200);
    expect((await send('GET', "/People/o'neil")).status).toBe(200);
    const trip = await send('POST', "/People('o''neil')/Trips", { TripId: 0, Name: 'x' });
    expect(trip.location).toBe(`${ROOT}/People('o''neil')/Trips(0)`);
    expect(trip.body['@odata.context']).toBe(`${ROOT}/$metadata#People('o''neil')/Trips(0)/$entity`);
    expect((await send('GET', "/People('o''neil')/Trips(0)")).body).toMatchObject({ TripId: 0, Name: 'x' });
    const item = await send('POST', '/Items', { OrderID: 1, ProductID: 2 });
    expect(item.location).toBe(`${ROOT}/Items(OrderID=1,ProductID=2)`);
    expect((await send('GET', '/Items(OrderID=1,ProductID=2)')).status).toBe(200);
  });

  it('writes key segments in Location when the service takes them', async () => {
    const segments = { ...model, urlConventions: { odataVersion: '4.0' as const, keyAsSegment: true, keyAsSegmentFrom: 'config' as const } };
    const send = client(segments);
    expect((await send('POST', '/People', { UserName: 'a' })).location).toBe(`${ROOT}/People/a`);
    expect((await send('GET', "/People('a')")).status).toBe(200);
  });
});

describe('reference handlers: related navigation and $ref (OData Protocol 11.4.2, 11.4.6)', () => {
  it('creates through a navigation: the entity lives in the bound entity set and is linked', async () => {
    const send = client();
    await send('POST', '/People', { UserName: 'russell' });
    const friend = await send('POST', "/People('russell')/Friends", { UserName: 'scott', Name: 'Scott' });
    expect(friend.status).toBe(201);
    expect(friend.location).toBe(`${ROOT}/People('scott')`);
    expect((await send('GET', "/People('scott')")).body).toMatchObject({ UserName: 'scott', Name: 'Scott' });
    expect((await send('GET', "/People('russell')/Friends('scott')")).body).toMatchObject({ UserName: 'scott' });
    expect((await send('GET', "/People('russell')/Friends")).body.value.map((p: { UserName: string }) => p.UserName)).toEqual(['scott']);
    // An update through the entity set shows through the link.
    expect((await send('PATCH', "/People('scott')", { Name: 'Scotty' })).status).toBe(204);
    expect((await send('GET', "/People('russell')/Friends('scott')")).body.Name).toBe('Scotty');
  });

  it('adds and removes links with $ref, by key or by $id, leaving the entities alone', async () => {
    const send = client();
    for (const UserName of ['a', 'b', 'c']) await send('POST', '/People', { UserName });
    expect((await send('POST', "/People('a')/Friends/$ref", { '@odata.id': `${ROOT}/People('b')` })).status).toBe(204);
    expect((await send('POST', "/People('a')/Friends/$ref", { '@odata.id': "People('c')" })).status).toBe(204);
    expect((await send('GET', "/People('a')/Friends/$count")).body).toBe(2);
    expect((await send('DELETE', "/People('a')/Friends('b')/$ref")).status).toBe(204);
    expect((await send('DELETE', `/People('a')/Friends/$ref?$id=${encodeURIComponent(`${ROOT}/People('c')`)}`)).status).toBe(204);
    expect((await send('GET', "/People('a')/Friends")).body.value).toEqual([]);
    expect((await send('GET', "/People('b')")).status).toBe(200);
    expect((await send('DELETE', "/People('a')/Friends('b')/$ref")).status).toBe(404);
  });

  it('sets, replaces and removes a single-valued link', async () => {
    const send = client();
    for (const UserName of ['a', 'b', 'c']) await send('POST', '/People', { UserName });
    expect((await send('GET', "/People('a')/BestFriend")).status).toBe(204);
    expect((await send('PUT', "/People('a')/BestFriend/$ref", { '@odata.id': "People('b')" })).status).toBe(204);
    expect((await send('GET', "/People('a')/BestFriend")).body).toMatchObject({ UserName: 'b' });
    expect((await send('PUT', "/People('a')/BestFriend/$ref", { '@odata.id': "People('c')" })).status).toBe(204);
    expect((await send('GET', "/People('a')/BestFriend")).body).toMatchObject({ UserName: 'c' });
    expect((await send('DELETE', "/People('a')/BestFriend/$ref")).status).toBe(204);
    expect((await send('GET', "/People('a')/BestFriend")).status).toBe(204);
    expect((await send('GET', "/People('c')")).status).toBe(200);
  });

  it('refuses a $ref body that names nothing, another service, a missing entity or the wrong type', async () => {
    const send = client();
    await send('POST', '/People', { UserName: 'a' });
    await send('POST', '/Items', { OrderID: 1, ProductID: 2 });
    expect((await send('POST', "/People('a')/Friends/$ref", {})).status).toBe(400);
    expect((await send('POST', "/People('a')/Friends/$ref", { '@odata.id': 'https://elsewhere.test/People(1)' })).status).toBe(400);
    expect((await send('POST', "/People('a')/Friends/$ref", { '@odata.id': "People('nobody')" })).status).toBe(404);
    expect((await send('POST', "/People('a')/Friends/$ref", { '@odata.id': 'Items(OrderID=1,ProductID=2)' })).status).toBe(400);
  });

  it('keeps an entity created through an unbound navigation under the navigation', async () => {
    const send = client();
    await send('POST', '/People', { UserName: 'a' });
    const tag = await send('POST', "/People('a')/Tags", { id: 't1' });
    expect(tag.location).toBe(`${ROOT}/People('a')/Tags('t1')`);
    expect((await send('GET', "/People('a')/Tags('t1')")).status).toBe(200);
  });

  it('removes links, not entities, when the source is deleted', async () => {
    const send = client();
    await send('POST', '/People', { UserName: 'a' });
    await send('POST', "/People('a')/Friends", { UserName: 'b' });
    expect((await send('DELETE', "/People('a')")).status).toBe(204);
    expect((await send('GET', "/People('b')")).status).toBe(200);
  });
});
