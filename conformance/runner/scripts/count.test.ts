import { describe, expect, it } from 'vitest';
import { annotatePartners, outcome, runPartners, without } from '../testing/query-target.ts';

describe('query/count', () => {
  it.each(['graph', 'odata'] as const)('passes the reference handlers (%s profile): $count=true and /$count, both with the composite $filter', async (profile) => {
    expect(outcome(await runPartners({ profile }), 'query/count')).toEqual({ status: 'pass', message: '' });
  });

  it('fails a /$count that ignores $filter', async () => {
    const report = await runPartners({ defect: (url) => (url.pathname.endsWith('/$count') ? without('$filter')(url, new Request(url)) : undefined) });
    const { status, message } = outcome(report, 'query/count');
    expect(status).toBe('fail');
    expect(message).toMatch(/^\/\$count answered 4; expected 2 \(the members \$filter=\(tenantId eq .*\) and isInMultiTenantOrganization ne true matches\) \(OData URL Conventions 4.01 §5.1.6 \$count and §4.8 \/\$count, Protocol 4.01 §11.2.6.5 and §11.2.10\)/);
    expect(message).toMatch(/sent: +GET https:\/\/graph\.microsoft\.com\/v1\.0\/policies\/crossTenantAccessPolicy\/partners\/\$count\?\$filter=/);
  });

  it('fails an @odata.count of the whole collection', async () => {
    const report = await runPartners({ defect: (url) => (url.searchParams.has('$count') ? without('$filter')(url, new Request(url)) : undefined) });
    expect(outcome(report, 'query/count').message).toMatch(/^@odata\.count is 4; expected 2 /);
  });

  it('skips, with the reason, where CountRestrictions says the collection cannot be counted', async () => {
    const model = annotatePartners('CountRestrictions', { Countable: false });
    expect(outcome(await runPartners({ model }), 'query/count')).toEqual({ status: 'skip', message: 'the model says the collection cannot be counted (CountRestrictions/Countable is false)' });
  });

  it('sends the custom headers ReadRestrictions declares (Graph: ConsistencyLevel: eventual, which the graph profile requires for $count)', async () => {
    const header = { Name: 'ConsistencyLevel', Required: false, ExampleValues: [{ Value: 'eventual' }] };
    const model = annotatePartners('ReadRestrictions', { CustomHeaders: [header] });
    const seen: (string | null)[] = [];
    const report = await runPartners({ model, defect: (url, request) => void (url.pathname.endsWith('/$count') && seen.push(request.headers.get('ConsistencyLevel'))) });
    expect(outcome(report, 'query/count')).toEqual({ status: 'pass', message: '' });
    expect(seen).toEqual(['eventual']);
  });
});
