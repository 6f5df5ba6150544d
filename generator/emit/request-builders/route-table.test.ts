import { describe, expect, it } from 'vitest';
import { build } from '../../model/build/__fixtures__/edmx.ts';
import { indexCallables } from './callables.ts';
import { buildRouteTable, literalKind } from './route-table.ts';
import { buildPositionTree } from './tree.ts';

const { model } = build(`
<EnumType Name="color"><Member Name="red" /></EnumType>
<TypeDefinition Name="stamp" UnderlyingType="Edm.DateTimeOffset" />
<ComplexType Name="point"><Property Name="x" Type="Edm.Int32" /></ComplexType>
<EntityType Name="base"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /><NavigationProperty Name="owner" Type="t.base" /></EntityType>
<EntityType Name="thing" BaseType="t.base"><NavigationProperty Name="parts" Type="Collection(t.part)" ContainsTarget="true" /></EntityType>
<EntityType Name="part"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.Int32" Nullable="false" /></EntityType>
<Action Name="ping" IsBound="true"><Parameter Name="bindingParameter" Type="t.base" /></Action>
<Function Name="count" IsBound="true"><Parameter Name="bindingParameter" Type="Collection(t.thing)" /><Parameter Name="since" Type="t.stamp" /><ReturnType Type="Edm.Int64" /></Function>
<EntityContainer Name="c"><EntitySet Name="things" EntityType="t.thing" /></EntityContainer>
`);

describe('literalKind', () => {
  const cases: [string, string, boolean, string][] = [
    ['string', 'Edm.String', false, 's'],
    ['enum, qualified in a 4.0 service', 'test.ns.color', false, 'e:test.ns.color'],
    ['guid', 'Edm.Guid', false, 'r'],
    ['int64', 'Edm.Int64', false, 'r'],
    ['type definition of a date', 'test.ns.stamp', false, 'r'],
    ['duration', 'Edm.Duration', false, 'd'],
    ['binary', 'Edm.Binary', false, 'b'],
    ['complex', 'test.ns.point', false, 'j'],
    ['collection', 'Edm.String', true, 'j'],
    ['untyped', 'Edm.Untyped', false, 'j'],
  ];
  it.each(cases)('%s', (_name, type, collection, want) => {
    expect(literalKind(model, { type, collection })).toBe(want);
  });

  it('leaves enum members unqualified in a 4.01 service', () => {
    const v401 = { ...model, urlConventions: { odataVersion: '4.01' as const, keyAsSegment: false, keyAsSegmentFrom: 'default' as const } };
    expect(literalKind(v401, { type: 'test.ns.color', collection: false })).toBe('s');
  });
});

describe('buildRouteTable', () => {
  const tree = buildPositionTree(model);
  const table = buildRouteTable(model, tree, indexCallables(model, tree));
  const type = (name: string) => table.types.find((entry) => entry.name === name)!;

  it('records navigation and callables on the type that declares them, names relative to the namespace', () => {
    expect(table.namespace).toBe('test.ns');
    expect(type('.base')).toMatchObject({ nav: { owner: table.types.indexOf(type('.base')) * 2 }, one: { ping: ['a', '.'] } });
    expect(type('.thing')).toMatchObject({ base: table.types.indexOf(type('.base')), nav: { parts: table.types.indexOf(type('.part')) * 2 + 1 } });
    expect(type('.thing').many).toEqual({ count: ['f', '.', table.types.indexOf(type('Edm.Int64')) * 2, { since: 'r' }] });
    expect(type('Edm.Int64').value).toBe(1);
    expect(table.root).toEqual({ things: table.types.indexOf(type('.thing')) * 2 + 1 });
  });

  it('records single key kinds for keys in parentheses, and none for key segments', () => {
    expect(table.keyAsSegment).toBeUndefined();
    expect(type('.thing').key).toBeUndefined(); // a string key is quoted by default
    expect(type('.part').key).toEqual({ id: 'r' });
    const segments = { ...model, urlConventions: { odataVersion: '4.0' as const, keyAsSegment: true, keyAsSegmentFrom: 'config' as const } };
    const other = buildRouteTable(segments, tree, indexCallables(segments, tree));
    expect(other.keyAsSegment).toBe(1);
    expect(other.types.filter((entry) => entry.key)).toEqual([]);
  });
});
