import { describe, expect, it } from 'vitest';
import type { ComplexType, EntityType, EnumType, TypeDefinition } from '../types.ts';
import { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { buildModel } from './build-model.ts';
import { build, edmx } from './__fixtures__/edmx.ts';

const ENTITY = `
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>`;

describe('schemas', () => {
  it('records namespace, alias and position', () => {
    const { model } = build(ENTITY);
    expect(model.schemas).toEqual([
      expect.objectContaining({ namespace: 'test.ns', alias: 't', source: { file: 'test.xml', line: 7, column: 5 } }),
    ]);
  });

  it('resolves aliases in type references across schemas', () => {
    const { model, diagnostics } = build(
      `${ENTITY}
      <EntityType Name="thing" BaseType="t.entity"><Property Name="other" Type="o.other" /></EntityType>`,
      `
    <Schema Namespace="other.ns" Alias="o" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="other"><Property Name="back" Type="t.thing" /></ComplexType>
    </Schema>`,
    );
    expect(diagnostics).toEqual([]);
    const thing = model.types['test.ns.thing'] as EntityType;
    expect(thing.baseType).toBe('test.ns.entity');
    expect(thing.properties[0]).toMatchObject({ type: 'other.ns.other', collection: false });
    expect((model.types['other.ns.other'] as ComplexType).properties[0]!.type).toBe('test.ns.thing');
  });
});

describe('structured types', () => {
  it.each([
    ['entity with key', `${ENTITY}`, 'test.ns.entity', { kind: 'entity', abstract: true, key: ['id'], openType: false, hasStream: false }],
    [
      'open media entity',
      `${ENTITY}<EntityType Name="photo" BaseType="t.entity" OpenType="true" HasStream="true" />`,
      'test.ns.photo',
      { kind: 'entity', openType: true, hasStream: true, baseType: 'test.ns.entity', key: [] },
    ],
    ['complex type', `<ComplexType Name="address" OpenType="true" />`, 'test.ns.address', { kind: 'complex', openType: true }],
  ])('%s', (_name, xml, qualified, expected) => {
    expect(build(xml).model.types[qualified]).toMatchObject(expected);
  });

  it('reads property facets', () => {
    const { model } = build(`<ComplexType Name="c">
        <Property Name="s" Type="Edm.String" MaxLength="10" Nullable="false" DefaultValue="x" Unicode="false" />
        <Property Name="d" Type="Edm.Decimal" Precision="10" Scale="variable" />
        <Property Name="g" Type="Edm.GeographyPoint" SRID="4326" />
        <Property Name="list" Type="Collection(Edm.Int32)" />
      </ComplexType>`);
    const [s, d, g, list] = (model.types['test.ns.c'] as ComplexType).properties;
    expect(s).toMatchObject({ nullable: false, maxLength: 10, defaultValue: 'x', unicode: false, collection: false });
    expect(d).toMatchObject({ type: 'Edm.Decimal', precision: 10, scale: 'variable', nullable: true });
    expect(g).toMatchObject({ srid: '4326' });
    expect(list).toMatchObject({ type: 'Edm.Int32', collection: true });
  });

  it('reads navigation properties', () => {
    const { model } = build(`${ENTITY}
      <EntityType Name="a" BaseType="t.entity">
        <NavigationProperty Name="bs" Type="Collection(t.b)" ContainsTarget="true" Partner="owner" />
        <NavigationProperty Name="manager" Type="t.a" Nullable="false" />
      </EntityType>
      <EntityType Name="b" BaseType="t.entity"><NavigationProperty Name="owner" Type="t.a" Partner="bs" /></EntityType>`);
    const [bs, manager] = (model.types['test.ns.a'] as EntityType).navigationProperties;
    expect(bs).toMatchObject({ type: 'test.ns.b', collection: true, containsTarget: true, partner: 'owner', nullable: true });
    expect(manager).toMatchObject({ type: 'test.ns.a', collection: false, containsTarget: false, nullable: false });
  });
});

describe('enum types and type definitions', () => {
  it('reads members, implicit values and flags', () => {
    const { model } = build(`
      <EnumType Name="color"><Member Name="red" /><Member Name="green" /></EnumType>
      <EnumType Name="perm" IsFlags="true" UnderlyingType="Edm.Int64"><Member Name="read" Value="1" /><Member Name="write" Value="2" /></EnumType>`);
    expect((model.types['test.ns.color'] as EnumType).members.map((m) => [m.name, m.value])).toEqual([['red', 0], ['green', 1]]);
    expect(model.types['test.ns.perm']).toMatchObject({ isFlags: true, underlyingType: 'Edm.Int64' });
  });

  it('keeps an enum without members and warns (Graph has two)', () => {
    const { model, diagnostics } = build(`<EnumType Name="empty" />`);
    expect((model.types['test.ns.empty'] as EnumType).members).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['csdl/empty-enum']);
  });

  it('reads type definitions', () => {
    const { model } = build(`<TypeDefinition Name="name" UnderlyingType="Edm.String" MaxLength="64" />`);
    expect(model.types['test.ns.name'] as TypeDefinition).toMatchObject({ kind: 'typeDefinition', underlyingType: 'Edm.String', maxLength: 64 });
  });
});

