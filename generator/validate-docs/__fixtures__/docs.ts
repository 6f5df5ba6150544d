/**
 * Small pages and a small CSDL for the validate-docs tests, checked in memory: the pages are
 * markdown strings, parsed as the page reader parses files, and findings are compared by
 * line, found by a marker the test names (`lineOf`), so fixtures stay readable.
 */
import { DiagnosticCollector } from '../../diagnostics/collector.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { parsePage } from '../../graph-docs/parse-page.ts';
import { buildModel } from '../../model/build/build-model.ts';
import { mergeDocs, modelFromDocs } from '../../model/docs/index.ts';
import { checkDocs } from '../validate-docs.ts';

export const CSDL_FILE = 'schema.xml';

/** widgets (open via directoryObject), their parts (Int32 key partId), settings, an enum, an action. */
export const CSDL = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml">
    <edmx:Include Namespace="Org.OData.Core.V1" Alias="Core" />
  </edmx:Reference>
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="widgetKind">
        <Member Name="small" Value="0" />
        <Member Name="large" Value="1" />
        <Member Name="unknownFutureValue" Value="2" />
        <Member Name="huge" Value="3" />
      </EnumType>
      <ComplexType Name="widgetSettings">
        <Property Name="enabled" Type="Edm.Boolean" />
      </ComplexType>
      <EntityType Name="entity" Abstract="true">
        <Key>
          <PropertyRef Name="id" />
        </Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="directoryObject" BaseType="graph.entity" OpenType="true" />
      <EntityType Name="widget" BaseType="graph.directoryObject">
        <Property Name="name" Type="Edm.String" />
        <Property Name="count" Type="Edm.Int32" />
        <Property Name="createdDateTime" Type="Edm.DateTimeOffset">
          <Annotation Term="Core.Computed" Bool="true" />
        </Property>
        <Property Name="kind" Type="graph.widgetKind" />
        <Property Name="tags" Type="Collection(Edm.String)" />
        <Property Name="settings" Type="graph.widgetSettings" />
        <NavigationProperty Name="parts" Type="Collection(graph.part)" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="part">
        <Key>
          <PropertyRef Name="partId" />
        </Key>
        <Property Name="partId" Type="Edm.Int32" Nullable="false" />
        <Property Name="label" Type="Edm.String" />
      </EntityType>
      <Action Name="reset" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.widget" />
        <Parameter Name="mode" Type="Edm.String" />
      </Action>
      <EntityContainer Name="GraphService">
        <EntitySet Name="widgets" EntityType="microsoft.graph.widget" />
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;

export interface CheckOptions {
  /** Check against CSDL (the default) or the pages alone. */
  csdl?: boolean;
}

/** Parses the pages, builds the model, runs every check; findings as `line code` strings. */
export function check(files: Record<string, string>, options: CheckOptions = {}): Diagnostic[] {
  const diagnostics = new DiagnosticCollector();
  const pages = Object.entries(files).map(([file, text]) => parsePage(file, text, diagnostics));
  const withCsdl = options.csdl !== false;
  const model = withCsdl ? mergeDocs(buildModel([{ file: CSDL_FILE, text: CSDL }], diagnostics), pages, diagnostics) : modelFromDocs(pages, diagnostics);
  return checkDocs({ model, pages, checked: pages, csdl: withCsdl, loadDiagnostics: diagnostics.items });
}

/** `line code` of each finding: the shape most tests compare. */
export function brief(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${diagnostic.line} ${diagnostic.code}`);
}

/** The 1-based line of the first line containing `marker` (after `after`, when given). */
export function lineOf(text: string, marker: string, after?: string): number {
  const lines = text.split('\n');
  const start = after === undefined ? 0 : lines.findIndex((line) => line.includes(after));
  const index = lines.findIndex((line, i) => i >= start && line.includes(marker));
  if (index === -1) throw new Error(`marker ${marker} not in fixture`);
  return index + 1;
}

const fence = '```';

/** An API page: front matter, title, the HTTP request line, a request body table, the status, examples. */
export function apiPage(options: {
  title: string;
  request: string;
  status: string;
  table?: string[];
  examples: string[];
}): string {
  return [
    '---',
    `title: "${options.title}"`,
    'doc_type: apiPageType',
    '---',
    '',
    `# ${options.title}`,
    '',
    'Namespace: microsoft.graph',
    '',
    `Does things with widgets.`,
    '',
    '## HTTP request',
    '',
    '<!-- { "blockType": "ignored" } -->',
    `${fence}http`,
    options.request,
    fence,
    '',
    '## Request body',
    '',
    ...(options.table ? ['|Property|Type|Description|', '|:---|:---|:---|', ...options.table, ''] : ['Do not supply a request body for this method.', '']),
    '## Response',
    '',
    `If successful, this method returns a \`${options.status}\` response code.`,
    '',
    '## Examples',
    '',
    ...options.examples,
  ].join('\n');
}

/** An annotated request or response example. */
export function example(annotation: Record<string, unknown>, http: string): string {
  return [`<!-- ${JSON.stringify(annotation)} -->`, `${fence}http`, http, fence, ''].join('\n');
}

/** A resource page: title, Inherits from, properties and relationships tables, annotation, JSON. */
export function resourcePage(options: {
  name: string;
  annotation: Record<string, unknown>;
  properties: string[];
  relationships?: string[];
  json: string;
  inheritsFrom?: string;
  title?: string;
}): string {
  return [
    '---',
    `title: "${options.name} resource type"`,
    'doc_type: resourcePageType',
    '---',
    '',
    `# ${options.title ?? options.name} resource type`,
    '',
    'Namespace: microsoft.graph',
    '',
    `Describes ${options.name}.`,
    '',
    ...(options.inheritsFrom ? [`Inherits from ${options.inheritsFrom}.`, ''] : []),
    '## Properties',
    '',
    '|Property|Type|Description|',
    '|:---|:---|:---|',
    ...options.properties,
    '',
    '## Relationships',
    '',
    ...(options.relationships ? ['|Relationship|Type|Description|', '|:---|:---|:---|', ...options.relationships, ''] : ['None.', '']),
    '## JSON representation',
    '',
    `<!-- ${JSON.stringify(options.annotation, null, 2)} -->`,
    `${fence}json`,
    options.json,
    fence,
    '',
  ].join('\n');
}

/** The widget resource page as it should be: no finding against the CSDL. */
export const WIDGET_PAGE = resourcePage({
  name: 'widget',
  annotation: { blockType: 'resource', '@odata.type': 'microsoft.graph.widget', keyProperty: 'id', baseType: 'microsoft.graph.directoryObject', openType: true },
  inheritsFrom: '[directoryObject](directoryobject.md)',
  properties: [
    '|id|String|Identifier. Read-only. Key. Inherited from [entity](entity.md).|',
    '|name|String|The name.|',
    '|count|Int32|How many.|',
    '|createdDateTime|DateTimeOffset|When it was made. Read-only.|',
    '|kind|widgetKind|The kind.|',
    '|tags|String collection|Tags.|',
    '|settings|[widgetSettings](widgetsettings.md)|Settings.|',
  ],
  relationships: ['|parts|[part](part.md) collection|The parts.|'],
  json: [
    '{',
    '  "@odata.type": "#microsoft.graph.widget",',
    '  "id": "String (identifier)",',
    '  "name": "String",',
    '  "count": "Int32",',
    '  "createdDateTime": "String (timestamp)",',
    '  "kind": "microsoft.graph.widgetKind",',
    '  "tags": ["String"],',
    '  "settings": {"@odata.type": "microsoft.graph.widgetSettings"}',
    '}',
  ].join('\n'),
});
