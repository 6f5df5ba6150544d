import { describe, expect, it } from 'vitest';
import { build } from '../../model/build/__fixtures__/edmx.ts';
import { PROPERTY_FLAGS as F } from '../../runtime/validation/index.ts';
import { buildValidationTable } from './build-table.ts';
import { createValidator } from './create-validator.ts';

const BODY = `
      <TypeDefinition Name="code" UnderlyingType="Edm.String" MaxLength="3" />
      <EnumType Name="color" IsFlags="true">
        <Member Name="red" Value="1" /><Member Name="blue" Value="2" /><Member Name="unknownFutureValue" Value="4" /><Member Name="green" Value="8" />
      </EnumType>
      <EntityType Name="base" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.Guid" Nullable="false" />
      </EntityType>
      <EntityType Name="item" BaseType="t.base">
        <Property Name="stamp" Type="Edm.DateTimeOffset"><Annotation Term="Core.Computed" /></Property>
        <Property Name="owner" Type="Edm.String">
          <Annotation Term="Org.OData.Core.V1.Permissions"><EnumMember>Org.OData.Core.V1.Permission/Read</EnumMember></Annotation>
        </Property>
        <Property Name="serial" Type="t.code"><Annotation Term="Core.Immutable" /></Property>
        <Property Name="price" Type="Edm.Decimal" Precision="6" Scale="2" Nullable="false" />
        <Property Name="colors" Type="Collection(t.color)" Nullable="false" />
        <Property Name="shape" Type="t.shape" />
        <NavigationProperty Name="children" Type="Collection(t.item)" ContainsTarget="true" />
      </EntityType>
      <ComplexType Name="shape" Abstract="true" OpenType="true" />
      <ComplexType Name="circle" BaseType="t.shape"><Property Name="radius" Type="Edm.Double" /></ComplexType>
      <Annotations Target="t.item/shape">
        <Annotation Term="Org.OData.Validation.V1.DerivedTypeConstraint"><Collection><String>test.ns.circle</String></Collection></Annotation>
      </Annotations>`;

describe('buildValidationTable', () => {
  const { model } = build(BODY);
  const table = buildValidationTable(model);

  it('reduces the model to plain, sorted data', () => {
    expect(Object.keys(table.types)).toEqual(['test.ns.base', 'test.ns.circle', 'test.ns.code', 'test.ns.color', 'test.ns.item', 'test.ns.shape']);
    expect(table.aliases).toEqual({ t: 'test.ns' });
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
  });

  it('keeps kinds, bases, keys, flags, facets and derived-type constraints', () => {
    expect(table.types['test.ns.base']).toEqual({ kind: 'entity', abstract: true, key: ['id'], properties: { id: ['Edm.Guid', 0] } });
    expect(table.types['test.ns.item']).toEqual({
      kind: 'entity',
      base: 'test.ns.base',
      properties: {
        stamp: ['Edm.DateTimeOffset', F.nullable | F.computed],
        owner: ['Edm.String', F.nullable | F.readOnly],
        serial: ['test.ns.code', F.nullable | F.immutable],
        price: ['Edm.Decimal', 0, { precision: 6, scale: 2 }],
        colors: ['test.ns.color', F.collection],
        shape: ['test.ns.shape', F.nullable, { derived: ['test.ns.circle'] }],
      },
      navigation: { children: ['test.ns.item', 1] },
    });
    expect(table.types['test.ns.shape']).toEqual({ kind: 'complex', abstract: true, open: true });
    expect(table.types['test.ns.code']).toEqual({ kind: 'typeDefinition', underlying: 'Edm.String', facets: { maxLength: 3 } });
    expect(table.types['test.ns.color']).toEqual({ kind: 'enum', flags: true, members: { red: 1, blue: 2, unknownFutureValue: 4, green: 8 } });
  });

  it('carries IEEE754Compatible', () => {
    expect(buildValidationTable(model, { ieee754Compatible: true }).ieee754Compatible).toBe(true);
  });
});

describe('createValidator', () => {
  const { model } = build(BODY);
  const validator = createValidator(model);
  const paths = (value: unknown, mode: 'read' | 'create' | 'update') =>
    validator.validate('t.item', value, mode).map((issue) => `${issue.path} ${issue.code} ${issue.severity}`);

  it('checks what the model says, in every mode', () => {
    const item = { id: '9c5d131d-b1c3-4fc4-9e3f-c6557947d551', stamp: '2024-01-01T00:00:00Z', owner: 'me', serial: 'abc', price: 10.25, colors: ['red', 'green'] };
    expect(paths(item, 'read')).toEqual([]);
    expect(paths(item, 'create')).toEqual(['/stamp read-only warning', '/owner read-only warning', '/colors/1 evolvable-enum warning']);
    expect(paths(item, 'update')).toEqual([
      '/id key-in-update error',
      '/stamp read-only error',
      '/owner read-only error',
      '/serial immutable error',
      '/colors/1 evolvable-enum warning',
    ]);
    expect(paths({ serial: 'abcd', price: 1.234, colors: ['red,blue'], shape: { radius: 1 } }, 'read')).toEqual([
      '/serial facet error',
      '/price facet error',
      '/shape derived-type-constraint warning',
      '/shape abstract warning',
    ]);
    expect(paths({ shape: { '@odata.type': '#t.circle', radius: 'x', extra: 1 } }, 'create')).toEqual(['/shape/radius format error']);
  });
});
