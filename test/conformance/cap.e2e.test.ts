import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../generator/load-model.ts';
import type { Model } from '../../generator/model/types.ts';
import { runCli } from '../../generator/testing/run-cli.ts';
import { runSuite, type SuiteReport } from '../../conformance/runner/run-suite.ts';
import { baseUrlTarget } from '../../conformance/runner/targets/base-url-target.ts';
import { CAP_SKIP_REASON, capInstalled, startCap, type CapServer } from './cap-server.ts';

/**
 * The suite against a real OData V4 server: SAP CAP 9 (the bookshop of test/servers/cap, an
 * in-memory SQLite database) on 127.0.0.1, started here. The model is the server's own
 * $metadata, fetched over HTTP. What CAP does right passes; each of its real defects (each
 * confirmed with curl) is reported by its own check, and by nothing else.
 */
const scratch = mkdtempSync(join(tmpdir(), 'odatakit-cap-'));

/** CAP's defects, by check: each a rule of OData that CAP 9 breaks (see docs/conformance.md). */
const DEFECTS: Record<string, string[]> = {
  // Content-Type: application/json; charset=utf-8, without odata.metadata (JSON Format 4.01 §4.1).
  'header/odata-metadata': [
    'GET /Authors', 'POST /Authors', 'GET /Authors/{ID}', 'GET /Authors/{ID}/books', 'POST /Authors/{ID}/books', 'GET /Authors/{ID}/books/{ID2}',
    'GET /Books', 'POST /Books', 'GET /Books/{ID}', 'POST /Books/{ID}/CatalogService.restock', 'GET /Books/{ID}/editions', 'POST /Books/{ID}/editions',
    'GET /Books/{ID}/editions(book_ID={book_ID},number={number})', 'GET /Editions', 'POST /Editions', 'GET /Editions(book_ID={book_ID},number={number})', 'GET /countBooks()',
  ],
  // Accept: application/xml answers 200 with JSON, not 406.
  'header/not-acceptable': ['GET /Authors/{ID}', 'GET /Authors/{ID}/books/{ID2}', 'GET /Books/{ID}', 'GET /Books/{ID}/editions(book_ID={book_ID},number={number})', 'GET /Editions(book_ID={book_ID},number={number})'],
  // $top=-1 is accepted.
  'query/invalid': ['GET /Authors', 'GET /Authors/{ID}/books', 'GET /Books', 'GET /Books/{ID}/editions', 'GET /Editions'],
  // A duplicate key (POST) and null for a non-nullable property (PATCH) answer 500 (SQLITE_CONSTRAINT).
  'robustness/client-error': ['POST /Authors', 'PATCH /Authors/{ID}', 'POST /Authors/{ID}/books', 'POST /Books', 'PATCH /Books/{ID}', 'POST /Books/{ID}/editions', 'POST /Editions'],
  'robustness/throws': ['POST /Authors', 'PATCH /Authors/{ID}', 'POST /Authors/{ID}/books', 'POST /Books', 'PATCH /Books/{ID}', 'POST /Books/{ID}/editions', 'POST /Editions'],
  // PUT merges like PATCH (and accepts a body without the non-nullable name).
  'sequence/put-replace': ['PUT /Authors/{ID}', 'PUT /Books/{ID}', 'PUT /Editions(book_ID={book_ID},number={number})'],
  // Location `Books(7)` after POST /Authors(1)/books resolves to /Authors(1)/Books(7).
  'header/location': ['POST /Authors/{ID}/books', 'POST /Books/{ID}/editions'],
  // 3000000000 for an Edm.Int32 is stored.
  'input/wrong-type': ['POST /Authors/{ID}/books', 'POST /Books', 'PATCH /Books/{ID}'],
};

const expectedFailures = Object.entries(DEFECTS)
  .flatMap(([id, operations]) => operations.map((operation) => `${id} ${operation}`))
  .sort();

const failures = (report: SuiteReport) => report.checks.filter((check) => check.status === 'fail').map((check) => `${check.id} ${check.operation}`).sort();
const outcomes = (report: SuiteReport) => report.checks.map((check) => `${check.status} ${check.id} ${check.operation}`);

