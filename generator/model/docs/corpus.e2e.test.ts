import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { readDocPages } from '../../graph-docs/read-pages.ts';
import type { DocPage } from '../../graph-docs/types.ts';
import { CORPUS_SKIP_REASON, corpusAvailable, GRAPH_CSDL, GRAPH_DOCS } from '../../testing/corpus.ts';
import { buildModel } from '../build/build-model.ts';
import type { EntityType, Model } from '../types.ts';
import { compareOperations } from '../operations/derive-operations.ts';
import { mergeDocs, mergeDocsInto } from './merge-docs.ts';
import { modelFromDocs } from './model-from-docs.ts';

const SYNC = 'microsoft.graph.crossTenantIdentitySyncPolicyPartner';
const SYNC_PAGE = path.join(GRAPH_DOCS, 'v1.0/resources/crosstenantidentitysyncpolicypartner.md');

/** The shape both front ends must agree on: key, openType, properties with their types. */
function shapeOf(type: EntityType) {
  return { key: type.key, openType: type.openType, properties: type.properties.map((p) => [p.name, p.type, p.collection]) };
}

describe.skipIf(!corpusAvailable)(`Graph v1.0 docs, alone and merged into the CSDL${CORPUS_SKIP_REASON}`, () => {
  let csdl: Model;
  let pages: DocPage[];
  beforeAll(() => {
    csdl = buildModel([{ file: GRAPH_CSDL, text: readFileSync(GRAPH_CSDL, 'utf8') }], new DiagnosticCollector());
    pages = readDocPages([path.join(GRAPH_DOCS, 'v1.0')], new DiagnosticCollector());
  });

  it('builds the starting resource from docs alone exactly as the CSDL has it', () => {
    const fromDocs = modelFromDocs(pages, new DiagnosticCollector());
    const docs = fromDocs.types[SYNC] as EntityType;
    expect(shapeOf(docs)).toEqual({
      key: ['tenantId'],
      openType: false,
      properties: [
        ['displayName', 'Edm.String', false],
        ['tenantId', 'Edm.String', false],
        ['userSyncInbound', 'microsoft.graph.crossTenantUserSyncInbound', false],
      ],
    });
    expect(shapeOf(docs)).toEqual(shapeOf(csdl.types[SYNC] as EntityType));
  });

  it('merges in place into the same model as a copy, and keeps the operations in order', () => {
    const copied = mergeDocs(csdl, pages, new DiagnosticCollector());
    const inPlace = mergeDocsInto(structuredClone(csdl), pages, new DiagnosticCollector());
    expect(JSON.stringify(inPlace)).toBe(JSON.stringify(copied));
    expect(inPlace.operations.map((o) => o.id)).toEqual([...inPlace.operations].sort(compareOperations).map((o) => o.id));
    // A page set that only enriches (no operation added) skips the re-sort: the build's order stands.
    const readOnly = pages.filter((page) => page.file.endsWith('crosstenantidentitysyncpolicypartner-get.md'));
    expect(readOnly).toHaveLength(1);
    const enriched = mergeDocsInto(structuredClone(csdl), readOnly, new DiagnosticCollector());
    expect(enriched.operations.length).toBe(csdl.operations.length);
    expect(enriched.operations.map((o) => o.id)).toEqual([...enriched.operations].sort(compareOperations).map((o) => o.id));
  });

  it('reports the Key cue on userSyncInbound, at the row, with the CSDL entity as related', () => {
    const diagnostics = new DiagnosticCollector();
    mergeDocs(csdl, pages, diagnostics);
    const found = diagnostics.sorted().filter((d) => d.code === 'merge/key-cue-on-non-key');
    expect(found).toEqual([
      expect.objectContaining({ file: SYNC_PAGE, line: 33, column: 1, related: [{ file: GRAPH_CSDL, line: 14393, column: 7 }] }),
    ]);
    expect(found[0]!.message).toContain('userSyncInbound is marked Key in the docs, but the key is tenantId');
  });

  it('adds the documented PATCH that CSDL replaces by PUT, with CSDL placeholder names and the documented status', () => {
    const merged = mergeDocs(csdl, pages, new DiagnosticCollector());
    const syncPath = '/policies/crossTenantAccessPolicy/partners/{tenantId}/identitySynchronization';
    const operations = merged.operations.filter((o) => o.path === syncPath);
    expect(operations.map((o) => [o.method, o.intent, o.successStatus, o.statusSource, o.origin.join('+')])).toEqual([
      ['GET', 'read', 200, 'docs', 'csdl+docs'],
      ['PUT', 'replace', 204, 'docs', 'csdl+docs'],
      ['PATCH', 'update', 204, 'docs', 'docs'],
      ['DELETE', 'delete', 204, 'docs', 'csdl+docs'],
    ]);
    expect(operations[2]!.segments).toEqual(operations[0]!.segments);
    expect(operations[2]!.docPages).toEqual([path.join(GRAPH_DOCS, 'v1.0/api/crosstenantidentitysyncpolicypartner-update.md')]);
  });

  it('leaves the input model alone and is deterministic', () => {
    const before = JSON.stringify(csdl);
    const first = JSON.stringify(mergeDocs(csdl, pages, new DiagnosticCollector()));
    const second = JSON.stringify(mergeDocs(csdl, pages, new DiagnosticCollector()));
    expect(JSON.stringify(csdl)).toBe(before);
    expect(second).toBe(first);
  });
});
