import { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { buildModel } from '../../model/build/build-model.ts';
import type { Model } from '../../model/types.ts';
import type { Severity } from '../change.ts';
import type { ChangeKind } from '../classify.ts';
import { diffModels } from '../diff-models.ts';

/**
 * A small service for diff tests, in slots a test case overrides:
 * - `item` (entity set `items`): clients create, update and read it;
 * - `report` (returned by function `getReport`): clients only read it;
 * - `input` (the parameter of action `submit`): clients only send it;
 * - `color` (a property of `item`): an enum clients read and send;
 * - `shade` (a property of `input`): an enum clients only send.
 */
export interface Slots {
  itemAttributes: string;
  item: string;
  report: string;
  input: string;
  color: string;
  shade: string;
  types: string;
  callables: string;
  container: string;
  /** A second schema, `other.ns` (alias `o`). */
  other: string;
}

const DEFAULTS: Slots = {
  itemAttributes: '',
  item: '<Property Name="name" Type="Edm.String" />',
  report: '<Property Name="total" Type="Edm.Int32" />',
  input: '<Property Name="note" Type="Edm.String" />',
  color: '<Member Name="red" Value="0" /><Member Name="green" Value="1" />',
  shade: '<Member Name="light" Value="0" /><Member Name="dark" Value="1" />',
  types: '',
  callables: '',
  container: '',
  other: '',
};

export function schema(overrides: Partial<Slots> = {}): string {
  const slots = { ...DEFAULTS, ...overrides };
  return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml">
    <edmx:Include Namespace="Org.OData.Core.V1" Alias="Core" />
  </edmx:Reference>
  <edmx:DataServices>
    <Schema Namespace="test.ns" Alias="t" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="item"${slots.itemAttributes}>
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
        <Property Name="color" Type="t.color" />
        ${slots.item}
      </EntityType>
      <ComplexType Name="report">${slots.report}</ComplexType>
      <ComplexType Name="input"><Property Name="shade" Type="t.shade" />${slots.input}</ComplexType>
      <EnumType Name="color">${slots.color}</EnumType>
      <EnumType Name="shade">${slots.shade}</EnumType>
      ${slots.types}
      <Function Name="getReport"><ReturnType Type="t.report" /></Function>
      <Action Name="submit"><Parameter Name="input" Type="t.input" /></Action>
      ${slots.callables}
      <EntityContainer Name="service">
        <EntitySet Name="items" EntityType="t.item" />
        <FunctionImport Name="getReport" Function="t.getReport" />
        <ActionImport Name="submit" Action="t.submit" />
        ${slots.container}
      </EntityContainer>
    </Schema>
    <Schema Namespace="other.ns" Alias="o" xmlns="http://docs.oasis-open.org/odata/ns/edm">${slots.other}</Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;
}

export function modelOf(text: string, file: string): Model {
  return buildModel([{ file, text }], new DiagnosticCollector());
}

export function diffSlots(before: Partial<Slots>, after: Partial<Slots>) {
  return diffModels(modelOf(schema(before), 'old.xml'), modelOf(schema(after), 'new.xml'));
}

/** A table case: name, old slots, new slots, and every change expected as `[kind, severity, target]`. */
export type Expected = [ChangeKind, Severity, string][];
export type Case = [string, Partial<Slots>, Partial<Slots>, Expected];

/** The changes between two variants of the fixture, as sorted `[kind, severity, target]` triples. */
export function changesOf(before: Partial<Slots>, after: Partial<Slots>): Expected {
  return sorted(diffSlots(before, after).changes.map((change) => [change.kind, change.severity, change.target]));
}

export function sorted(changes: Expected): Expected {
  return [...changes].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/** A contained entity type, for navigation cases. */
export const PART = '<EntityType Name="part"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>';

/** An entity type outside the container, so that its changes do not move operations. */
export function thing(body: string): string {
  return `<EntityType Name="thing">${body}<Property Name="id" Type="Edm.String" Nullable="false" /><Property Name="code" Type="Edm.String" Nullable="false" /></EntityType>`;
}

export function archiveAction(binding: string): string {
  return `<Action Name="archive" IsBound="true"><Parameter Name="target" Type="${binding}" /></Action>`;
}

export function goAction(more: string): string {
  return `<Action Name="go"><Parameter Name="a" Type="Edm.String" />${more}</Action>`;
}

export function overload(...names: string[]): string {
  return `<Function Name="f">${names.map((name) => `<Parameter Name="${name}" Type="Edm.String" />`).join('')}<ReturnType Type="Edm.String" /></Function>`;
}
