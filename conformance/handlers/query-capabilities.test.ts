import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { build } from '../../generator/model/build/__fixtures__/edmx.ts';
import { createHandlers } from './create-handlers.ts';

/**
 * The Capabilities annotations decide what the reference handlers accept: an option a
 * collection does not support is 501, a broken restriction of a supported one 400.
 */
const CAP = 'Org.OData.Capabilities.V1';
const { model } = build(`
<EntityType Name="item">
  <Key><PropertyRef Name="id" /></Key>
  <Property Name="id" Type="Edm.Int32" Nullable="false" />
  <Property Name="name" Type="Edm.String" />
  <Property Name="secret" Type="Edm.String" />
  <Property Name="rank" Type="Edm.Int32" />
  <NavigationProperty Name="parts" Type="Collection(t.item)" ContainsTarget="true" />
</EntityType>
<EntityType Name="log">
  <Key><PropertyRef Name="id" /></Key>
  <Property Name="id" Type="Edm.Int32" Nullable="false" />
  <Annotation Term="${CAP}.FilterRestrictions"><Record><PropertyValue Property="Filterable" Bool="false" /></Record></Annotation>
</EntityType>
<EntityContainer Name="c">
  <EntitySet Name="Items" EntityType="t.item">
    <Annotation Term="${CAP}.FilterRestrictions">
      <Record>
        <PropertyValue Property="RequiredProperties"><Collection><PropertyPath>name</PropertyPath></Collection></PropertyValue>
        <PropertyValue Property="NonFilterableProperties"><Collection><PropertyPath>secret</PropertyPath></Collection></PropertyValue>
      </Record>
    </Annotation>
    <Annotation Term="${CAP}.SortRestrictions">
      <Record>
        <PropertyValue Property="NonSortableProperties"><Collection><PropertyPath>secret</PropertyPath></Collection></PropertyValue>
        <PropertyValue Property="AscendingOnlyProperties"><Collection><PropertyPath>rank</PropertyPath></Collection></PropertyValue>
      </Record>
    </Annotation>
    <Annotation Term="${CAP}.SkipSupported" Bool="false" />
    <Annotation Term="${CAP}.NavigationRestrictions">
      <Record>
        <PropertyValue Property="RestrictedProperties">
          <Collection>
            <Record>
              <PropertyValue Property="NavigationProperty" NavigationPropertyPath="parts" />
              <PropertyValue Property="TopSupported" Bool="false" />
              <PropertyValue Property="SortRestrictions"><Record><PropertyValue Property="Sortable" Bool="false" /></Record></PropertyValue>
            </Record>
          </Collection>
        </PropertyValue>
      </Record>
    </Annotation>
  </EntitySet>
  <EntitySet Name="Logs" EntityType="t.log">
    <Annotation Term="${CAP}.CountRestrictions"><Record><PropertyValue Property="Countable" Bool="false" /></Record></Annotation>
    <Annotation Term="${CAP}.SearchRestrictions"><Record><PropertyValue Property="Searchable" Bool="false" /></Record></Annotation>
  </EntitySet>
</EntityContainer>`);

const ROOT = 'https://caps.test/svc';
const handlers = createHandlers(model, {
  profile: 'odata',
  serviceRoot: ROOT,
  data: { '/Items': [{ id: 1, name: 'a', rank: 2 }, { id: 2, name: 'b', rank: 1 }], '/Items(1)/parts': [{ id: 3, name: 'p' }], '/Logs': [{ id: 1 }] },
});

async function get(path: string) {
  const response = (await getResponse(handlers, new Request(`${ROOT}${encodeURI(path)}`)))!;
  return { status: response.status, body: JSON.parse(await response.text()) as any };
}

describe('reference handlers: Capabilities decide the query options a collection takes', () => {
  it.each<[string, string, number, RegExp | undefined]>([
    ['a filter on a required property', "/Items?$filter=name eq 'a'", 200, undefined],
    ['a filter without the required property', '/Items?$filter=rank eq 1', 400, /must name 'name'.*RequiredProperties/],
    ['a non-filterable property', "/Items?$filter=name eq 'a' and secret eq 'x'", 400, /cannot name 'secret'.*NonFilterableProperties/],
    ['a type that is not filterable (Graph annotates types)', '/Logs?$filter=id eq 1', 501, /\$filter is not supported.*Filterable is false/],
    ['a sort on a sortable property', '/Items?$orderby=name desc', 200, undefined],
    ['a non-sortable property', '/Items?$orderby=secret', 400, /NonSortableProperties/],
    ['descending on an ascending-only property', '/Items?$orderby=rank desc', 400, /ascending only/],
    ['ascending on it', '/Items?$orderby=rank', 200, undefined],
    ['$skip where SkipSupported is false', '/Items?$skip=1', 501, /\$skip is not supported/],
    ['$top on the set', '/Items?$top=1', 200, undefined],
    ['$top on a navigation restricted by the set', '/Items(1)/parts?$top=1', 501, /\$top is not supported/],
    ['$orderby on that navigation', '/Items(1)/parts?$orderby=name', 501, /Sortable is false/],
    ['$count=true where Countable is false', '/Logs?$count=true', 501, /\$count is not supported/],
    ['/$count where Countable is false', '/Logs/$count', 501, /\/\$count is not supported/],
    ['a plain read of a restricted set', '/Logs', 200, undefined],
    ['$search where Searchable is false', '/Logs?$search=x', 501, /\$search is not supported/],
    ['$search elsewhere', '/Items?$search=a', 200, undefined],
  ])('%s: %s answers %i', async (_name, path, status, message) => {
    const answer = await get(path);
    expect(answer.status).toBe(status);
    if (message) expect(answer.body.error.message).toMatch(message);
    if (status === 501) expect(answer.body.error.code).toBe('NotImplemented');
  });
});
