import { describe, expect, it } from 'vitest';
import { loadModel } from '../../generator/load-model.ts';
import { EXAMPLE_CSDL, EXAMPLE_DOCS } from '../../generator/testing/corpus.ts';
import { CHECKS } from '../checks/catalog.ts';
import { emptyPlanReason, planSuite } from './plan.ts';

const { model } = loadModel({ csdl: [EXAMPLE_CSDL], docs: [EXAMPLE_DOCS] });
const SYNC = '/policies/crossTenantAccessPolicy/partners/{tenantId}/identitySynchronization';

describe('planSuite', () => {
  it('derives the checks of the starting resource from the model', () => {
    const plan = planSuite(model, { profile: 'graph', only: ['**/identitySynchronization'] });
    const byOperation = (operation: string) => plan.checks.filter((check) => check.operation === operation).map((check) => check.id);
    expect(byOperation(`GET ${SYNC}`)).toEqual(['operation/handled', 'status/success', 'content-type/json', 'header/odata-version', 'body/context', 'body/valid', 'body/key', 'error/shape', 'robustness/throws', 'query/select']);
    expect(byOperation(`PUT ${SYNC}`)).toEqual([
      'operation/handled', 'status/success', 'header/odata-version', 'sequence/create-read', 'sequence/replace',
      'input/unknown-property', 'input/wrong-type', 'input/malformed-json', 'input/content-type', 'error/shape', 'robustness/throws', 'state/isolation',
    ]);
    expect(byOperation(`PATCH ${SYNC}`)).toContain('input/read-only-key');
    expect(byOperation(`PATCH ${SYNC}`)).not.toContain('robustness/client-error');
    expect(byOperation(`DELETE ${SYNC}`)).toEqual(['operation/handled', 'status/success', 'header/odata-version', 'sequence/delete-read', 'error/shape', 'robustness/throws']);
    expect(byOperation(`POST ${SYNC}`)).toEqual(['input/method']);
    expect(new Set(plan.checks.map((check) => check.operation.split(' ')[1]))).toEqual(new Set([SYNC]));
  });

  it('leaves out the checks of other profiles', () => {
    const lenient = planSuite(model, { profile: 'lenient' }).checks.map((check) => check.id);
    expect(lenient).not.toContain('header/odata-version');
    expect(lenient).not.toContain('query/select');
    for (const id of lenient) expect(CHECKS[id].profiles).toContain('lenient');
  });

  it('plans every operation of the model when nothing narrows it, in path then method order', () => {
    const plan = planSuite(model, { profile: 'odata' });
    const operations = new Set(plan.checks.map((check) => check.operation));
    for (const operation of model.operations) expect(operations).toContain(operation.id);
    const paths = plan.checks.map((check) => check.operation.split(' ')[1]!);
    expect(paths).toEqual([...paths].sort());
  });

  it('plans the docs-only starting resource: its paths read as URL conventions, without CSDL', () => {
    const docsOnly = loadModel({ docs: [EXAMPLE_DOCS] }).model;
    const plan = planSuite(docsOnly, { profile: 'graph' });
    const operations = new Set(plan.checks.map((check) => check.operation));
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) expect(operations).toContain(`${method} /policies/crossTenantAccessPolicy/partners/{id}/identitySynchronization`);
    expect(plan.checks.length).toBeGreaterThan(30);
  });

  it('explains a plan with no check', () => {
    const none = { ...model, operations: [] };
    expect(emptyPlanReason(none, { profile: 'graph' })).toMatch(/^the model has no operations to check/);
    expect(emptyPlanReason(model, { profile: 'graph', only: ['/nowhere'] })).toMatch(/^no operation path matches --only \/nowhere; the model has \d+: GET \/policies/);
  });

  it('leaves out the checks --skip names', () => {
    const ids = planSuite(model, { profile: 'graph', skip: ['query/*', 'input/method'] }).checks.map((check) => check.id);
    expect(ids.filter((id) => id.startsWith('query/') || id === 'input/method')).toEqual([]);
    expect(ids).toContain('status/success');
  });

  it('has no sequence checks for a resource without a read operation', () => {
    const noRead = { ...model, operations: model.operations.filter((operation) => !(operation.method === 'GET' && operation.path === SYNC)) };
    const ids = planSuite(noRead, { profile: 'graph', only: ['**/identitySynchronization'] }).checks.map((check) => check.id);
    expect(ids.filter((id) => id.startsWith('sequence/'))).toEqual([]);
  });
});
