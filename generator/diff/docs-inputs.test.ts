import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../load-model.ts';
import { EXAMPLE_CSDL, EXAMPLE_DOCS, PROJECT_ROOT } from '../testing/corpus.ts';
import { diffModels } from './diff-models.ts';

const csdl = relative(PROJECT_ROOT, EXAMPLE_CSDL);
const docs = relative(PROJECT_ROOT, EXAMPLE_DOCS);

describe('diff with docs inputs', () => {
  process.chdir(PROJECT_ROOT);

  it('a docs folder against itself: no change', () => {
    const side = () => loadModel({ docs: [docs] }).model;
    expect(diffModels(side(), side()).changes).toEqual([]);
  });

  it('adding the docs to a CSDL adds the documented PATCH, a safe change', () => {
    const report = diffModels(loadModel({ csdl: [csdl] }).model, loadModel({ csdl: [csdl], docs: [docs] }).model);
    const operations = report.changes.filter((change) => change.target.includes('identitySynchronization') && change.kind.startsWith('operation'));
    expect(operations).toEqual([
      expect.objectContaining({
        severity: 'safe',
        target: 'PATCH /policies/crossTenantAccessPolicy/partners/{tenantId}/identitySynchronization',
        old: null,
      }),
    ]);
    expect(report.summary.breaking).toBe(0);
  });
});
