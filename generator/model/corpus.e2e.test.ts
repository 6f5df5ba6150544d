import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { CORPUS_SKIP_REASON, corpusAvailable, GRAPH_CSDL } from '../testing/corpus.ts';
import { buildModel } from './build/build-model.ts';
import { summarize } from './summary.ts';
import type { Model } from './types.ts';

describe.skipIf(!corpusAvailable)(`Graph v1.0 CSDL end to end${CORPUS_SKIP_REASON}`, () => {
  let model: Model;
  let diagnostics: DiagnosticCollector;
  beforeAll(() => {
    diagnostics = new DiagnosticCollector();
    model = buildModel([{ file: GRAPH_CSDL, text: readFileSync(GRAPH_CSDL, 'utf8') }], diagnostics);
  });

  it('has exactly the counts of the real file', () => {
    expect(summarize(model)).toMatchObject({
      schemas: 11,
      entityTypes: 1182,
      complexTypes: 1780,
      enumTypes: 861,
      actions: 857,
      functions: 324,
      entitySets: 40,
      singletons: 30,
    });
  });

  it('resolves every type reference and has no errors', () => {
    expect(diagnostics.items.filter((d) => d.code === 'csdl/unresolved-type')).toEqual([]);
    expect(diagnostics.hasErrors).toBe(false);
  });

  it('handles the quirks: empty enums, names in several schemas, path-valued bindings, a BOM', () => {
    expect(model.types['microsoft.graph.auditLogRecordType']).toMatchObject({ kind: 'enum', members: [] });
    expect(model.types['microsoft.graph.user']?.kind).toBe('entity');
    expect(model.types['microsoft.graph.security.user']).toBeDefined();
    expect(model.types['microsoft.graph.security.case']?.kind).toBe('entity');
    expect(diagnostics.items.filter((d) => d.code === 'csdl/unresolved-binding')).toEqual([]);
    expect(model.schemas[0]!.source).toEqual({ file: GRAPH_CSDL, line: 3, column: 5 });
  });

  it('derives the starting resource operations, update by PUT as the Capabilities annotation says', () => {
    const path = '/policies/crossTenantAccessPolicy/partners/{tenantId}/identitySynchronization';
    const operations = model.operations.filter((o) => o.path === path);
    expect(operations.map((o) => [o.method, o.intent, o.successStatus])).toEqual([
      ['GET', 'read', 200],
      ['PUT', 'replace', 204],
      ['DELETE', 'delete', 204],
    ]);
    expect(operations[0]!.sources[0]!.line).toBeGreaterThan(1);
  });

  it('has unique, sorted operation ids', () => {
    const ids = model.operations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is plain data that survives JSON', () => {
    const type = model.types['microsoft.graph.crossTenantIdentitySyncPolicyPartner'];
    expect(JSON.parse(JSON.stringify(type))).toEqual(type);
  });
});
