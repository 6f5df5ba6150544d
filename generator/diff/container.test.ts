import { describe, expect, it } from 'vitest';
import { changesOf, sorted, thing, type Case } from './__fixtures__/schema.ts';

/** Each case: the old and new slots of the fixture service (__fixtures__/schema.ts), and every change expected. */
const CASES: Case[] = [
  // The entity container and the operations derived from it.
  [
    'singleton removed',
    { container: '<Singleton Name="me" Type="t.item" />' },
    {},
    [
      ['singleton-removed', 'breaking', 'test.ns.service/me'],
      ['operation-removed', 'breaking', 'GET /me'],
      ['operation-removed', 'breaking', 'PATCH /me'],
    ],
  ],
  [
    'entity set type changed',
    { container: '<Singleton Name="me" Type="t.item" />', types: thing('<Key><PropertyRef Name="id" /></Key>') },
    { container: '<Singleton Name="me" Type="t.thing" />', types: thing('<Key><PropertyRef Name="id" /></Key>') },
    [['container-type-changed', 'breaking', 'test.ns.service/me']],
  ],
  [
    'function import added',
    { callables: '<Function Name="f"><ReturnType Type="Edm.String" /></Function>' },
    { callables: '<Function Name="f"><ReturnType Type="Edm.String" /></Function>', container: '<FunctionImport Name="f" Function="t.f" />' },
    [
      ['operation-import-added', 'safe', 'test.ns.service/f'],
      ['operation-added', 'safe', 'GET /f()'],
    ],
  ],
  [
    'inserts restricted',
    {},
    { types: '<Annotations Target="t.service/items"><Annotation Term="Org.OData.Capabilities.V1.InsertRestrictions"><Record><PropertyValue Property="Insertable" Bool="false" /></Record></Annotation></Annotations>' },
    [['operation-removed', 'breaking', 'POST /items']],
  ],

  // Descriptions only.
  [
    'descriptions changed',
    { item: '<Property Name="name" Type="Edm.String"><Annotation Term="Core.Description" String="The name." /></Property>' },
    {
      item: '<Annotation Term="Core.Description" String="An item." /><Property Name="name" Type="Edm.String"><Annotation Term="Core.Description" String="Its name." /></Property>',
      color: '<Member Name="red" Value="0"><Annotation Term="Core.LongDescription" String="Red." /></Member><Member Name="green" Value="1" />',
    },
    [
      ['description-changed', 'docs', 'test.ns.item'],
      ['description-changed', 'docs', 'test.ns.item/name'],
      ['description-changed', 'docs', 'test.ns.color/red'],
    ],
  ],

  // Same simple names in two namespaces are different types.
  [
    'same simple name in another namespace',
    { other: '<ComplexType Name="item"><Property Name="name" Type="Edm.String" /></ComplexType>' },
    { other: '<ComplexType Name="item"><Property Name="name" Type="Edm.Int32" /></ComplexType><ComplexType Name="color" />' },
    [
      ['property-type-changed', 'breaking', 'other.ns.item/name'],
      ['type-added', 'safe', 'other.ns.color'],
    ],
  ],
];

describe('compareContainers, compareOperations, descriptions and namespaces', () => {
  it.each(CASES)('%s', (_name, before, after, expected) => {
    expect(changesOf(before, after)).toEqual(sorted(expected));
  });
});
