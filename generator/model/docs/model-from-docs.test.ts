import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../diagnostics/collector.ts';
import type { ComplexType, EntityType } from '../types.ts';
import { apiPage, pages, resourcePage } from './__fixtures__/pages.ts';
import { modelFromDocs } from './model-from-docs.ts';

const SYNC = resourcePage({
  name: 'crossTenantIdentitySyncPolicyPartner',
  annotation: '{ "blockType": "resource", "keyProperty": "tenantId", "@odata.type": "microsoft.graph.crossTenantIdentitySyncPolicyPartner", "openType": false }',
  methods: ['|[Update](../api/sync-update.md)|None|Update it.|'],
  properties: [
    '|displayName|String|Display name. Optional.|',
    '|tenantId|String|Tenant identifier. Read-only.|',
    '|userSyncInbound|[crossTenantUserSyncInbound](../resources/inbound.md)|Inbound sync. Key.|',
    '|tags|String collection|Tags.|',
  ],
  json: '{ "displayName": "String", "tenantId": "String (identifier)", "createdAt": "String (timestamp)", "extra": ["Boolean"] }',
});

const INBOUND = resourcePage({
  name: 'crossTenantUserSyncInbound',
  annotation: '{ "blockType": "resource", "@odata.type": "microsoft.graph.crossTenantUserSyncInbound" }',
  properties: ['|isSyncAllowed|Boolean|Allowed?|'],
});

const UPDATE = apiPage({
  title: 'Update crossTenantIdentitySyncPolicyPartner',
  requests: ['PATCH /policies/crossTenantAccessPolicy/partners/{id}/identitySynchronization'],
  response: 'If successful, this method returns a `204 No Content` response code.',
  body: '|Property|Type|Description|\n|:---|:---|:---|\n|displayName|String|Name.|',
});

function build(files: Record<string, string>) {
  const diagnostics = new DiagnosticCollector();
  return { model: modelFromDocs(pages(files), diagnostics), diagnostics };
}

