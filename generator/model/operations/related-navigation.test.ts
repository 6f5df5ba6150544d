import { describe, expect, it } from 'vitest';
import { build } from '../build/__fixtures__/edmx.ts';

/**
 * A purchase-order service shaped like SAP's (API_PURCHASEORDER_PROCESS_SRV): items, notes and
 * the supplier are related (not contained); NavigationRestrictions say items and notes may be
 * added through the order, the supplier may not be created there, and notes may not be relinked.
 */
const { model, diagnostics } = build(`
<EntityType Name="order">
  <Key><PropertyRef Name="PurchaseOrder" /></Key>
  <Property Name="PurchaseOrder" Type="Edm.String" Nullable="false" />
  <NavigationProperty Name="to_Item" Type="Collection(t.item)" />
  <NavigationProperty Name="to_Note" Type="Collection(t.note)" />
  <NavigationProperty Name="to_Supplier" Type="t.supplier" Nullable="true" />
  <NavigationProperty Name="to_Owner" Type="t.supplier" Nullable="false" />
</EntityType>
<EntityType Name="item">
  <Key><PropertyRef Name="PurchaseOrder" /><PropertyRef Name="PurchaseOrderItem" /></Key>
  <Property Name="PurchaseOrder" Type="Edm.String" Nullable="false" />
  <Property Name="PurchaseOrderItem" Type="Edm.String" Nullable="false" />
  <NavigationProperty Name="to_Order" Type="t.order" />
</EntityType>
<EntityType Name="note"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.Int32" Nullable="false" /></EntityType>
<EntityType Name="supplier"><Key><PropertyRef Name="Supplier" /></Key><Property Name="Supplier" Type="Edm.String" Nullable="false" /></EntityType>
<EntityContainer Name="c">
  <EntitySet Name="Orders" EntityType="t.order">
    <NavigationPropertyBinding Path="to_Item" Target="Items" />
    <Annotation Term="Org.OData.Capabilities.V1.NavigationRestrictions">
      <Record>
        <PropertyValue Property="RestrictedProperties">
          <Collection>
            <Record>
              <PropertyValue Property="NavigationProperty" NavigationPropertyPath="to_Item" />
              <PropertyValue Property="InsertRestrictions"><Record><PropertyValue Property="Insertable" Bool="true" /></Record></PropertyValue>
            </Record>
            <Record>
              <PropertyValue Property="NavigationProperty" NavigationPropertyPath="to_Note" />
              <PropertyValue Property="InsertRestrictions"><Record><PropertyValue Property="Insertable" Bool="true" /></Record></PropertyValue>
              <PropertyValue Property="UpdateRestrictions"><Record><PropertyValue Property="Updatable" Bool="false" /></Record></PropertyValue>
            </Record>
            <Record>
              <PropertyValue Property="NavigationProperty" NavigationPropertyPath="to_Supplier" />
              <PropertyValue Property="InsertRestrictions"><Record><PropertyValue Property="Insertable" Bool="false" /></Record></PropertyValue>
            </Record>
          </Collection>
        </PropertyValue>
      </Record>
    </Annotation>
  </EntitySet>
  <EntitySet Name="Items" EntityType="t.item" />
  <EntitySet Name="Suppliers" EntityType="t.supplier" />
</EntityContainer>`);

const ids = model.operations.map((operation) => operation.id);
const below = (prefix: string) => ids.filter((id) => id.split(' ')[1]!.startsWith(prefix));

describe('operations through related (non-contained) navigation', () => {
  it('has no diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('reads, creates and links items of an existing order (OData Protocol 11.4.2, 11.4.6)', () => {
    expect(below('/Orders/{PurchaseOrder}/to_Item')).toEqual([
      'GET /Orders/{PurchaseOrder}/to_Item',
      'POST /Orders/{PurchaseOrder}/to_Item',
      'GET /Orders/{PurchaseOrder}/to_Item(PurchaseOrder={PurchaseOrder2},PurchaseOrderItem={PurchaseOrderItem})',
      'DELETE /Orders/{PurchaseOrder}/to_Item(PurchaseOrder={PurchaseOrder2},PurchaseOrderItem={PurchaseOrderItem})/$ref',
      'POST /Orders/{PurchaseOrder}/to_Item/$ref',
    ]);
  });

  it('stops at the related entity: its updates, deletes and navigation go through its own URL', () => {
    expect(ids.filter((id) => /to_Item\(.*\)\/to_Order|^(PATCH|DELETE) .*to_Item\([^/]*\)$/.test(id))).toEqual([]);
  });

  it('creates notes but leaves their links alone when the navigation may not be updated', () => {
    expect(below('/Orders/{PurchaseOrder}/to_Note')).toEqual([
      'GET /Orders/{PurchaseOrder}/to_Note',
      'POST /Orders/{PurchaseOrder}/to_Note',
      'GET /Orders/{PurchaseOrder}/to_Note/{id}',
    ]);
  });

  it('sets and removes a single-valued link; a non-nullable one is only replaced', () => {
    expect(below('/Orders/{PurchaseOrder}/to_Supplier')).toEqual([
      'GET /Orders/{PurchaseOrder}/to_Supplier',
      'PUT /Orders/{PurchaseOrder}/to_Supplier/$ref',
      'DELETE /Orders/{PurchaseOrder}/to_Supplier/$ref',
    ]);
    expect(below('/Orders/{PurchaseOrder}/to_Owner')).toEqual(['GET /Orders/{PurchaseOrder}/to_Owner', 'PUT /Orders/{PurchaseOrder}/to_Owner/$ref']);
  });

  it('gives link operations 204 and no body, and the $ref segment last', () => {
    const link = model.operations.find((operation) => operation.id === 'POST /Orders/{PurchaseOrder}/to_Item/$ref')!;
    expect(link).toMatchObject({ intent: 'reference', successStatus: 204, target: { type: 'test.ns.item', collection: true } });
    expect(link.requestBody).toBeUndefined();
    expect(link.segments.at(-1)).toEqual({ kind: 'ref' });
  });
});