describe('actions and functions', () => {
  const { model } = build(`${ENTITY}
      <EntityType Name="doc" BaseType="t.entity" />
      <Action Name="publish" IsBound="true">
        <Parameter Name="bindingParameter" Type="t.doc" />
        <Parameter Name="note" Type="Edm.String">
          <Annotation Term="Core.OptionalParameter" />
        </Parameter>
        <ReturnType Type="t.doc" Nullable="false" />
      </Action>
      <Function Name="search" IsComposable="true">
        <Parameter Name="q" Type="Edm.String" Nullable="false" />
        <ReturnType Type="Collection(t.doc)" />
      </Function>
      <EntityContainer Name="svc">
        <EntitySet Name="docs" EntityType="t.doc" />
        <FunctionImport Name="search" Function="t.search" EntitySet="docs" />
      </EntityContainer>`);

  it('reads bound actions with parameters and return types', () => {
    expect(model.actions[0]).toMatchObject({
      kind: 'action',
      qualifiedName: 'test.ns.publish',
      isBound: true,
      returnType: { type: 'test.ns.doc', collection: false, nullable: false },
    });
    expect(model.actions[0]!.parameters.map((p) => [p.name, p.type, p.optional])).toEqual([
      ['bindingParameter', 'test.ns.doc', false],
      ['note', 'Edm.String', true],
    ]);
  });

  it('reads unbound composable functions and their imports', () => {
    expect(model.functions[0]).toMatchObject({ isBound: false, isComposable: true, returnType: { collection: true } });
    expect(model.entityContainer?.operationImports).toEqual([
      expect.objectContaining({ kind: 'functionImport', name: 'search', operation: 'test.ns.search', entitySet: 'docs' }),
    ]);
  });

  it('derives operations for bound actions and function imports', () => {
    const ids = model.operations.map((o) => o.id);
    expect(ids).toContain('POST /docs/{id}/test.ns.publish');
    expect(ids).toContain('GET /search(q={q})');
  });
});

describe('entity container', () => {
  it('reads entity sets, singletons and bindings, including path-valued targets', () => {
    const { model, diagnostics } = build(`${ENTITY}
      <EntityType Name="root" BaseType="t.entity"><NavigationProperty Name="items" Type="Collection(t.item)" ContainsTarget="true" /></EntityType>
      <EntityType Name="item" BaseType="t.entity"><NavigationProperty Name="related" Type="t.item" /></EntityType>
      <EntityContainer Name="svc">
        <Singleton Name="me" Type="t.root" />
        <EntitySet Name="items" EntityType="t.item">
          <NavigationPropertyBinding Path="related" Target="me/items" />
        </EntitySet>
      </EntityContainer>`);
    expect(diagnostics).toEqual([]);
    expect(model.entityContainer).toMatchObject({
      qualifiedName: 'test.ns.svc',
      singletons: [{ name: 'me', type: 'test.ns.root' }],
      entitySets: [{ name: 'items', entityType: 'test.ns.item', navigationPropertyBindings: [{ path: 'related', target: 'me/items' }] }],
    });
  });
});

describe('several files', () => {
  it('joins documents; aliases stay per document, namespaces work across them', () => {
    const diagnostics = new DiagnosticCollector();
    const model = buildModel(
      [
        { file: 'a.xml', text: edmx('<ComplexType Name="a"><Property Name="b" Type="other.ns.b" /></ComplexType>') },
        {
          file: 'b.xml',
          text: edmx('<ComplexType Name="b"><Property Name="a" Type="x.a" /></ComplexType>', '', 'Namespace="other.ns" Alias="o"'),
        },
      ],
      diagnostics,
    );
    expect(model.inputs).toEqual(['a.xml', 'b.xml']);
    expect(model.types['other.ns.b']!.source.file).toBe('b.xml');
    // In b.xml the alias `x` is unknown, so `x.a` is not test.ns.a: reported, not guessed.
    expect(diagnostics.sorted().map((d) => [d.file, d.code, d.message])).toEqual([
      ['b.xml', 'csdl/unresolved-type', 'Type x.a referenced by other.ns.b/a is not defined'],
    ]);
  });
});
