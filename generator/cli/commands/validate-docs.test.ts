import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { PROJECT_ROOT } from '../../testing/corpus.ts';
import { EXIT } from '../exit-codes.ts';
import { main } from '../main.ts';

// A copy of the bundled example, so tests can break its pages.
const work = mkdtempSync(join(tmpdir(), 'odatakit-validate-docs-'));
cpSync(join(PROJECT_ROOT, 'examples'), join(work, 'examples'), { recursive: true });
const docs = join(work, 'examples/docs');
const csdl = join(work, 'examples/csdl/cross-tenant-sync.xml');
const getPage = join(docs, 'api/crosstenantidentitysyncpolicypartner-get.md');
const original = readFileSync(getPage, 'utf8');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the CLI in-process, capturing what it prints. */
async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const code = await main(['validate-docs', ...args]);
  vi.restoreAllMocks();
  process.exitCode = undefined;
  return { code, stdout, stderr };
}

/** The get page with its response body edited. */
function editGetPage(edit: (text: string) => string): void {
  writeFileSync(getPage, edit(original));
}

afterEach(() => {
  vi.restoreAllMocks();
  writeFileSync(getPage, original);
});

describe('odatakit validate-docs', () => {
  it('exits 0 on the bundled example, which is clean', async () => {
    const { code, stdout } = await run(docs, '--csdl', csdl);
    expect(stdout).toBe('6 pages checked: 0 errors, 0 warnings\n');
    expect(code).toBe(EXIT.ok);
  });

  it('exits 1 on an error, reporting it at its line of the page, in every format', async () => {
    editGetPage((text) => text.replace('"displayName": "Lakeshore Analytics"', '"displayName": 42'));
    const line = readFileSync(getPage, 'utf8').split('\n').findIndex((l) => l.includes('"displayName": 42')) + 1;
    const text = await run(docs, '--csdl', csdl);
    expect(text.code).toBe(EXIT.findings);
    expect(text.stdout).toContain(`crosstenantidentitysyncpolicypartner-get.md:${line}:18 error validate/wrong-value Response body /displayName:`);
    const json = await run(docs, '--csdl', csdl, '--format', 'json');
    expect(JSON.parse(json.stdout)).toMatchObject({ files: 6, diagnostics: [{ line, column: 18, code: 'validate/wrong-value', severity: 'error' }] });
    const sarif = await run(docs, '--csdl', csdl, '--format', 'sarif');
    expect(JSON.parse(sarif.stdout).runs[0].results[0]).toMatchObject({ ruleId: 'validate/wrong-value', level: 'error' });
    expect(sarif.code).toBe(EXIT.findings);
  });

  it('with --baseline, fails on new findings only, wherever known ones moved', async () => {
    editGetPage((text) => text.replace('"displayName": "Lakeshore Analytics"', '"displayName": 42'));
    const baseline = join(work, 'baseline.json');
    writeFileSync(baseline, (await run(docs, '--csdl', csdl, '--format', 'json')).stdout);
    editGetPage((text) => `\n\n\n${text.replace('"displayName": "Lakeshore Analytics"', '"displayName": 42')}`);
    const moved = await run(docs, '--csdl', csdl, '--baseline', baseline);
    expect([moved.code, moved.stdout, moved.stderr]).toEqual([EXIT.ok, '6 pages checked: 0 errors, 0 warnings\n', '1 known from the baseline\n']);
    editGetPage((text) => text.replace('"displayName": "Lakeshore Analytics"', '"displayName": 42').replace('"isSyncAllowed": true', '"isSyncAllowed": "yes"'));
    const added = await run(docs, '--csdl', csdl, '--baseline', baseline, '--format', 'json');
    expect(added.code).toBe(EXIT.findings);
    expect(JSON.parse(added.stdout).diagnostics.map((d: { message: string }) => d.message)).toEqual([expect.stringContaining('/userSyncInbound/isSyncAllowed')]);
  });

  it.each([
    ['a missing page', () => [join(work, 'nowhere')], /input\/not-found/],
    ['a folder without pages', () => [mkdirSync(join(work, 'empty'), { recursive: true }) ?? join(work, 'empty')], /no markdown page/],
    ['an unknown format', () => [docs, '--format', 'xml'], /expected one of text, json, sarif/],
    ['an unusable baseline', () => [docs, '--baseline', csdl], /validate\/bad-baseline/],
    ['a malformed CSDL', () => [docs, '--csdl', join(docs, 'api/crosstenantidentitysyncpolicypartner-get.md')], /csdl\//],
  ])('exits 2 on %s', async (_name, args, message) => {
    const { code, stderr } = await run(...args());
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(message);
  });
});
