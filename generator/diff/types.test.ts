import { describe, expect, it } from 'vitest';
import { changesOf, sorted, thing, type Case } from './__fixtures__/schema.ts';

/** Each case: the old and new slots of the fixture service (__fixtures__/schema.ts), and every change expected. */
const CASES: Case[] = [
  ['no change', {}, {}, []],

  // Types.
  ['type added', {}, { types: '<ComplexType Name="extra" />' }, [['type-added', 'safe', 'test.ns.extra']]],
  ['type removed', { types: '<ComplexType Name="extra" />' }, {}, [['type-removed', 'breaking', 'test.ns.extra']]],
  [
    'type kind changed',
    { types: '<ComplexType Name="extra"><Property Name="id" Type="Edm.String" Nullable="false" /></ComplexType>' },
    { types: '<EntityType Name="extra"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>' },
    [['type-kind-changed', 'breaking', 'test.ns.extra']],
  ],
  [
    'base type changed',
    { types: '<ComplexType Name="base" /><ComplexType Name="derived" BaseType="t.base" />' },
    { types: '<ComplexType Name="base" /><ComplexType Name="derived" />' },
    [['base-type-changed', 'breaking', 'test.ns.derived']],
  ],
  [
    'key changed',
    { types: thing('<Key><PropertyRef Name="id" /></Key>') },
    { types: thing('<Key><PropertyRef Name="code" /></Key>') },
    [['key-changed', 'breaking', 'test.ns.thing']],
  ],
  ['open type closed', { itemAttributes: ' OpenType="true"' }, {}, [['type-closed', 'breaking', 'test.ns.item']]],
  ['closed type opened', {}, { itemAttributes: ' OpenType="true"' }, [['type-opened', 'safe', 'test.ns.item']]],
  ['created type made abstract', {}, { itemAttributes: ' Abstract="true"' }, [['type-made-abstract', 'breaking', 'test.ns.item']]],
  [
    'read-only type made abstract',
    { types: '<ComplexType Name="part" />', report: '<Property Name="part" Type="t.part" />' },
    { types: '<ComplexType Name="part" Abstract="true" />', report: '<Property Name="part" Type="t.part" />' },
    [['type-made-abstract', 'safe', 'test.ns.part']],
  ],
  ['media stream removed', { itemAttributes: ' HasStream="true"' }, {}, [['media-stream-removed', 'breaking', 'test.ns.item']]],
  ['media stream added', {}, { itemAttributes: ' HasStream="true"' }, [['media-stream-added', 'safe', 'test.ns.item']]],
  [
    'type definition changed',
    { types: '<TypeDefinition Name="code" UnderlyingType="Edm.String" MaxLength="10" />' },
    { types: '<TypeDefinition Name="code" UnderlyingType="Edm.String" MaxLength="5" />' },
    [['type-definition-changed', 'breaking', 'test.ns.code']],
  ],

  // Enums: read values make an added member dangerous; sent-only ones do not.
  [
    'member added to an enum clients read',
    {},
    { color: '<Member Name="red" Value="0" /><Member Name="green" Value="1" /><Member Name="blue" Value="2" />' },
    [['enum-member-added', 'dangerous', 'test.ns.color/blue']],
  ],
  [
    'member added to an enum clients only send',
    {},
    { shade: '<Member Name="light" Value="0" /><Member Name="dark" Value="1" /><Member Name="pale" Value="2" />' },
    [['enum-member-added', 'safe', 'test.ns.shade/pale']],
  ],
  ['member removed', {}, { color: '<Member Name="red" Value="0" />' }, [['enum-member-removed', 'breaking', 'test.ns.color/green']]],
  [
    'member value changed',
    {},
    { color: '<Member Name="red" Value="0" /><Member Name="green" Value="2" />' },
    [['enum-member-value-changed', 'dangerous', 'test.ns.color/green']],
  ],
  [
    'flags changed',
    { types: '<EnumType Name="f"><Member Name="a" Value="1" /></EnumType>' },
    { types: '<EnumType Name="f" IsFlags="true"><Member Name="a" Value="1" /></EnumType>' },
    [['enum-flags-changed', 'breaking', 'test.ns.f']],
  ],
];

describe('compareTypes: types and enums', () => {
  it.each(CASES)('%s', (_name, before, after, expected) => {
    expect(changesOf(before, after)).toEqual(sorted(expected));
  });
});
