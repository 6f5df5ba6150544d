import { describe, expect, it } from 'vitest';
import { build } from './__fixtures__/edmx.ts';

/**
 * Properties and parameters without optional facets are written as one literal, the others
 * facet by facet: both must give the model's one key order (JSON output is compared byte for
 * byte, and model.gen.ts is written from it).
 */
const { model } = build(`
      <EntityType Name="item">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
        <Property Name="code" Type="Edm.String" MaxLength="8" Unicode="false" DefaultValue="a&amp;b" />
        <Property Name="tags" Type="Collection(t.tag)" />
      </EntityType>
      <ComplexType Name="tag"><Property Name="name" Type="Edm.String" /></ComplexType>
      <Function Name="price">
        <Parameter Name="amount" Type="Edm.Decimal" Precision="10" Scale="2" />
        <Parameter Name="currency" Type="Edm.String" />
        <ReturnType Type="Edm.Decimal" />
      </Function>`);

const item = model.types['test.ns.item'];
const properties = item?.kind === 'entity' ? item.properties : [];
const [amount, currency] = model.functions[0]?.parameters ?? [];

describe('properties and parameters', () => {
  it('have the same keys in the same order with or without optional facets', () => {
    const common = ['kind', 'name', 'type', 'collection', 'nullable'];
    const rest = ['computed', 'immutable', 'annotations', 'origin', 'source'];
    expect(Object.keys(properties[0]!)).toEqual([...common, ...rest]);
    expect(Object.keys(properties[1]!)).toEqual([...common, 'maxLength', 'unicode', 'defaultValue', ...rest]);
    expect(Object.keys(amount!)).toEqual(['name', 'type', 'collection', 'nullable', 'precision', 'scale', 'optional', 'annotations', 'source']);
    expect(Object.keys(currency!)).toEqual(['name', 'type', 'collection', 'nullable', 'optional', 'annotations', 'source']);
  });

  it('read facets with references decoded, and alias-qualified types resolved', () => {
    expect(properties[0]).toMatchObject({ type: 'Edm.String', collection: false, nullable: false });
    expect(properties[1]).toMatchObject({ maxLength: 8, unicode: false, defaultValue: 'a&b', nullable: true });
    expect(properties[2]).toMatchObject({ type: 'test.ns.tag', collection: true });
    expect(amount).toMatchObject({ type: 'Edm.Decimal', precision: 10, scale: 2 });
  });
});
