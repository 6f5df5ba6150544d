import { describe, expect, it } from 'vitest';
import { annotatePartners, outcome, runPartners, without } from '../testing/query-target.ts';

describe('query/filter', () => {
  it.each(['graph', 'odata'] as const)('passes the reference handlers (%s profile), with an eq and a composite filter over the run\'s members', async (profile) => {
    const report = await runPartners({ profile });
    expect(outcome(report, 'query/filter')).toEqual({ status: 'pass', message: '' });
  });

  it('fails a service that ignores $filter, naming the clause and showing the exchange', async () => {
    const report = await runPartners({ defect: without('$filter') });
    const { status, message } = outcome(report, 'query/filter');
    expect(status).toBe('fail');
    // The partners type has only a string key and booleans: eq on the key, then the keys (or) and a boolean ne.
    expect(message).toMatch(/^\$filter=tenantId eq 'odatakit-\d+' returned 3 member\(s\) it does not match, e\.g\. \{tenantId: "odatakit-\d+"\}, M1 \(tenantId "odatakit-\d+"\), M3 \(tenantId "odatakit-\d+"\); expected only M2 \(tenantId "odatakit-\d+"\)/);
    expect(message).toContain('(OData URL Conventions 4.01 §5.1.1 $filter, Protocol 4.01 §11.2.6.1)');
    expect(message).toMatch(/sent: +GET https:\/\/graph\.microsoft\.com\/v1\.0\/policies\/crossTenantAccessPolicy\/partners\?\$filter=tenantId%20eq%20'odatakit-\d+'/);
  });

  it('fails a service whose `or` drops members (the composite filter left M3 out)', async () => {
    const report = await runPartners({
      defect: (url) => {
        const filter = url.searchParams.get('$filter');
        if (!filter?.includes(' or ')) return undefined;
        const changed = new URL(url.href);
        changed.searchParams.set('$filter', filter.replace(/ or \(?tenantId eq '[^']*'\)?\)/, ')'));
        return changed;
      },
    });
    const { status, message } = outcome(report, 'query/filter');
    expect(status).toBe('fail');
    expect(message).toMatch(/^\$filter=\(tenantId eq '[^']+' or tenantId eq '[^']+' or tenantId eq '[^']+'\) and isInMultiTenantOrganization ne true left out M3 \(tenantId "odatakit-\d+"\); expected M1 \(.*\) and M3/);
  });

  it('skips, with the reason, where FilterRestrictions says the collection cannot be filtered', async () => {
    const model = annotatePartners('FilterRestrictions', { Filterable: false });
    const report = await runPartners({ model });
    expect(outcome(report, 'query/filter')).toEqual({ status: 'skip', message: 'the model says the collection does not support $filter (FilterRestrictions/Filterable is false)' });
  });

  it('skips where the key and every string are non-filterable: nothing picks the run\'s members out', async () => {
    const model = annotatePartners('FilterRestrictions', { NonFilterableProperties: [{ $PropertyPath: 'tenantId' }] });
    const report = await runPartners({ model });
    expect(outcome(report, 'query/filter')).toEqual({ status: 'skip', message: 'neither the key nor a string property the suite can set is filterable (FilterRestrictions/NonFilterableProperties)' });
  });

  it('skips a service that answers 501 to $filter when its model does not say it filters', async () => {
    const report = await runPartners({ defect: (url) => (url.searchParams.has('$filter') ? Response.json({ error: { code: 'NotImplemented', message: 'no $filter' } }, { status: 501 }) : undefined) });
    expect(outcome(report, 'query/filter').status).toBe('skip');
    expect(outcome(report, 'query/filter').message).toMatch(/^the service answers 501 Not Implemented to \$filter, and its model does not say it supports \$filter/);
  });
});
