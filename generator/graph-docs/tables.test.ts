import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { parsePage } from './parse-page.ts';
import { findCues, parseTypeText } from './type-text.ts';

function parse(markdown: string) {
  const diagnostics = new DiagnosticCollector();
  return { page: parsePage('p.md', markdown, diagnostics), diagnostics: diagnostics.sorted() };
}

describe('type text', () => {
  it.each([
    ['String', { name: 'Edm.String', collection: false, primitive: true }],
    ['String collection', { name: 'Edm.String', collection: true, primitive: true }],
    ['Boolean', { name: 'Edm.Boolean', collection: false, primitive: true }],
    ['DateTimeOffset', { name: 'Edm.DateTimeOffset', collection: false, primitive: true }],
    ['Int32', { name: 'Edm.Int32', collection: false, primitive: true }],
    ['Edm.Guid', { name: 'Edm.Guid', collection: false, primitive: true }],
    ['Collection(Int64)', { name: 'Edm.Int64', collection: true, primitive: true }],
    ['b2bIdentityProvidersType collection', { name: 'b2bIdentityProvidersType', collection: true, primitive: false }],
    ['crossTenantAccessPolicyTargetType', { name: 'crossTenantAccessPolicyTargetType', collection: false, primitive: false }],
    ['microsoft.graph.x', { name: 'microsoft.graph.x', collection: false, primitive: false }],
  ])('parses %j', (text, expected) => {
    expect(parseTypeText(text)).toEqual(expected);
  });

  it('takes a linked type name from the link text', () => {
    expect(parseTypeText('crossTenantUserSyncInbound collection', { text: 'crossTenantUserSyncInbound', url: '../r/x.md' })).toEqual({
      name: 'crossTenantUserSyncInbound',
      collection: true,
      primitive: false,
      link: '../r/x.md',
    });
  });

  it('refuses text that names no type', () => {
    expect(parseTypeText('See the table below')).toBeUndefined();
  });

  it('finds description cues', () => {
    expect(findCues('Tenant identifier. Read-only. Key. Not nullable.')).toEqual(['Key', 'Read-only', 'Not nullable']);
    expect(findCues('Display name. Optional. Nullable.')).toEqual(['Optional', 'Nullable']);
    expect(findCues('Required. Supports $filter (eq).')).toEqual(['Required']);
    expect(findCues('Stores the key credentials of the app.')).toEqual([]);
    expect(findCues('Raw definition.', 'definition (deprecated)')).toEqual(['Deprecated']);
  });
});

describe('property, relationship and method tables', () => {
  const page = parse(
    [
      '# x resource type',
      '',
      '## Methods',
      '',
      '|Method|Return type|Description|',
      '|:---|:---|:---|',
      '|[Get](../api/x-get.md)|[x](../resources/x.md)|Read x.|',
      '|[Delete](../api/x-delete.md)|None|Delete x.|',
      '',
      '## Properties',
      '',
      '| Property | Type | Description |',
      '|:---|:---|:---|',
      '| tenantId | String | The tenant. Read-only. Key.|',
      '| **targets** | [target](../resources/target.md) collection | Targets. Inherited from [base](base.md).|',
      '| definition (deprecated) | String collection | Raw. |',
      '| odd | See below | ? |',
      '',
      '## Relationships',
      '',
      '|Relationship|Type|Description|',
      '|:---|:---|:---|',
      '|partners|[partner](../resources/partner.md) collection|Partners.|',
      '',
      '## Permissions',
      '',
      '|Permission type|Permissions|',
      '|:---|:---|',
      '|Application|Policy.Read.All|',
    ].join('\n'),
  );

  it('reads property rows with types, cues, inheritance and positions', () => {
    const [properties, relationships] = page.page.tables;
    expect(page.page.tables).toHaveLength(2);
    expect(properties).toMatchObject({ kind: 'property', section: ['Properties'], source: { line: 12 } });
    expect(properties!.rows[0]).toMatchObject({
      name: 'tenantId',
      type: { name: 'Edm.String', collection: false },
      cues: ['Key', 'Read-only'],
      source: { line: 14, column: 1 },
      typeSource: { line: 14, column: 14 },
    });
    expect(properties!.rows[1]).toMatchObject({
      name: 'targets',
      type: { name: 'target', collection: true, link: '../resources/target.md' },
      inheritedFrom: 'base',
    });
    expect(properties!.rows[2]).toMatchObject({ name: 'definition', nameText: 'definition (deprecated)', cues: ['Deprecated'] });
    expect(properties!.rows[3]!.type).toBeUndefined();
    expect(relationships).toMatchObject({ kind: 'relationship', rows: [{ name: 'partners', type: { name: 'partner', collection: true } }] });
  });

  it('reports type text it does not understand at the cell', () => {
    expect(page.diagnostics).toMatchObject([{ code: 'docs/unknown-type-text', line: 17, column: 9 }]);
  });

  it('reads method rows with their links', () => {
    expect(page.page.methodTables[0]!.rows).toMatchObject([
      { name: 'Get', link: '../api/x-get.md', returnType: { name: 'x', link: '../resources/x.md' } },
      { name: 'Delete', link: '../api/x-delete.md', returnTypeText: 'None' },
    ]);
    expect(page.page.methodTables[0]!.rows[1]!.returnType).toBeUndefined();
  });

  it('collects the links a reader may follow, by role', () => {
    expect(page.page.links.map((l) => `${l.role} ${l.url}`)).toEqual([
      'method ../api/x-get.md',
      'response-type ../resources/x.md',
      'method ../api/x-delete.md',
      'property-type ../resources/target.md',
      'relationship-type ../resources/partner.md',
    ]);
  });
});
