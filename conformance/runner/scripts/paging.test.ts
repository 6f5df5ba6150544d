import { describe, expect, it } from 'vitest';
import { annotatePartners, outcome, runPartners } from '../testing/query-target.ts';

describe('query/top-skip and @odata.nextLink', () => {
  it('follows the nextLink chain of $top=1 over the run\'s members (graph: $top is the page size)', async () => {
    const report = await runPartners({ profile: 'graph' });
    expect(outcome(report, 'query/top-skip')).toEqual({ status: 'pass', message: '' });
  });

  it('follows the plain collection\'s pages where the service pages at its own size (odata, page size 2)', async () => {
    expect(outcome(await runPartners({ profile: 'odata', pageSize: 2 }), 'query/top-skip')).toEqual({ status: 'pass', message: '' });
    // One page: nothing to follow, and the pass says so.
    expect(outcome(await runPartners({ profile: 'odata' }), 'query/top-skip')).toEqual({ status: 'pass', message: 'the service did not page: @odata.nextLink not followed' });
  });

  it('fails a nextLink that leads back to the first page (a member twice)', async () => {
    const report = await runPartners({
      defect: (url) => {
        if (!url.searchParams.has('$filter') || !url.searchParams.has('$skip')) return undefined;
        const changed = new URL(url.href);
        changed.searchParams.set('$skip', '0');
        return changed;
      },
    });
    const { status, message } = outcome(report, 'query/top-skip');
    expect(status).toBe('fail');
    expect(message).toMatch(/^following @odata\.nextLink from \/policies\/crossTenantAccessPolicy\/partners\?\$filter=tenantId%20eq%20'odatakit-\d+'%20or%20.*&\$top=1 returned M1 \(tenantId "odatakit-\d+"\) twice \(OData URL Conventions 4.01 §5.1.5 \$top and \$skip, Protocol 4.01 §11.2.6.3, §11.2.6.4 and §11.2.6.7 Server-Driven Paging\)/);
  });

  it('fails a chain that ends before the last member', async () => {
    const report = await runPartners({
      profile: 'odata',
      pageSize: 2,
      defect: (url) => (url.searchParams.get('$skip') === '2' ? Response.json({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#policies/crossTenantAccessPolicy/partners', value: [] }) : undefined),
    });
    const { status, message } = outcome(report, 'query/top-skip');
    expect(status).toBe('fail');
    expect(message).toMatch(/^following @odata\.nextLink from \/policies\/crossTenantAccessPolicy\/partners ended without M2 /);
  });

  it('skips, with the reason, where TopSupported is false', async () => {
    const model = annotatePartners('TopSupported', false);
    expect(outcome(await runPartners({ model }), 'query/top-skip')).toEqual({ status: 'skip', message: 'the model says the collection does not support $top (TopSupported is false)' });
  });
});
