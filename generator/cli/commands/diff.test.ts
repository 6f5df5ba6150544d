import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { prepareUserProject, removeUserProject, type UserProject } from '../../impact/__fixtures__/user-project.ts';
import { PROJECT_ROOT } from '../../testing/corpus.ts';
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

describe('odatakit diff --impact', () => {
  const shop = fileURLToPath(new URL('../../impact/__fixtures__/shop/', import.meta.url));
  const oldShop = join(shop, 'old.xml');
  const newShop = join(shop, 'new.xml');
  let project: UserProject;
  beforeAll(() => {
    project = prepareUserProject(join(shop, 'app'), oldShop, newShop);
    writeFileSync(join(project.root, 'odatakit.config.json'), JSON.stringify({ generate: { csdl: [oldShop], out: 'generated' } }));
  });
  afterAll(() => removeUserProject(project));

  /** The real CLI in a child process, with a preload that reports which compiler modules were loaded. */
  function spawnWithProbe(args: string[], cwd: string) {
    const probe = join(folder, 'probe.cjs');
    writeFileSync(
      probe,
      "process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(Object.keys(require.cache).filter((file) => /[\\\\/]node_modules[\\\\/](ts-morph|@ts-morph|typescript)[\\\\/]/.test(file))) + '\\n'));",
    );
    const result = spawnSync(process.execPath, ['--require', probe, join(PROJECT_ROOT, 'bin/odatakit-dev.mjs'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const loaded = JSON.parse(/LOADED (.*)\n/.exec(result.stderr)?.[1] ?? 'null') as string[] | null;
    return { status: result.status, stdout: result.stdout, loaded };
  }

  it('loads ts-morph only with --impact (and with it, defaults --generated to the config file\'s generate.out)', () => {
    const plain = spawnWithProbe(['diff', oldShop, newShop], PROJECT_ROOT);
    expect(plain.status).toBe(0);
    expect(plain.loaded).toEqual([]);
    const impact = spawnWithProbe(['diff', oldShop, newShop, '--impact', 'tsconfig.json', '--fail-on', 'breaking'], project.root);
    expect(impact.status).toBe(1);
    expect(impact.stdout).toMatch(/^37 findings in 8 files for 21 changes \(19 breaking, 2 dangerous\)/);
    expect(impact.stdout).toContain('src/requests.ts:5:24  breaking  shop.service/archive  [entity-set-removed]');
    expect(impact.loaded?.some((file) => file.includes('ts-morph'))).toBe(true);
  });

  it('writes JSON and SARIF 2.1.0 (text and markdown: impact.test.ts); --fail-on counts only changes with findings', async () => {
    const args = [oldShop, newShop, '--impact', project.tsconfig, '--generated', project.generated];
    const jsonRun = await run(...args, '--format', 'json');
    // Generated from the old side: no warning that it came from elsewhere.
    expect(jsonRun.stderr).not.toContain('impact/stale-generated-code');
    const json = JSON.parse(jsonRun.stdout) as { findings: { file: string; kind: string }[]; changes: unknown[]; unused: number };
    expect(json.findings).toHaveLength(37);
    expect(json.changes).toHaveLength(21);
    const sarif = await run(...args, '--format', 'sarif', '--fail-on', 'breaking');
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout) as { version: string; runs: { results: { level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results).toHaveLength(37);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/src\/enums\.ts$/);
    // The unused-only side of --fail-on: the project that uses nothing that changed passes.
    const unaffected = join(project.root, 'tsconfig.unaffected.json');
    writeFileSync(unaffected, JSON.stringify({ extends: './tsconfig.json', include: ['src/unaffected.ts'] }));
    const clean = await run(oldShop, newShop, '--impact', unaffected, '--generated', project.generated, '--fail-on', 'dangerous');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^0 findings in 2 files for 0 changes/);
  });

  it('follows a generated folder reached through a symbolic link', async () => {
    const linked = mkdtempSync(join(tmpdir(), 'odatakit-impact-link-'));
    cpSync(join(project.root, 'src'), join(linked, 'src'), { recursive: true });
    cpSync(project.tsconfig, join(linked, 'tsconfig.json'));
    symlinkSync(project.generated, join(linked, 'generated'));
    const result = await run(oldShop, newShop, '--impact', join(linked, 'tsconfig.json'), '--generated', join(linked, 'generated'));
    rmSync(linked, { recursive: true, force: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^37 findings in 8 files/);
  });

  it('warns when the generated code did not come from the old schema', async () => {
    const result = await run(newShop, oldShop, '--impact', project.tsconfig, '--generated', project.generated);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('impact/stale-generated-code');
  });

  it.each([
    ['a missing tsconfig', ['--impact', 'missing/tsconfig.json'], 'impact/unusable-tsconfig'],
    ['a folder without generated code', ['--impact', 'TSCONFIG', '--generated', 'src'], 'impact/no-generated-code'],
    ['a project that does not import the generated code', ['--impact', 'ALONE', '--generated', 'GENERATED'], 'impact/generated-not-used'],
    ['--format sarif without --impact', ['--format', 'sarif'], 'impact/usage'],
    ['--generated without --impact', ['--generated', 'GENERATED'], 'impact/usage'],
  ])('exits 2 with a diagnostic for %s', async (_name, options, code) => {
    const alone = join(project.root, 'tsconfig.alone.json');
    writeFileSync(alone, JSON.stringify({ extends: './tsconfig.json', include: [], files: [join(project.root, 'src/alone.ts')] }));
    writeFileSync(join(project.root, 'src/alone.ts'), 'export const alone = 1;\n');
    const args = options.map((option) =>
      option === 'TSCONFIG' ? project.tsconfig : option === 'ALONE' ? alone : option === 'GENERATED' ? project.generated : option === 'src' ? join(project.root, 'src') : option,
    );
    const result = await run(oldShop, newShop, ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(code);
    expect(result.stdout).toBe('');
  });
});