describe('modelFromDocs', () => {
  const { model } = build({ 'resources/sync.md': SYNC, 'resources/inbound.md': INBOUND, 'api/sync-update.md': UPDATE });
  const sync = model.types['microsoft.graph.crossTenantIdentitySyncPolicyPartner'] as EntityType;

  it('builds an entity type from the annotation and the properties table', () => {
    expect(sync).toMatchObject({ kind: 'entity', key: ['tenantId'], openType: false, abstract: false, origin: ['docs'], description: 'Describes crossTenantIdentitySyncPolicyPartner.' });
    expect(sync.properties.map((p) => [p.name, p.type, p.collection])).toEqual([
      ['displayName', 'Edm.String', false],
      ['tenantId', 'Edm.String', false],
      ['userSyncInbound', 'microsoft.graph.crossTenantUserSyncInbound', false],
      ['tags', 'Edm.String', true],
      ['createdAt', 'Edm.DateTimeOffset', false],
      ['extra', 'Edm.Boolean', true],
    ]);
  });

  it('keeps cues and descriptions, and reads nullability and Read-only from them', () => {
    const [displayName, tenantId, userSyncInbound] = sync.properties;
    expect(displayName).toMatchObject({ docCues: ['Optional'], description: 'Display name. Optional.', nullable: true, computed: false });
    expect(tenantId).toMatchObject({ docCues: ['Read-only'], nullable: false, computed: true });
    expect(userSyncInbound!.docCues).toEqual(['Key']);
    expect(tenantId!.source).toEqual({ file: 'resources/sync.md', line: 23, column: 1 });
  });

  it('builds a complex type when there is no keyProperty', () => {
    expect(model.types['microsoft.graph.crossTenantUserSyncInbound']).toMatchObject({ kind: 'complex', properties: [{ name: 'isSyncAllowed', type: 'Edm.Boolean' }] });
    expect(model.schemas.map((s) => s.namespace)).toEqual(['microsoft.graph']);
  });

  it('turns API pages into operations with the documented status and the linked resource', () => {
    expect(model.operations).toEqual([
      {
        id: 'PATCH /policies/crossTenantAccessPolicy/partners/{id}/identitySynchronization',
        method: 'PATCH',
        path: '/policies/crossTenantAccessPolicy/partners/{id}/identitySynchronization',
        segments: [],
        intent: 'update',
        target: { type: 'microsoft.graph.crossTenantIdentitySyncPolicyPartner', collection: false },
        requestBody: { type: 'microsoft.graph.crossTenantIdentitySyncPolicyPartner', collection: false, mode: 'update' },
        successStatus: 204,
        statusSource: 'docs',
        description: 'Update crossTenantIdentitySyncPolicyPartner, as documented.',
        origin: ['docs'],
        sources: [{ file: 'api/sync-update.md', line: 16, column: 1 }],
        docPages: ['api/sync-update.md'],
      },
    ]);
  });

  it('is plain data', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});

describe('modelFromDocs: inheritance, intents, duplicates', () => {
  it('leaves inherited rows and keys to the base type, and derives entities from documented entities', () => {
    const { model } = build({
      'base.md': resourcePage({ name: 'policyBase', annotation: '{ "blockType": "resource", "@odata.type": "microsoft.graph.policyBase", "keyProperty": "id" }', properties: ['|id|String|Id.|'] }),
      'derived.md': resourcePage({
        name: 'derived',
        annotation: '{ "blockType": "resource", "@odata.type": "microsoft.graph.derived", "abstract": true }',
        intro: 'Inherits from [policyBase](base.md).',
        properties: ['|id|String|Id. Inherited from [policyBase](base.md).|', '|own|Int32|Own.|'],
      }),
    });
    expect(model.types['microsoft.graph.derived']).toMatchObject({ kind: 'entity', key: [], baseType: 'microsoft.graph.policyBase', abstract: true });
    expect((model.types['microsoft.graph.derived'] as EntityType).properties.map((p) => p.name)).toEqual(['own']);
    expect((model.types['microsoft.graph.policyBase'] as EntityType).key).toEqual(['id']);
  });

  it('reads intents: list, create, action, PUT create, function', () => {
    const response = (status: string, type = '') => `If successful, this method returns a \`${status}\` response code${type}.`;
    const { model } = build({
      'list.md': apiPage({ title: 'List partners', requests: ['GET /p/partners'], response: response('200 OK', ' and a collection of [partner](partner.md) objects in the response body') }),
      'post.md': apiPage({ title: 'Create partner', requests: ['POST /p/partners'], response: response('201 Created') }),
      'reset.md': apiPage({ title: 'default: resetToSystemDefault', requests: ['POST /p/default/resetToSystemDefault'], response: response('204 No Content') }),
      'put.md': apiPage({ title: 'Create identitySynchronization', requests: ['PUT /p/partners/{id}/sync'], response: response('204 No Content') }),
      'fn.md': apiPage({ title: 'x: delta', requests: ['GET /p/partners/delta()'], response: response('200 OK') }),
    });
    const intents = Object.fromEntries(model.operations.map((o) => [o.id, [o.intent, o.successStatus, o.callable]]));
    expect(intents).toEqual({
      'GET /p/partners': ['list', 200, undefined],
      'POST /p/partners': ['create', 201, undefined],
      'POST /p/default/resetToSystemDefault': ['action', 204, 'microsoft.graph.resetToSystemDefault'],
      'PUT /p/partners/{id}/sync': ['create', 204, undefined],
      'GET /p/partners/delta()': ['function', 200, 'microsoft.graph.delta'],
    });
    expect(model.operations.find((o) => o.method === 'GET' && o.path === '/p/partners')!.response).toEqual({ type: 'microsoft.graph.partner', collection: true });
  });

  it('reports a type documented twice and keeps the first page', () => {
    const page = resourcePage({ name: 'x', annotation: '{ "blockType": "resource", "@odata.type": "microsoft.graph.x" }', properties: ['|a|String|A.|'] });
    const { model, diagnostics } = build({ 'beta/x.md': page, 'v1.0/x.md': page.replace('|a|String|', '|b|String|') });
    expect((model.types['microsoft.graph.x'] as ComplexType).properties.map((p) => p.name)).toEqual(['a']);
    expect(diagnostics.items).toMatchObject([{ code: 'docs/duplicate-type', file: 'v1.0/x.md', message: expect.stringContaining('beta/x.md') }]);
  });

  it('collects annotated examples with their body position', () => {
    const { model } = build({
      'ex.md': '<!-- { "blockType": "request", "name": "get_x" } -->\n```http\nPOST https://graph.microsoft.com/v1.0/x?$top=1\nContent-Type: application/json\n\n{"a": 1}\n```\n<!-- { "blockType": "response", "@odata.type": "Collection(microsoft.graph.x)", "truncated": true } -->\n```http\nHTTP/1.1 200 OK\n```\n',
    });
    expect(model.examples).toEqual([
      { kind: 'request', name: 'get_x', method: 'POST', url: '/x?$top=1', body: '{"a": 1}', source: { file: 'ex.md', line: 6, column: 1 } },
      { kind: 'response', odataType: 'microsoft.graph.x', isCollection: true, truncated: true, status: 200, source: { file: 'ex.md', line: 10, column: 1 } },
    ]);
  });
});
