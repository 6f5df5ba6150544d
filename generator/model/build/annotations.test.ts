import { describe, expect, it } from 'vitest';
import type { ComplexType, EntityType } from '../types.ts';
import { build } from './__fixtures__/edmx.ts';

const BODY = `
      <EntityType Name="item">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false">
          <Annotation Term="Core.Computed" />
          <Annotation Term="Org.OData.Core.V1.Permissions"><EnumMember>Org.OData.Core.V1.Permission/Read</EnumMember></Annotation>
        </Property>
        <Property Name="code" Type="Edm.String" />
        <Property Name="shape" Type="t.shape" />
        <NavigationProperty Name="children" Type="Collection(t.item)" ContainsTarget="true" />
      </EntityType>
      <ComplexType Name="shape" Abstract="true" />
      <ComplexType Name="circle" BaseType="t.shape" />
      <Annotations Target="t.item">
        <Annotation Term="Org.OData.Core.V1.Description" String="An item." />
        <Annotation Term="Org.OData.Core.V1.LongDescription"><String>Longer text.</String></Annotation>
        <Annotation Term="Org.OData.Capabilities.V1.UpdateRestrictions">
          <Record>
            <PropertyValue Property="UpdateMethod"><EnumMember>Org.OData.Capabilities.V1.HttpMethod/PUT</EnumMember></PropertyValue>
          </Record>
        </Annotation>
        <Annotation Term="Org.OData.Capabilities.V1.InsertRestrictions">
          <Record><PropertyValue Property="Insertable" Bool="false" /></Record>
        </Annotation>
        <Annotation Term="Org.OData.Capabilities.V1.NavigationRestrictions">
          <Record>
            <PropertyValue Property="RestrictedProperties">
              <Collection>
                <Record>
                  <PropertyValue Property="NavigationProperty" NavigationPropertyPath="children" />
                  <PropertyValue Property="DeleteRestrictions"><Record><PropertyValue Property="Deletable" Bool="false" /></Record></PropertyValue>
                </Record>
              </Collection>
            </PropertyValue>
          </Record>
        </Annotation>
        <Annotation Term="Vendor.Custom" Qualifier="q" Int="42" />
      </Annotations>
      <Annotations Target="t.item/code">
        <Annotation Term="Org.OData.Core.V1.Immutable" Bool="true" />
        <Annotation Term="Org.OData.Core.V1.Description" String="Set once." />
      </Annotations>
      <Annotations Target="t.item/shape">
        <Annotation Term="Org.OData.Validation.V1.DerivedTypeConstraint">
          <Collection><String>test.ns.circle</String></Collection>
        </Annotation>
      </Annotations>
      <Annotations Target="t.missing">
        <Annotation Term="Org.OData.Core.V1.Description" String="Nobody home." />
      </Annotations>
      <EntityContainer Name="svc">
        <EntitySet Name="items" EntityType="t.item">
          <Annotation Term="Org.OData.Capabilities.V1.ReadRestrictions"><Record><PropertyValue Property="Readable" Bool="true" /></Record></Annotation>
          <Annotation Term="Org.OData.Capabilities.V1.DeleteRestrictions"><Record><PropertyValue Property="Deletable" Bool="false" /></Record></Annotation>
        </EntitySet>
      </EntityContainer>`;

describe('annotations', () => {
  const { model, diagnostics } = build(BODY);
  const item = model.types['test.ns.item'] as EntityType;

  it('keeps every annotation, alias-resolved, with values in CSDL JSON shape', () => {
    expect(item.annotations.map((a) => a.term)).toEqual([
      'Org.OData.Core.V1.Description',
      'Org.OData.Core.V1.LongDescription',
      'Org.OData.Capabilities.V1.UpdateRestrictions',
      'Org.OData.Capabilities.V1.InsertRestrictions',
      'Org.OData.Capabilities.V1.NavigationRestrictions',
      'Vendor.Custom',
    ]);
    expect(item.annotations[2]!.value).toEqual({ UpdateMethod: { $EnumMember: 'Org.OData.Capabilities.V1.HttpMethod/PUT' } });
    expect(item.annotations[5]).toMatchObject({ qualifier: 'q', value: 42 });
  });

  it('interprets Core terms', () => {
    const [id, code, shape] = item.properties;
    expect(item).toMatchObject({ description: 'An item.', longDescription: 'Longer text.' });
    expect(id).toMatchObject({ computed: true, immutable: false, permissions: 'Read' });
    expect(code).toMatchObject({ computed: false, immutable: true, description: 'Set once.' });
    expect(shape!.derivedTypeConstraint).toEqual(['test.ns.circle']);
  });

  it('interprets Capabilities restrictions on types and entity sets', () => {
    expect(item.capabilities).toEqual({
      updateMethod: 'PUT',
      insertable: false,
      restrictedNavigation: { children: { deletable: false } },
    });
    expect(model.entityContainer!.entitySets[0]!.capabilities).toEqual({ readable: true, deletable: false });
  });

  it('honours them when deriving operations', () => {
    const ids = model.operations.map((o) => o.id);
    expect(ids).toContain('PUT /items/{id}'); // UpdateMethod PUT
    expect(ids).not.toContain('PATCH /items/{id}');
    expect(ids).not.toContain('POST /items'); // Insertable false
    expect(ids).not.toContain('DELETE /items/{id}'); // Deletable false on the set
    expect(ids).not.toContain('DELETE /items/{id}/children/{id2}'); // RestrictedProperties
    expect(ids).toContain('GET /items/{id}/children/{id2}');
  });

  it('reports a target that does not exist, and nothing else', () => {
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['csdl/unresolved-annotation-target', 55]]);
  });

  it('reads complex types unaffected', () => {
    expect((model.types['test.ns.circle'] as ComplexType).baseType).toBe('test.ns.shape');
  });
});
