import { describe, expect, it } from 'vitest';
import type { SuiteReport } from '../runner/run-suite.ts';
import { jsonReport } from './json.ts';
import { junitReport } from './junit.ts';
import { textReport } from './text.ts';

const report: SuiteReport = {
  target: 'mock.ts',
  profile: 'odata',
  reproduce: 'curl',
  checks: [
    { id: 'status/success', operation: 'PUT /a', severity: 'MUST', title: 'A valid request answers the expected success status', status: 'pass', message: 'difference: 204 is what the graph profile expects; the odata profile expects 201' },
    { id: 'body/key', operation: 'GET /a', severity: 'MUST', title: 'Entities in responses carry their key', status: 'fail', message: 'The entity has no id (the key)\n  sent:     GET https://x/a\n  got:      200 <&>' },
    { id: 'query/select', operation: 'GET /a', severity: 'SHOULD', title: '$select returns the properties asked for', status: 'skip', message: 'nothing to "select"' },
  ],
  summary: { passed: 1, failed: 1, skipped: 1 },
  stats: { requests: 3, ms: 12 },
};

describe('reporters', () => {
  it('json has exactly the documented shape', () => {
    const document = JSON.parse(jsonReport(report));
    expect(Object.keys(document)).toEqual(['target', 'profile', 'checks', 'summary']);
    expect(Object.keys(document.checks[0])).toEqual(['id', 'operation', 'severity', 'status', 'message']);
    expect(document.summary).toEqual({ passed: 1, failed: 1, skipped: 1 });
    expect(jsonReport(report).endsWith('}\n')).toBe(true);
  });

  it('junit has a suite per operation, failures and skips, escaped', () => {
    const xml = junitReport(report);
    expect(xml).toContain('<testsuites name="odatakit conformance (odata): mock.ts" tests="3" failures="1" skipped="1">');
    expect(xml).toContain('<testsuite name="GET /a" tests="2" failures="1" skipped="1">');
    expect(xml).toContain('<failure type="MUST" message="The entity has no id (the key)">The entity has no id (the key)\n  sent:     GET https://x/a\n  got:      200 &lt;&amp;&gt;</failure>');
    expect(xml).toContain('<skipped message="nothing to &quot;select&quot;" />');
  });

  it('text lists failures, then differences, then a summary', () => {
    const text = textReport(report);
    expect(text).toContain('FAIL MUST   body/key  GET /a\n  Entities in responses carry their key\n  The entity has no id (the key)\n  sent:     GET https://x/a');
    expect(text).toContain('Differences between profiles (not failures):\n  status/success  PUT /a: 204 is what the graph profile expects');
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed (1 MUST), 1 skipped; 3 checks, 3 requests, 0.01 s');
  });
});
