import { describe, expect, it } from 'vitest';
import { changesOf, sorted, PART, type Case } from './__fixtures__/schema.ts';

/** Each case: the old and new slots of the fixture service (__fixtures__/schema.ts), and every change expected. */
const CASES: Case[] = [
  // Properties.
  ['optional property added', {}, { item: '<Property Name="name" Type="Edm.String" /><Property Name="size" Type="Edm.Int32" />' }, [['property-added', 'safe', 'test.ns.item/size']]],
  [
    'required property added to a created type',
    {},
    { item: '<Property Name="name" Type="Edm.String" /><Property Name="size" Type="Edm.Int32" Nullable="false" />' },
    [['required-property-added', 'breaking', 'test.ns.item/size']],
  ],
  [
    'required property added to a complex type sent whole',
    {},
    { input: '<Property Name="note" Type="Edm.String" /><Property Name="size" Type="Edm.Int32" Nullable="false" />' },
    [['required-property-added', 'breaking', 'test.ns.input/size']],
  ],
  [
    'non-nullable property added to a read-only type',
    {},
    { report: '<Property Name="total" Type="Edm.Int32" /><Property Name="size" Type="Edm.Int32" Nullable="false" />' },
    [['property-added', 'safe', 'test.ns.report/size']],
  ],
  [
    'non-nullable property with a default added',
    {},
    { item: '<Property Name="name" Type="Edm.String" /><Property Name="size" Type="Edm.Int32" Nullable="false" DefaultValue="0" />' },
    [['property-added', 'safe', 'test.ns.item/size']],
  ],
  [
    'computed non-nullable property added',
    {},
    {
      item: '<Property Name="name" Type="Edm.String" /><Property Name="size" Type="Edm.Int32" Nullable="false"><Annotation Term="Core.Computed" /></Property>',
    },
    [['property-added', 'safe', 'test.ns.item/size']],
  ],
  ['property removed', {}, { item: '' }, [['property-removed', 'breaking', 'test.ns.item/name']]],
  [
    'property type changed: one change',
    {},
    { item: '<Property Name="name" Type="Collection(Edm.String)" Nullable="false" />' },
    [['property-type-changed', 'breaking', 'test.ns.item/name']],
  ],
  [
    'nullability tightened where clients send it',
    {},
    { item: '<Property Name="name" Type="Edm.String" Nullable="false" />' },
    [['nullability-tightened', 'breaking', 'test.ns.item/name']],
  ],
  [
    'nullability tightened where clients only read it',
    {},
    { report: '<Property Name="total" Type="Edm.Int32" Nullable="false" />' },
    [['nullability-tightened', 'safe', 'test.ns.report/total']],
  ],
  [
    'nullability loosened where clients read it',
    { report: '<Property Name="total" Type="Edm.Int32" Nullable="false" />' },
    {},
    [['nullability-loosened', 'breaking', 'test.ns.report/total']],
  ],
  [
    'nullability loosened where clients only send it',
    { input: '<Property Name="note" Type="Edm.String" Nullable="false" />' },
    {},
    [['nullability-loosened', 'safe', 'test.ns.input/note']],
  ],
  [
    'property made computed',
    {},
    { item: '<Property Name="name" Type="Edm.String"><Annotation Term="Core.Computed" /></Property>' },
    [['property-made-read-only', 'breaking', 'test.ns.item/name']],
  ],
  [
    'property made immutable',
    {},
    { item: '<Property Name="name" Type="Edm.String"><Annotation Term="Core.Immutable" /></Property>' },
    [['property-made-immutable', 'breaking', 'test.ns.item/name']],
  ],
  ['facets changed', {}, { item: '<Property Name="name" Type="Edm.String" MaxLength="20" />' }, [['facets-changed', 'dangerous', 'test.ns.item/name']]],
  [
    'default value changed',
    {},
    { item: '<Property Name="name" Type="Edm.String" DefaultValue="x" />' },
    [['default-value-changed', 'dangerous', 'test.ns.item/name']],
  ],
  [
    'property moved to the base type',
    { types: '<ComplexType Name="base" /><ComplexType Name="derived" BaseType="t.base"><Property Name="p" Type="Edm.String" /></ComplexType>' },
    { types: '<ComplexType Name="base"><Property Name="p" Type="Edm.String" /></ComplexType><ComplexType Name="derived" BaseType="t.base" />' },
    [
      ['property-added', 'safe', 'test.ns.base/p'],
      ['property-moved', 'safe', 'test.ns.derived/p'],
    ],
  ],
  [
    'property became a navigation property',
    { types: '<EntityType Name="thing"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /><Property Name="owner" Type="Edm.String" /></EntityType>' },
    { types: '<EntityType Name="thing"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /><NavigationProperty Name="owner" Type="t.item" /></EntityType>' },
    [['property-kind-changed', 'breaking', 'test.ns.thing/owner']],
  ],

  // Navigation properties.
  [
    'navigation added',
    {},
    { item: '<Property Name="name" Type="Edm.String" /><NavigationProperty Name="related" Type="t.item" />' },
    [
      ['navigation-added', 'safe', 'test.ns.item/related'],
      ['operation-added', 'safe', 'GET /items/{id}/related'],
      ['operation-added', 'safe', 'PUT /items/{id}/related/$ref'],
      ['operation-added', 'safe', 'DELETE /items/{id}/related/$ref'],
    ],
  ],
  [
    'navigation removed',
    { item: '<Property Name="name" Type="Edm.String" /><NavigationProperty Name="related" Type="t.item" />' },
    {},
    [
      ['navigation-removed', 'breaking', 'test.ns.item/related'],
      ['operation-removed', 'breaking', 'GET /items/{id}/related'],
      ['operation-removed', 'breaking', 'PUT /items/{id}/related/$ref'],
      ['operation-removed', 'breaking', 'DELETE /items/{id}/related/$ref'],
    ],
  ],
  [
    'navigation type changed',
    { item: '<Property Name="name" Type="Edm.String" /><NavigationProperty Name="related" Type="t.item" />' },
    { item: '<Property Name="name" Type="Edm.String" /><NavigationProperty Name="related" Type="Collection(t.item)" />' },
    [
      ['navigation-type-changed', 'breaking', 'test.ns.item/related'],
      // A related entity becomes a related collection: its link operations change (decision 14).
      ['operation-added', 'safe', 'POST /items/{id}/related'],
      ['operation-added', 'safe', 'POST /items/{id}/related/$ref'],
      ['operation-added', 'safe', 'GET /items/{id}/related/{id2}'],
      ['operation-added', 'safe', 'DELETE /items/{id}/related/{id2}/$ref'],
      ['operation-removed', 'breaking', 'PUT /items/{id}/related/$ref'],
      ['operation-removed', 'breaking', 'DELETE /items/{id}/related/$ref'],
    ],
  ],
  [
    'containment changed',
    { item: '<Property Name="name" Type="Edm.String" /><NavigationProperty Name="parts" Type="Collection(t.part)" />', types: PART },
    { item: '<Property Name="name" Type="Edm.String" /><NavigationProperty Name="parts" Type="Collection(t.part)" ContainsTarget="true" />', types: PART },
    [
      ['containment-changed', 'breaking', 'test.ns.item/parts'],
      // Related members were readable and creatable already (decision 14); contained ones are also updated and deleted, and not linked.
      ['operation-added', 'safe', 'PATCH /items/{id}/parts/{id2}'],
      ['operation-added', 'safe', 'DELETE /items/{id}/parts/{id2}'],
      ['operation-removed', 'breaking', 'POST /items/{id}/parts/$ref'],
      ['operation-removed', 'breaking', 'DELETE /items/{id}/parts/{id2}/$ref'],
    ],
  ],
];

describe('compareProperties and compareNavigationProperties', () => {
  it.each(CASES)('%s', (_name, before, after, expected) => {
    expect(changesOf(before, after)).toEqual(sorted(expected));
  });
});
