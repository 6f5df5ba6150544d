import { describe, expect, it } from 'vitest';
import { createValidator } from '../../emit/validators/create-validator.ts';
import type { ComplexType, EntityType } from '../types.ts';
import { build } from './__fixtures__/edmx.ts';

/** One line per construct, so that each diagnostic's line names it (the body starts on line 8). */
const BODY = [
  '<EntityType Name="item">', // 8
  '<Key><PropertyRef Name="code" /><PropertyRef Name="weight" /><PropertyRef Name="color" /><PropertyRef Name="size" /></Key>', // 9
  '<Property Name="code" Type="Edm.String" />', // 10: nullable key
  '<Property Name="weight" Type="Edm.Single" Nullable="false" />', // 11: Single key
  '<Property Name="color" Type="t.color" Nullable="false" />', // 12: enum key, fine
  '<Property Name="size" Type="t.size" Nullable="false" />', // 13: type definition of Int32, fine
  '<Property Name="count" Type="Edm.Int32" Precision="3" MaxLength="4" />', // 14: two inapplicable facets
  '<Property Name="label" Type="Edm.String" SRID="4326" MaxLength="20" Unicode="false" />', // 15: SRID on a string
  '<Property Name="when" Type="Edm.DateTimeOffset" Precision="7" />', // 16: fine
  '<Property Name="where" Type="Edm.GeographyPoint" SRID="4326" />', // 17: fine
  '<Property Name="price" Type="Edm.Decimal" Precision="10" Scale="2" />', // 18: fine
  '<Property Name="flag" Type="Edm.Boolean" Nulable="false" sap:label="Flag" xmlns:sap="urn:sap" />', // 19: misspelt attribute
  '<Property Name="notype" />', // 20: missing Type, once
  'stray words', // 21: text in an EntityType (reported at the element, line 8)
  '</EntityType>',
  '<EntityType Name="blob"><Key><PropertyRef Name="data" /></Key><Property Name="data" Type="Edm.Stream" Nullable="false" /></EntityType>', // 23
  '<EntityType Name="measure"><Key><PropertyRef Name="v" /></Key><Property Name="v" Type="t.real" Nullable="false" /></EntityType>', // 24
  '<EnumType Name="color"><Member Name="red" /></EnumType>', // 25
  '<TypeDefinition Name="size" UnderlyingType="Edm.Int32" />', // 26
  '<TypeDefinition Name="real" UnderlyingType="Edm.Double" Scale="2" />', // 27: Scale on a Double
  '<Function Name="f"><Parameter Name="p" Type="Edm.Guid" MaxLength="36" /><Parameter Name="q" /><ReturnType Type="Edm.Int32" /></Function>', // 28
  '<ComplexType Name="c" Abstrct="true"><Property Name="x" Type="Edm.String" /></ComplexType>', // 29: misspelt
].join('\n');

