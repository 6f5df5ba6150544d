import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../testing/run-cli.ts';

const MODEL = ['--csdl', 'examples/csdl/cross-tenant-sync.xml', '--docs', 'examples/docs'];
const ONLY = ['--only', '**/identitySynchronization'];
const MOCKS = 'conformance/examples/mocks';
/** A port nothing listens on: one the system just gave out, closed again. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'odatakit-conformance-'));

describe('odatakit conformance', () => {
  it('exits 0 for a conformant mock, with a one-line summary', () => {
    const result = runCli(['conformance', ...MODEL, '--handlers', `${MOCKS}/conformant.ts`, ...ONLY]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^40 passed, 0 failed \(0 MUST\), 0 skipped; 40 checks, \d+ requests/m);
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
    // Skipped: policyRoot has nothing to change or select; PUT of a partner answers 405 (services MAY leave it out).
    expect(result.stderr).toMatch(/^\d+ passed, 0 failed \(0 MUST\), 4 skipped\n$/);
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

  it('runs the docs alone: the starting resource as its pages describe it', () => {
    const result = runCli(['conformance', '--docs', 'examples/docs', '--handlers', `${MOCKS}/patch-replaces.ts`]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('FAIL MUST   sequence/update-merge  PATCH /policies/crossTenantAccessPolicy/partners/{id}/identitySynchronization');
  });

  it('exits 2 when nothing can be checked, and says why', () => {
    const result = runCli(['conformance', '--docs', 'examples/docs/resources', '--handlers', `${MOCKS}/conformant.ts`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^odatakit: nothing to check, so the run cannot pass: the model has no operations to check \(2 input file\(s\), \d+ type\(s\)\): give the service's \$metadata with --csdl, or the API pages/);
    expect(result.stdout).toBe('');
  });

  it('exits 2 when nothing answers at --base-url, before sending the suite', async () => {
    const port = await closedPort();
    const result = runCli(['conformance', ...MODEL, '--base-url', `http://127.0.0.1:${port}/v1.0`, '--timeout', '2000']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`odatakit: cannot check http://127.0.0.1:${port}/v1.0: nothing answers at http://127.0.0.1:${port}/v1.0 (fetch failed: connect ECONNREFUSED 127.0.0.1:${port}); start the server, or check --base-url\n`);
    expect(result.stdout).toBe('');
  });

  it.each([
    ['a header without a colon', ['--header', 'Authorization Bearer x'], /--header expects 'Name: value'/],
    ['a timeout that is not a number', ['--timeout', 'soon'], /expected a whole number of milliseconds/],
  ])('exits 2 for %s', (_name, args, message) => {
    const result = runCli(['conformance', ...MODEL, '--base-url', 'http://127.0.0.1:1', ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('Bearer x');
  });

  it('explains --base-url and --service-root with an example each', () => {
    const help = runCli(['conformance', '--help']).stdout;
    expect(help).toContain('odatakit conformance --csdl metadata.xml --base-url http://127.0.0.1:4004/odata/v4/catalog');
    expect(help).toContain('--service-root http://127.0.0.1:9000/v1.0');
    for (const option of ['--header', '--skip', '--timeout', 'html']) expect(help).toContain(option);
  });

  it('exits 2 for a module without handlers', () => {
    const path = join(scratch, 'empty.mjs');
    writeFileSync(path, 'export const nothing = 1;\n');
    const result = runCli(['conformance', ...MODEL, '--handlers', path]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('it has no `handlers` export (an array of msw handlers)');
  });
});
