import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { schema } from '../../diff/__fixtures__/schema.ts';
import { main } from '../main.ts';

const folder = mkdtempSync(join(tmpdir(), 'odatakit-diff-cli-'));
function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

const base = file('base.xml', schema());
const added = file('added.xml', schema({ types: '<ComplexType Name="extra" />' }));
const broken = file('broken.xml', schema({ item: '' }));
const malformed = file('malformed.xml', '<edmx:Edmx><unclosed></edmx:Edmx>');

/** Runs the CLI in-process, capturing what it prints. */
async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const code = await main(['diff', ...args]);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('odatakit diff', () => {
  it('prints the JSON report and exits 0 without --fail-on', async () => {
    const { code, stdout } = await run(base, broken, '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { changes: { kind: string; target: string }[]; summary: unknown; semver: string };
    expect(report.changes.map((change) => [change.kind, change.target])).toEqual([['property-removed', 'test.ns.item/name']]);
    expect(report.summary).toEqual({ breaking: 1, dangerous: 0, safe: 0, docs: 0 });
    expect(report.semver).toBe('major');
  });

  it.each([
    [[base, broken, '--fail-on', 'breaking'], 1],
    [[base, broken, '--fail-on', 'dangerous'], 1],
    [[base, added, '--fail-on', 'breaking'], 0],
    [[base, added, '--fail-on', 'dangerous'], 0],
    [[base, base, '--fail-on', 'breaking'], 0],
    [['--old-csdl', base, '--new-csdl', broken, '--fail-on', 'breaking'], 1],
  ])('exit code for %j is %i', async (args, expected) => {
    expect((await run(...args)).code).toBe(expected);
  });

  it('prints text by default and markdown on request', async () => {
    expect((await run(base, added)).stdout).toContain('test.ns.extra  Complex type added  [type-added]');
    expect((await run(base, added, '--format', 'markdown')).stdout).toContain('<summary><b>Safe (1)</b></summary>');
  });

  it.each([
    ['a missing file', [join(folder, 'missing.xml'), base], 'input/not-found'],
    ['malformed XML', [malformed, base], 'csdl/malformed-xml'],
    ['a missing side', [base], 'input/not-found'],
  ])('exits 2 with a positioned diagnostic for %s', async (_name, args, code) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(code);
    expect(result.stdout).toBe('');
  });

  it('exits 2 for a bad option value', async () => {
    expect((await run(base, added, '--fail-on', 'sometimes')).code).toBe(2);
  });
});
