import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { GRAPH_DOCS, SHARED } from '../testing/corpus.ts';
import { parsePage } from './parse-page.ts';
import { readDocPages } from './read-pages.ts';

const corpus = GRAPH_DOCS;
const shared = SHARED;
const missing = !existsSync(corpus);

describe.skipIf(missing)(`Graph docs corpus${missing ? ` (skipped: ${corpus} is missing; these tests need ../shared beside the project)` : ''}`, () => {
  const diagnostics = new DiagnosticCollector();
  const pages = missing ? [] : readDocPages([corpus], diagnostics);
  const page = (relative: string) => pages.find((p) => p.file === path.join(corpus, relative))!;

  it('parses all 60 real pages without throwing', () => {
    expect(pages).toHaveLength(60);
    expect(pages.filter((p) => p.kind === 'resource')).toHaveLength(32);
    expect(pages.filter((p) => p.kind === 'api')).toHaveLength(28);
  });

  it('reports the trailing comma of the v1.0 default-configuration example at its markdown position', () => {
    const file = path.join(corpus, 'v1.0/api/crosstenantaccesspolicyconfigurationdefault-get.md');
    const found = diagnostics.sorted().filter((d) => d.file === file);
    expect(found).toMatchObject([{ code: 'docs/malformed-json', line: 115, column: 3, severity: 'error' }]);
    expect(readFileSync(file, 'utf8').split('\n')[114]).toBe('  },');
  });

  it('reads the starting resource: annotation, JSON representation and properties table', () => {
    const resource = page('v1.0/resources/crosstenantidentitysyncpolicypartner.md');
    expect(resource.annotations[0]).toMatchObject({
      blockType: 'resource',
      keyProperty: 'tenantId',
      odataType: 'microsoft.graph.crossTenantIdentitySyncPolicyPartner',
      openType: false,
      codeBlock: 0,
    });
    expect(resource.codeBlocks[0]!.json!.value).toMatchObject({ tenantId: 'String (identifier)' });
    const rows = resource.tables[0]!.rows.map((r) => [r.name, r.type?.name, r.cues]);
    expect(rows).toEqual([
      ['displayName', 'Edm.String', ['Optional']],
      ['tenantId', 'Edm.String', ['Read-only']],
      ['userSyncInbound', 'crossTenantUserSyncInbound', ['Key']],
    ]);
    expect(resource.methodTables[0]!.rows.map((r) => r.name)).toEqual(['Create', 'Get', 'Update', 'Delete']);
  });

  it('reads the documented PATCH and PUT of the identity synchronization policy', () => {
    const update = page('v1.0/api/crosstenantidentitysyncpolicypartner-update.md');
    expect(update.requestLines).toMatchObject([{ method: 'PATCH', path: '/policies/crossTenantAccessPolicy/partners/{id}/identitySynchronization' }]);
    expect(update.success).toMatchObject({ status: 204, reason: 'No Content' });
    const put = page('v1.0/api/crosstenantaccesspolicyconfigurationpartner-put-identitysynchronization.md');
    expect(put.requestLines).toMatchObject([{ method: 'PUT' }]);
    const example = put.codeBlocks.find((c) => c.annotation !== undefined && put.annotations[c.annotation]!.blockType === 'request');
    expect(example!.http).toMatchObject({
      serviceRoot: 'https://graph.microsoft.com/v1.0',
      path: '/policies/crossTenantAccessPolicy/partners/90e29127-71ad-49c7-9ce8-db3f41ea06f1/identitySynchronization',
    });
  });

  it('reads the seed page the project started from', () => {
    const seedDiagnostics = new DiagnosticCollector();
    const seed = path.join(shared, 'seed/crosstenantidentitysyncpolicypartner.md');
    const parsed = parsePage(seed, readFileSync(seed, 'utf8'), seedDiagnostics);
    expect(seedDiagnostics.items).toEqual([]);
    expect(parsed.annotations[0]).toMatchObject({ keyProperty: 'tenantId', openType: false, source: { line: 38, column: 1 } });
    expect(parsed.tables[0]!.rows.find((r) => r.name === 'userSyncInbound')!.cues).toEqual(['Key']);
  });
});
