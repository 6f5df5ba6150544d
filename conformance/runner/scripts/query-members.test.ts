import { describe, expect, it } from 'vitest';
import { lookupStructuredType } from '../../../generator/model/queries.ts';
import { modelFromText } from '../../../generator/load-model-text.ts';
import { chooseRoles, roleValue } from './query-members.ts';

/** A CAP-like bookshop: Int32 keys, a foreign key beside its association, a Date, a Decimal, a short string. */
const CSDL = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="Shop" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="Author">
        <Key><PropertyRef Name="ID"/></Key>
        <Property Name="ID" Type="Edm.Int32" Nullable="false"/>
        <Property Name="name" Type="Edm.String" MaxLength="111" Nullable="false"/>
        <Property Name="born" Type="Edm.Date"/>
      </EntityType>
      <EntityType Name="Book">
        <Key><PropertyRef Name="ID"/></Key>
        <Property Name="ID" Type="Edm.Int32" Nullable="false"/>
        <Property Name="code" Type="Edm.String" MaxLength="8"/>
        <Property Name="title" Type="Edm.String" MaxLength="111"/>
        <Property Name="author_ID" Type="Edm.Int32"/>
        <Property Name="stock" Type="Edm.Int32"/>
        <Property Name="price" Type="Edm.Decimal" Precision="9" Scale="2"/>
        <Property Name="inPrint" Type="Edm.Boolean"/>
        <NavigationProperty Name="author" Type="Shop.Author"/>
      </EntityType>
      <EntityContainer Name="Service">
        <EntitySet Name="Authors" EntityType="Shop.Author"/>
        <EntitySet Name="Books" EntityType="Shop.Book"/>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

const { model } = modelFromText({ csdl: [{ file: 'shop.xml', text: CSDL }] });
const type = (name: string) => lookupStructuredType(model, name)!;

describe('the properties the query members get values for', () => {
  it('a string long enough, a number (not the foreign key of a navigation), and a boolean for the tie', () => {
    const roles = chooseRoles(model, type('Shop.Book'));
    expect({ text: roles.text?.name, ordered: roles.ordered?.name, tie: roles.tie?.name }).toEqual({ text: 'title', ordered: 'stock', tie: 'inPrint' });
  });

  it('a date where there is no number, and no tie where nothing is left', () => {
    const roles = chooseRoles(model, type('Shop.Author'));
    expect({ text: roles.text?.name, ordered: roles.ordered?.name, tie: roles.tie?.name }).toEqual({ text: 'name', ordered: 'born', tie: undefined });
  });

  it('values: run-unique strings of one shape, numbers and dates in neither creation nor key order, a tie between M1 and M3', () => {
    const book = type('Shop.Book');
    const roles = chooseRoles(model, book);
    const values = (role: 'text' | 'ordered' | 'tie') => [0, 1, 2].map((index) => roleValue(model, role, roles[role]!, index, 'x1', 20));
    expect(values('text')).toEqual(['odatakit-x1-c', 'odatakit-x1-a', 'odatakit-x1-b']);
    expect(values('ordered')).toEqual([22, 20, 21]);
    expect(values('tie')).toEqual([false, true, false]);
    const born = chooseRoles(model, type('Shop.Author')).ordered!;
    expect([0, 1, 2].map((index) => roleValue(model, 'ordered', born, index, 'x1', 20))).toEqual(['2001-02-03', '2001-02-01', '2001-02-02']);
  });
});
