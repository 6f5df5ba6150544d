import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { build } from '../../generator/model/build/__fixtures__/edmx.ts';
import { createHandlers } from './create-handlers.ts';
import { expandedPaths } from './expand-restrictions.ts';
import { parseQueryOptions, type QueryOptions } from './query-options.ts';

/** Capabilities.ExpandRestrictions decide which `$expand` the reference handlers accept. */
const CAP = 'Org.OData.Capabilities.V1';
const { model } = build(`
<EntityType Name="person">
  <Key><PropertyRef Name="UserName" /></Key>
  <Property Name="UserName" Type="Edm.String" Nullable="false" />
  <NavigationProperty Name="Trips" Type="Collection(t.trip)" ContainsTarget="true" />
  <NavigationProperty Name="Secrets" Type="Collection(t.trip)" ContainsTarget="true" />
</EntityType>
<EntityType Name="trip">
  <Key><PropertyRef Name="TripId" /></Key>
  <Property Name="TripId" Type="Edm.Int32" Nullable="false" />
  <NavigationProperty Name="Stops" Type="Collection(t.trip)" ContainsTarget="true" />
</EntityType>
<EntityType Name="log"><Key><PropertyRef Name="Id" /></Key><Property Name="Id" Type="Edm.Int32" Nullable="false" /><NavigationProperty Name="Next" Type="t.log" ContainsTarget="true" /></EntityType>
<EntityContainer Name="c">
  <EntitySet Name="People" EntityType="t.person">
    <Annotation Term="${CAP}.ExpandRestrictions">
      <Record>
        <PropertyValue Property="NonExpandableProperties"><Collection><NavigationPropertyPath>Secrets</NavigationPropertyPath><NavigationPropertyPath>Trips/Stops</NavigationPropertyPath></Collection></PropertyValue>
      </Record>
    </Annotation>
  </EntitySet>
  <EntitySet Name="Shallow" EntityType="t.person">
    <Annotation Term="${CAP}.ExpandRestrictions"><Record><PropertyValue Property="MaxLevels" Int="1" /></Record></Annotation>
  </EntitySet>
  <EntitySet Name="Logs" EntityType="t.log">
    <Annotation Term="${CAP}.ExpandRestrictions"><Record><PropertyValue Property="Expandable" Bool="false" /></Record></Annotation>
  </EntitySet>
  <EntitySet Name="Free" EntityType="t.person" />
</EntityContainer>`);

const ROOT = 'https://caps.test/svc';
const data = { '/People': [{ UserName: 'a' }], '/Logs': [{ Id: 1 }], '/Free': [{ UserName: 'a' }], '/Shallow': [{ UserName: 'a' }] };
const handlers = createHandlers(model, { profile: 'odata', serviceRoot: ROOT, data });

async function get(path: string) {
  const response = (await getResponse(handlers, new Request(`${ROOT}${path}`)))!;
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
}

describe('ExpandRestrictions', () => {
  it('Expandable false: $expand is not implemented on the collection or its members (501)', async () => {
    for (const path of ['/Logs?$expand=Next', '/Logs(1)?$expand=Next']) {
      const { status, body } = await get(path);
      expect(status).toBe(501);
      expect(body.error).toMatchObject({ code: 'NotImplemented', message: expect.stringMatching(/ExpandRestrictions\/Expandable is false/) });
    }
    expect((await get('/Logs')).status).toBe(200);
  });

  it('NonExpandableProperties: 400 naming the property, at the top and nested', async () => {
    const top = await get("/People('a')?$expand=Secrets");
    expect(top.status).toBe(400);
    expect(top.body.error!.message).toMatch(/'Secrets'.*NonExpandableProperties/);
    const nested = await get('/People?$expand=Trips($expand=Stops)');
    expect(nested.status).toBe(400);
    expect(nested.body.error!.message).toMatch(/'Trips\/Stops'.*NonExpandableProperties/);
    expect((await get('/People?$expand=Trips')).status).toBe(200);
  });

  it('MaxLevels: a nested $expand deeper than allowed is 400; elsewhere any depth is fine', async () => {
    const deep = await get('/Shallow?$expand=Trips($expand=Stops)');
    expect(deep.status).toBe(400);
    expect(deep.body.error!.message).toMatch(/'Trips\/Stops' is 2 levels deep; at most 1.*MaxLevels/);
    expect((await get('/Shallow?$expand=Trips,Secrets')).status).toBe(200);
    expect((await get('/Free?$expand=Trips($expand=Stops($expand=Stops)),Secrets')).status).toBe(200);
  });

  it('expandedPaths: each expanded path with its level', () => {
    const options = parseQueryOptions(new URLSearchParams('$expand=Trips($expand=Stops($select=TripId)),Secrets')) as QueryOptions;
    expect(expandedPaths(options.expand!)).toEqual([
      { path: 'Trips', level: 1 },
      { path: 'Trips/Stops', level: 2 },
      { path: 'Secrets', level: 1 },
    ]);
  });
});