describe('invalid schemas', () => {
  const { model, diagnostics } = build(BODY);
  const item = model.types['test.ns.item'] as EntityType;
  const found = diagnostics.map((d) => [d.line, d.code, d.message]);

  it('are told, each at its element, and nothing else', () => {
    expect(found.map(([line, code]) => [line, code])).toEqual([
      [8, 'csdl/stray-text'],
      [10, 'csdl/nullable-key'],
      [11, 'csdl/key-type'],
      [14, 'csdl/inapplicable-facet'],
      [14, 'csdl/inapplicable-facet'],
      [15, 'csdl/inapplicable-facet'],
      [19, 'csdl/unknown-attribute'],
      [20, 'csdl/missing-attribute'],
      [23, 'csdl/key-type'],
      [24, 'csdl/key-type'],
      [27, 'csdl/inapplicable-facet'],
      [28, 'csdl/inapplicable-facet'],
      [28, 'csdl/missing-attribute'],
      [29, 'csdl/unknown-attribute'],
    ]);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.line)).toEqual([20, 28]); // only the missing Types
  });

  it('say what is wrong and what odatakit does about it', () => {
    expect(found).toEqual(
      expect.arrayContaining([
        [8, 'csdl/stray-text', '<EntityType> contains text ("stray words"), which CSDL does not allow there; it is ignored'],
        [10, 'csdl/nullable-key', 'Key property code of test.ns.item is nullable, but CSDL says key properties are not; it is read as Nullable="false"'],
        [11, 'csdl/key-type', expect.stringMatching(/^Key property weight of test\.ns\.item is Edm\.Single, which CSDL does not allow in a key/)],
        [14, 'csdl/inapplicable-facet', 'Precision does not apply to Edm.Int32 (test.ns.item/count); it is ignored'],
        [15, 'csdl/inapplicable-facet', 'SRID does not apply to Edm.String (test.ns.item/label); it is ignored'],
        [19, 'csdl/unknown-attribute', '<Property> has no attribute Nulable in CSDL (did you mean Nullable?); it is ignored'],
        [20, 'csdl/missing-attribute', '<Property> has no Type attribute'],
        [24, 'csdl/key-type', expect.stringContaining('is test.ns.real')],
        [29, 'csdl/unknown-attribute', '<ComplexType> has no attribute Abstrct in CSDL (did you mean Abstract?); it is ignored'],
      ]),
    );
  });

  it('leave the model as the service behaves: keys never null, inapplicable facets dropped', () => {
    const [code, , , , count, label] = item.properties;
    expect(code!.nullable).toBe(false);
    expect(count).not.toHaveProperty('precision');
    expect(count).not.toHaveProperty('maxLength');
    expect(label).toMatchObject({ maxLength: 20, unicode: false });
    expect(label).not.toHaveProperty('srid');
    expect(item.properties.find((p) => p.name === 'price')).toMatchObject({ precision: 10, scale: 2 });
    expect((model.types['test.ns.c'] as ComplexType).abstract).toBe(false);
  });

  it('give a validator that refuses a null key', () => {
    const validator = createValidator(model);
    expect(validator.validate('test.ns.item', { code: null }, 'read').map((issue) => issue.code)).not.toEqual([]);
    expect(validator.validate('test.ns.item', { code: 'a' }, 'read')).toEqual([]);
  });
});

describe('attribute values', () => {
  const { model, diagnostics } = build(
    [
      '<EntityType Name="e" OpenType="True">', // 8
      '<Key><PropertyRef Name="id" /></Key>', // 9
      '<Property Name="id" Type="Edm.String" Nullable="0" MaxLength="max" />', // 10: xs:boolean 0 is false
      '<Property Name="a" Type="Edm.String" MaxLength="ten" Unicode="1" />', // 11
      '<Property Name="b" Type="Edm.Decimal" Precision="-1" Scale="floating" />', // 12
      '<Property Name="c" Type="Edm.GeographyPoint" SRID="variable" />', // 13
      '</EntityType>',
      '<EnumType Name="en"><Member Name="x" Value="1.5" /></EnumType>', // 15
    ].join('\n'),
  );

  it('are checked where CSDL types them, and read as xs:boolean', () => {
    expect(diagnostics.map((d) => [d.line, d.code, d.message])).toEqual([
      [8, 'csdl/invalid-attribute', '<EntityType> OpenType="True" is invalid: expected true or false'],
      [11, 'csdl/invalid-attribute', '<Property> MaxLength="ten" is invalid: expected a positive integer or max'],
      [12, 'csdl/invalid-attribute', '<Property> Precision="-1" is invalid: expected a non-negative integer'],
      [15, 'csdl/invalid-attribute', '<Member> Value="1.5" is invalid: expected an integer'],
    ]);
    const entity = model.types['test.ns.e'] as EntityType;
    expect(entity.properties[0]!.nullable).toBe(false);
    expect(entity.properties[1]!.unicode).toBe(true);
  });
});

describe('elements', () => {
  const { diagnostics } = build(
    [
      '<EntityType Name="e">', // 8
      '<Key><PropertyRef Name="id" /></Key>', // 9
      '<Property Name="id" Type="Edm.String" Nullable="false" />', // 10
      '<Proprety Name="lost" Type="Edm.String" />', // 11: misspelt, the property would be lost without a word
      '<ext:Note xmlns:ext="urn:vendor">a foreign element is the vendor\'s business</ext:Note>', // 12
      '<Member Name="misplaced" />', // 13: CSDL, but not in an entity type
      '</EntityType>',
    ].join('\n'),
  );

  it('that CSDL does not define in their place are told, foreign ones are not', () => {
    expect(diagnostics.map((d) => [d.line, d.code, d.message])).toEqual([
      [11, 'csdl/unknown-element', '<Proprety> is not a CSDL element inside <EntityType> (did you mean <Property>?); it is ignored'],
      [13, 'csdl/unknown-element', '<Member> is not a CSDL element inside <EntityType>; it is ignored'],
    ]);
  });
});
