import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../load-model.ts';
import { EXAMPLE_CSDL, EXAMPLE_DOCS, PROJECT_ROOT } from '../testing/corpus.ts';

/** Positions in the snapshot are relative to the project, so it is the same on every machine. */
const csdl = relative(PROJECT_ROOT, EXAMPLE_CSDL);
const docs = relative(PROJECT_ROOT, EXAMPLE_DOCS);
const NAME = 'microsoft.graph.crossTenantIdentitySyncPolicyPartner';

describe('the starting resource, from the bundled example', () => {
  process.chdir(PROJECT_ROOT);
  const merged = loadModel({ csdl: [csdl], docs: [docs] });

  it('matches its snapshot (type, operations)', async () => {
    const type = merged.model.types[NAME];
    const operations = merged.model.operations.filter((o) => o.target?.type === NAME);
    await expect(JSON.stringify({ type, operations }, null, 2)).toMatchFileSnapshot('__snapshots__/starting-resource.json');
  });

  it('merges the documented PATCH next to the PUT that the Capabilities annotation gives', () => {
    const path = '/policies/crossTenantAccessPolicy/partners/{tenantId}/identitySynchronization';
    expect(merged.model.operations.filter((o) => o.path === path).map((o) => [o.method, o.successStatus, o.origin.join('+')])).toEqual([
      ['GET', 200, 'csdl+docs'],
      ['PUT', 204, 'csdl+docs'],
      ['PATCH', 204, 'docs'],
      ['DELETE', 204, 'csdl+docs'],
    ]);
    expect(merged.diagnostics.hasErrors).toBe(false);
  });

  it('builds the same resource from the docs alone', () => {
    const fromDocs = loadModel({ docs: [docs] }).model.types[NAME];
    const fromCsdl = loadModel({ csdl: [csdl] }).model.types[NAME];
    const shape = (type: typeof fromDocs) =>
      type && type.kind === 'entity'
        ? { key: type.key, openType: type.openType, properties: type.properties.map((p) => [p.name, p.type, p.collection]) }
        : undefined;
    expect(shape(fromDocs)).toEqual(shape(fromCsdl));
    expect(shape(fromCsdl)).toBeDefined();
  });
});
