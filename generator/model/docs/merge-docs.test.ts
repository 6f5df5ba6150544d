import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../diagnostics/collector.ts';
import type { EntityType } from '../types.ts';
import { entity, NS, partnerModel, property } from './__fixtures__/model.ts';
import { apiPage, pages, resourcePage } from './__fixtures__/pages.ts';
import { mergeDocs, mergeDocsInto } from './merge-docs.ts';

const SYNC_NAME = `${NS}.crossTenantIdentitySyncPolicyPartner`;

function syncPage(options: { annotation?: string; properties?: string[]; intro?: string } = {}): string {
  return resourcePage({
    name: 'crossTenantIdentitySyncPolicyPartner',
    annotation: options.annotation ?? `{ "blockType": "resource", "keyProperty": "tenantId", "@odata.type": "${SYNC_NAME}", "openType": false }`,
    properties: options.properties ?? [
      '|displayName|String|Display name. Optional.|',
      '|tenantId|String|Tenant identifier. Read-only.|',
      '|userSyncInbound|[crossTenantUserSyncInbound](inbound.md)|Inbound sync. Key.|',
    ],
    ...(options.intro !== undefined && { intro: options.intro }),
  });
}

function merge(files: Record<string, string>, model = partnerModel()) {
  const diagnostics = new DiagnosticCollector();
  const merged = mergeDocs(model, pages(files), diagnostics);
  return { model, merged, diagnostics: diagnostics.sorted() };
}

const codes = (diagnostics: { code: string }[]) => diagnostics.map((d) => d.code);

describe('mergeDocs and mergeDocsInto', () => {
  it('give the same model; mergeDocs leaves its input alone, mergeDocsInto merges into it', () => {
    const files = { 'sync.md': syncPage() };
    const input = partnerModel();
    const before = JSON.stringify(input);
    const copied = mergeDocs(input, pages(files), new DiagnosticCollector());
    expect(JSON.stringify(input)).toBe(before);
    const target = partnerModel();
    const inPlace = mergeDocsInto(target, pages(files), new DiagnosticCollector());
    expect(inPlace).toBe(target);
    expect(JSON.stringify(inPlace)).toBe(JSON.stringify(copied));
    expect(JSON.stringify(inPlace)).not.toBe(before);
  });
});

describe('mergeDocs: types', () => {
  it('adds descriptions only where CSDL has none, with cues, and marks docs as an origin', () => {
    const { merged } = merge({ 'sync.md': syncPage() });
    const sync = merged.types[SYNC_NAME] as EntityType;
    expect(sync.description).toBe('Describes crossTenantIdentitySyncPolicyPartner.');
    expect(sync.origin).toEqual(['csdl', 'docs']);
    expect(sync.properties.map((p) => [p.name, p.description, p.docCues])).toEqual([
      ['displayName', 'Display name. Optional.', ['Optional']],
      ['tenantId', 'Tenant identifier. Read-only.', ['Read-only']],
      ['userSyncInbound', 'From CSDL.', ['Key']],
    ]);
  });

  it('reports a Key cue on a property outside the CSDL key, at the row, with the CSDL type as related', () => {
    const { diagnostics } = merge({ 'sync.md': syncPage() });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'merge/key-cue-on-non-key',
        file: 'sync.md',
        line: 22,
        message: expect.stringContaining('userSyncInbound is marked Key in the docs, but the key is tenantId (at csdl.xml:100:1)'),
        related: [{ file: 'csdl.xml', line: 100, column: 1 }],
      }),
    ]);
  });

  it('reports key, openType and base type conflicts at the annotation field', () => {
    const annotation = `{ "blockType": "resource", "keyProperty": "id", "@odata.type": "${SYNC_NAME}", "openType": true, "baseType": "microsoft.graph.entity" }`;
    const page = syncPage({ annotation, properties: ['|tenantId|String|T.|'] });
    const { diagnostics } = merge({ 'sync.md': page });
    const lines = page.split('\n');
    const line = lines.findIndex((l) => l.includes('"keyProperty"')) + 1;
    const column = (text: string) => lines[line - 1]!.indexOf(text) + 1;
    const shape = diagnostics.filter((d) => /key-mismatch|open-type|base-type/.test(d.code));
    const csdl = [{ file: 'csdl.xml', line: 100, column: 1 }];
    expect(shape.map((d) => [d.code, d.line, d.column, d.related])).toEqual([
      ['merge/key-mismatch', line, column('"id"'), csdl],
      ['merge/open-type-mismatch', line, column('true'), csdl],
      ['merge/base-type-mismatch', line, column('"microsoft.graph.entity"'), csdl],
    ]);
    expect(shape[0]!.message).toContain('docs say id, CSDL says tenantId');
  });

  it('reports properties on one side only and different types, each with both positions', () => {
    const properties = ['|displayName|Int32|Name.|', '|tenantId|String|T.|', '|nickname|String|Only in docs.|'];
    const { diagnostics } = merge({ 'sync.md': syncPage({ properties }) });
    expect(diagnostics.map((d) => [d.code, d.line, d.related?.[0]?.line])).toEqual([
      ['merge/property-only-in-csdl', 18, 103],
      ['merge/property-type-mismatch', 20, 101],
      ['merge/property-only-in-docs', 22, 100],
    ]);
    expect(diagnostics[1]!.message).toContain('docs say Edm.Int32, CSDL says Edm.String');
  });

  it('accepts inherited properties the docs list, and types named without namespace', () => {
    const model = partnerModel();
    model.types[`${NS}.base`] = entity('base', 50, { properties: [property('createdBy', 'Edm.String', 51)] });
    (model.types[SYNC_NAME] as EntityType).baseType = `${NS}.base`;
    const properties = ['|createdBy|String|Inherited from [base](base.md).|', '|displayName|String|D.|', '|tenantId|String|T.|', '|userSyncInbound|crossTenantUserSyncInbound|U.|'];
    const { diagnostics } = merge({ 'sync.md': syncPage({ properties, intro: 'Inherits from [base](base.md).' }) }, model);
    expect(diagnostics).toEqual([]);
  });

  it('reports a documented type the CSDL lacks', () => {
    const page = resourcePage({ name: 'ghost', annotation: `{ "blockType": "resource", "@odata.type": "${NS}.ghost" }` });
    expect(codes(merge({ 'ghost.md': page }).diagnostics)).toEqual(['merge/type-only-in-docs']);
  });

  it('does not change the input model', () => {
    const { model, merged } = merge({ 'sync.md': syncPage() });
    expect(model).toEqual(partnerModel());
    expect(merged).not.toBe(model);
  });
});

