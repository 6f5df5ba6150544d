import { describe, expect, it } from 'vitest';
import { comparableStrings, expectedOrder } from './orderby.ts';
import { annotatePartners, outcome, runPartners, without } from '../testing/query-target.ts';

describe('query/orderby', () => {
  it('orders on a tie key first, the total key second, each way', () => {
    // tie: false, true, false; total: base+2, base, base+1 (the roles' values of M1, M2, M3).
    const keys = [
      { name: 'flag', valueOf: (index: number) => [false, true, false][index] },
      { name: 'n', valueOf: (index: number) => [22, 20, 21][index] },
    ];
    expect(expectedOrder(keys, [false, true])).toEqual([0, 2, 1]);
    expect(expectedOrder(keys, [true, false])).toEqual([1, 2, 0]);
    expect(expectedOrder(keys.slice(1), [false])).toEqual([1, 2, 0]);
  });

  it('compares only strings every collation orders alike', () => {
    expect(comparableStrings(['odatakit-7-c', 'odatakit-7-a', 'odatakit-7-b'])).toBe(true);
    expect(comparableStrings(['odatakit-9', 'odatakit-10'])).toBe(false);
    expect(comparableStrings(['Apple', 'apple'])).toBe(false);
    expect(comparableStrings(['café', 'cafe'])).toBe(false);
  });

  it.each(['graph', 'odata'] as const)('passes the reference handlers (%s profile), on a boolean and the key', async (profile) => {
    const report = await runPartners({ profile });
    expect(outcome(report, 'query/orderby')).toEqual({ status: 'pass', message: '' });
  });

  it('fails a service that ignores $orderby, with the order it gave and the order expected', async () => {
    const report = await runPartners({ defect: without('$orderby') });
    const { status, message } = outcome(report, 'query/orderby');
    expect(status).toBe('fail');
    expect(message).toMatch(/^\$orderby=isInMultiTenantOrganization asc,tenantId desc returned the run's members as M1 \(tenantId "odatakit-\d+"\), M2 \(.*\), M3 \(.*\); expected M3 \(isInMultiTenantOrganization false, tenantId "odatakit-\d+"\), M1 \(.*\), M2 \(isInMultiTenantOrganization true, .*\) \(OData URL Conventions 4.01 §5.1.4 \$orderby, Protocol 4.01 §11.2.6.2\)/);
    expect(message).toContain('sent:     GET https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/partners?$orderby=isInMultiTenantOrganization%20asc,tenantId%20desc&$filter=');
  });

  it('fails a service that sorts on the first key only (the second direction shows it)', async () => {
    const report = await runPartners({
      defect: (url) => {
        const orderby = url.searchParams.get('$orderby');
        if (!orderby?.includes(',')) return undefined;
        const changed = new URL(url.href);
        changed.searchParams.set('$orderby', orderby.split(',')[0]!);
        return changed;
      },
    });
    expect(outcome(report, 'query/orderby').status).toBe('fail');
  });

  it('skips, with the reason, where SortRestrictions says the collection cannot be sorted', async () => {
    const model = annotatePartners('SortRestrictions', { Sortable: false });
    const report = await runPartners({ model });
    expect(outcome(report, 'query/orderby')).toEqual({ status: 'skip', message: 'the model says the collection does not support $orderby (SortRestrictions/Sortable is false)' });
  });

  it('skips where nothing sorts both ways with an agreed order (the booleans ascending only, the key non-sortable)', async () => {
    const value = { NonSortableProperties: [{ $PropertyPath: 'tenantId' }], AscendingOnlyProperties: [{ $PropertyPath: 'isInMultiTenantOrganization' }, { $PropertyPath: 'isServiceProvider' }] };
    const model = annotatePartners('SortRestrictions', value);
    const report = await runPartners({ model });
    expect(outcome(report, 'query/orderby').status).toBe('skip');
    expect(outcome(report, 'query/orderby').message).toMatch(/^no property the suite can set, nor the key, sorts both ways/);
  });
});
