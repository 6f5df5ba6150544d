import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../testing/run-cli.ts';

const MODEL = ['--csdl', 'examples/csdl/cross-tenant-sync.xml', '--docs', 'examples/docs'];
const ONLY = ['--only', '**/identitySynchronization'];
const MOCKS = 'conformance/examples/mocks';
const scratch = mkdtempSync(join(tmpdir(), 'odatakit-conformance-'));

describe('odatakit conformance', () => {
  it('exits 0 for a conformant mock, with a one-line summary', () => {
    const result = runCli(['conformance', ...MODEL, '--handlers', `${MOCKS}/conformant.ts`, ...ONLY]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^39 passed, 0 failed \(0 MUST\), 0 skipped; 39 checks, \d+ requests/m);
  });

  it('exits 1 when a MUST check fails, and says what was sent and answered', () => {
    const result = runCli(['conformance', ...MODEL, '--handlers', `${MOCKS}/patch-replaces.ts`, ...ONLY]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('FAIL MUST   sequence/update-merge  PATCH /policies/crossTenantAccessPolicy/partners/{tenantId}/identitySynchronization');
    expect(result.stdout).toContain('PATCH did not keep what it did not send (it replaced instead of merging)');
    expect(result.stdout).toMatch(/reproduce: await fetch\("https:\/\/graph\.microsoft\.com\/v1\.0\/policies\/crossTenantAccessPolicy\/partners\/odatakit-\d+\/identitySynchronization", \{"method":"PATCH"/);
  });

  it('writes the JSON report to --out, and the reference handlers pass the whole suite', () => {
    const out = join(scratch, 'report.json');
    const result = runCli(['conformance', ...MODEL, '--handlers', 'conformance/examples/reference.ts', '--report', 'json', '--out', out, '--profile', 'odata']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^\d+ passed, 0 failed \(0 MUST\), 3 skipped\n$/);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.target).toBe('conformance/examples/reference.ts');
    expect(report.profile).toBe('odata');
    expect(report.checks.length).toBe(report.summary.passed + report.summary.failed + report.summary.skipped);
  });

  it('writes JUnit XML', () => {
    const result = runCli(['conformance', ...MODEL, '--handlers', `${MOCKS}/wrong-status.ts`, ...ONLY, '--report', 'junit']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(result.stdout).toContain('<failure type="MUST" message="A valid request answered 200; expected 204">');
  });

  it.each([
    ['no target', [...MODEL], /give exactly one target/],
    ['two targets', [...MODEL, '--handlers', `${MOCKS}/conformant.ts`, '--base-url', 'http://127.0.0.1:9'], /give exactly one target/],
    ['no model', ['--handlers', `${MOCKS}/conformant.ts`], /give the model/],
    ['an unknown profile', [...MODEL, '--handlers', `${MOCKS}/conformant.ts`, '--profile', 'strict'], /expected one of graph, odata, lenient/],
    ['a module that does not exist', [...MODEL, '--handlers', 'nowhere.ts'], /nowhere\.ts:1:1 error conformance\/unusable-target Cannot run the suite against nowhere\.ts: the file does not exist/],
    ['a remote base URL', [...MODEL, '--base-url', 'https://graph.microsoft.com/v1.0'], /is not a loopback address/],
  ])('exits 2 for %s', (_name, args, message) => {
    const result = runCli(['conformance', ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a module without handlers', () => {
    const path = join(scratch, 'empty.mjs');
    writeFileSync(path, 'export const nothing = 1;\n');
    const result = runCli(['conformance', ...MODEL, '--handlers', path]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('it has no `handlers` export (an array of msw handlers)');
  });
});