describe.skipIf(!capInstalled)(`the suite against SAP CAP 9 on 127.0.0.1${CAP_SKIP_REASON}`, () => {
  let cap: CapServer;
  let metadataFile: string;
  let model: Model;
  let first: SuiteReport;
  beforeAll(async () => {
    cap = await startCap();
    const metadata = await fetch(`${cap.serviceRoot}/$metadata`);
    expect(metadata.status).toBe(200);
    metadataFile = join(scratch, 'cap-metadata.xml');
    writeFileSync(metadataFile, await metadata.text());
    const loaded = loadModel({ csdl: [metadataFile] });
    expect(loaded.diagnostics.sorted().filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    model = loaded.model;
    first = await runSuite({ model, target: baseUrlTarget(cap.serviceRoot), profile: 'odata' });
  });
  afterAll(async () => {
    await cap?.stop();
  });

  it('passes what CAP does right, and reports each real defect by its own check', () => {
    expect(failures(first)).toEqual(expectedFailures);
    // The conformant behaviour, checked and passed (not skipped): read-only keys ignored, POST to a navigation creates, merges, deletes, errors, paging, $select, $expand.
    const passed = new Set(first.checks.filter((check) => check.status === 'pass').map((check) => `${check.id} ${check.operation}`));
    for (const check of [
      'input/read-only-key PATCH /Authors/{ID}',
      'sequence/create-read POST /Authors/{ID}/books',
      'status/success POST /Authors/{ID}/books',
      'header/location POST /Authors',
      'body/context GET /Authors/{ID}/books',
      'sequence/update-merge PATCH /Books/{ID}',
      'sequence/delete-read DELETE /Editions(book_ID={book_ID},number={number})',
      'status/not-found GET /Books/{ID}',
      'input/unknown-property POST /Books',
      'input/malformed-json POST /Authors',
      'input/content-type POST /Authors',
      'error/shape POST /Authors',
      'query/top-skip GET /Books',
      'query/count GET /Books',
      'query/filter GET /Books',
      'query/orderby GET /Books',
      'query/filter GET /Editions',
      'query/orderby GET /Editions',
      'query/filter GET /Authors/{ID}/books',
      'query/count GET /Authors/{ID}/books',
      'query/top-skip GET /Editions',
      'query/select GET /Books/{ID}',
      'status/success GET /countBooks()',
      'status/success POST /Books/{ID}/CatalogService.restock',
    ]) {
      expect(passed, check).toContain(check);
    }
    expect(first.summary.passed).toBeGreaterThan(240);
    // Editions pages by 2 (@cds.query.limit): the nextLink chain ($skiptoken, a relative link) was followed, not skipped over.
    expect(first.checks.find((check) => check.id === 'query/top-skip' && check.operation === 'GET /Editions')?.message).toBe('');
    // Skips have a reason (state/isolation: a server cannot be reset; PUT of a contained member CAP does not route...).
    expect(first.checks.filter((check) => check.status === 'skip' && check.message.startsWith('not reached'))).toEqual([]);
  });

  it('a second run against the same server gives the same result, and the runs leave nothing behind', async () => {
    const second = await runSuite({ model, target: baseUrlTarget(cap.serviceRoot), profile: 'odata' });
    expect(outcomes(second)).toEqual(outcomes(first));
    for (const [set, key] of [['Authors', 'ID'], ['Books', 'ID'], ['Editions', 'number']] as const) {
      const listed = await (await fetch(`${cap.serviceRoot}/${set}?$filter=${key}%20ge%20100000000`)).json();
      expect(listed.value, set).toEqual([]);
    }
  });

  it('the CLI exits 1 with the defects, and writes a JSON report with structured exchanges', () => {
    const out = join(scratch, 'cap.json');
    const result = runCli(['conformance', '--csdl', metadataFile, '--base-url', cap.serviceRoot, '--profile', 'odata', '--report', 'json', '--out', out, '--header', 'Authorization: Basic c2VjcmV0']);
    expect(result.stderr).toMatch(/^\d+ passed, \d+ failed \(\d+ MUST\), \d+ skipped\n$/);
    expect(result.status).toBe(1);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const location = report.checks.find((check: { id: string; operation: string }) => check.id === 'header/location' && check.operation === 'POST /Authors/{ID}/books');
    expect(location.message).toMatch(/^Location "Books\(\d+\)" resolves \(against http:\/\/127\.0\.0\.1:\d+\/odata\/v4\/catalog\/Authors\(\d+\)\/books\) to .*\/Authors\(\d+\)\/Books\(\d+\)/);
    expect(location.exchanges[0].request).toMatchObject({ method: 'POST', headers: { Authorization: '<redacted>', 'Content-Type': 'application/json' } });
    expect(location.exchanges[0].response.status).toBe(201);
    expect(location.exchanges[0].reproduce).toMatch(/^curl -i -X POST /);
    expect(readFileSync(out, 'utf8')).not.toContain('c2VjcmV0');
  });

  it('--skip leaves checks out; --only that matches nothing exits 2 with the reason', () => {
    const skipped = runCli(['conformance', '--csdl', metadataFile, '--base-url', cap.serviceRoot, '--profile', 'odata', '--report', 'json', '--skip', 'header/*', '--skip', 'query/invalid', '--skip', 'robustness/*', '--skip', 'sequence/put-replace', '--skip', 'input/wrong-type']);
    expect(skipped.status).toBe(0);
    const ids = new Set(JSON.parse(skipped.stdout).checks.map((check: { id: string }) => check.id));
    expect(ids.has('header/location')).toBe(false);
    expect(ids.has('status/success')).toBe(true);
    const none = runCli(['conformance', '--csdl', metadataFile, '--base-url', cap.serviceRoot, '--only', '/Nowhere/**']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^odatakit: nothing to check, so the run cannot pass: no operation path matches --only \/Nowhere\/\*\*; the model has \d+: GET \/Authors/);
  });

  it('a base URL without the service path exits 2 before sending anything else', () => {
    const origin = new URL(cap.serviceRoot).origin;
    const result = runCli(['conformance', '--csdl', metadataFile, '--base-url', origin]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`is not an OData service root: GET ${origin}/ answered 404 text/html`);
    expect(result.stdout).toBe('');
  });
});