describe('mergeDocs: operations and examples', () => {
  const put = apiPage({ title: 'Create identitySynchronization', requests: ['PUT /policy/partners/{id}/identitySynchronization'], response: 'Returns a `204 No Content` response code.' });
  const patch = apiPage({ title: 'Update sync', requests: ['PATCH /policy/partners/{id}/identitySynchronization'], response: 'Returns a `204 No Content` response code.' });
  const unknown = apiPage({ title: 'Get x', requests: ['GET /nowhere/{id}'], response: 'Returns a `200 OK` response code.' });

  it('matches by method and path shape, ignoring placeholder names, and takes the documented status', () => {
    const { merged } = merge({ 'put.md': put });
    const matched = merged.operations.find((o) => o.method === 'PUT')!;
    expect(matched).toMatchObject({
      path: '/policy/partners/{tenantId}/identitySynchronization',
      intent: 'replace',
      statusSource: 'docs',
      successStatus: 204,
      origin: ['csdl', 'docs'],
      docPages: ['put.md'],
      description: 'Create identitySynchronization, as documented.',
    });
    expect(matched.sources).toEqual([{ file: 'csdl.xml', line: 900, column: 1 }, { file: 'put.md', line: 16, column: 1 }]);
  });

  it('adds a documented operation CSDL does not have, with the CSDL placeholder names', () => {
    const { merged, diagnostics } = merge({ 'patch.md': patch });
    const added = merged.operations.find((o) => o.method === 'PATCH')!;
    expect(added).toMatchObject({
      id: 'PATCH /policy/partners/{tenantId}/identitySynchronization',
      intent: 'update',
      target: { type: SYNC_NAME, collection: false },
      requestBody: { type: SYNC_NAME, collection: false, mode: 'update' },
      successStatus: 204,
      statusSource: 'docs',
      origin: ['docs'],
      docPages: ['patch.md'],
    });
    expect(merged.operations.map((o) => o.method)).toEqual(['GET', 'PUT', 'PATCH', 'DELETE']);
    expect(diagnostics).toMatchObject([{ code: 'merge/operation-only-in-docs', severity: 'info', file: 'patch.md' }]);
  });

  it('resolves a path no CSDL operation has the shape of, and warns about one that does not resolve', () => {
    const partnerGet = apiPage({ title: 'Get partner', requests: ['GET /policy/partners/{id}'], response: 'Returns a `200 OK` response code.' });
    const { merged, diagnostics } = merge({ 'get.md': partnerGet, 'x.md': unknown });
    expect(merged.operations.find((o) => o.path === '/policy/partners/{tenantId}')).toMatchObject({
      method: 'GET',
      segments: [
        { kind: 'singleton', name: 'policy' },
        { kind: 'navigation', name: 'partners', collection: true },
        { kind: 'key', keyProperties: ['tenantId'], placeholders: ['tenantId'] },
      ],
      response: { type: `${NS}.partner`, collection: false },
    });
    expect(codes(diagnostics)).toEqual(['merge/operation-only-in-docs', 'merge/unknown-operation-path']);
  });

  it('appends the annotated examples', () => {
    const { merged } = merge({ 'ex.md': '<!-- { "blockType": "response" } -->\n```http\nHTTP/1.1 204 No Content\n```\n' });
    expect(merged.examples).toEqual([{ kind: 'response', status: 204, source: { file: 'ex.md', line: 3, column: 1 } }]);
    expect(merged.inputs).toEqual(['csdl.xml', 'ex.md']);
  });
});
