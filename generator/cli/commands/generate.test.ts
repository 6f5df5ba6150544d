import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserInputError } from '../../diagnostics/user-error.ts';
import { MANIFEST_FILE } from '../../emit/output.ts';
import { CORPUS_SKIP_REASON, corpusAvailable, GRAPH_DOCS, PROJECT_ROOT } from '../../testing/corpus.ts';
import { CONFIG_FILE } from '../config.ts';
import { EXIT } from '../exit-codes.ts';
import { generateOnce } from './generate-once.ts';
import { resolveOptions } from './generate.ts';
import { startWatch } from './generate-watch.ts';

let work: string;
let stdout: string[];
beforeEach(() => {
  // A copy of the example, so tests can change inputs.
  work = mkdtempSync(join(tmpdir(), 'odatakit-generate-'));
  cpSync(join(PROJECT_ROOT, 'examples'), join(work, 'examples'), { recursive: true });
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(work, { recursive: true, force: true });
});

const CSDL = 'examples/csdl/cross-tenant-sync.xml';
const writeConfig = (config: unknown) => writeFileSync(join(work, CONFIG_FILE), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
const run = (flags: Parameters<typeof resolveOptions>[0], check = false) => generateOnce(resolveOptions(flags, work), check);

describe('options', () => {
  it('reads the config file, and flags win', () => {
    writeConfig({ generate: { csdl: CSDL, docs: ['examples/docs'], out: 'gen', include: ['microsoft.**'], ieee754Compatible: true } });
    expect(resolveOptions({}, work)).toMatchObject({ csdl: [CSDL], docs: ['examples/docs'], out: 'gen', include: ['microsoft.**'], emit: { ieee754Compatible: true } });
    expect(resolveOptions({ out: 'other', csdl: ['x.xml'], ieee754Compatible: false }, work)).toMatchObject({
      csdl: ['x.xml'],
      out: 'other',
      emit: { ieee754Compatible: false },
    });
  });

  it('leaves the acceptors out with "validatorAcceptors": false', () => {
    writeConfig({ generate: { csdl: CSDL, out: 'gen', validatorAcceptors: false } });
    expect(resolveOptions({}, work).emit).toEqual({ ieee754Compatible: false, validatorAcceptors: false });
    expect(run({})).toBe(0);
    expect(existsSync(join(work, 'gen', 'validators.gen.ts'))).toBe(true);
    expect(existsSync(join(work, 'gen', 'acceptors.gen.ts'))).toBe(false);
  });

  it.each([
    ['no inputs', {}, /give --csdl/],
    ['no output', { generate: { csdl: [CSDL] } }, /give --out/],
    ['an unknown option', '{\n  "generate": {\n    "ouput": "x"\n  }\n}', /unknown option "generate.ouput"/],
    ['a wrong type', { generate: { csdl: [1] } }, /"generate.csdl" should be a string or an array of strings/],
    ['bad JSON', '{ "generate": ', /not valid JSON/],
  ])('refuses %s', (_name, config, message) => {
    writeConfig(config);
    const attempt = () => resolveOptions({}, work);
    expect(attempt).toThrow(UserInputError);
    expect(attempt).toThrow(message);
  });

  it('points at the offending line of the config file', () => {
    writeConfig('{\n  "generate": {\n    "ouput": "x"\n  }\n}');
    try {
      resolveOptions({}, work);
    } catch (error) {
      expect((error as UserInputError).diagnostics[0]).toMatchObject({ code: 'config/invalid', line: 3, column: 5 });
    }
  });
});

describe('generate and --check', () => {
  it('writes, then finds the output up to date', () => {
    expect(run({ csdl: [CSDL], out: 'gen' })).toBe(EXIT.ok);
    expect(existsSync(join(work, 'gen/types.gen.ts'))).toBe(true);
    expect(stdout.join('')).toMatch(/gen\/types\.gen\.ts added/);
    expect(run({ csdl: [CSDL], out: 'gen' }, true)).toBe(EXIT.ok);
    expect(stdout.join('')).toContain('gen is up to date');
  });

  it('exits 1 and lists what would change, writing nothing', () => {
    run({ csdl: [CSDL], out: 'gen' });
    const xml = readFileSync(join(work, CSDL), 'utf8').replace('<Property Name="isSyncAllowed" Type="Edm.Boolean" />', '<Property Name="isSyncAllowed" Type="Edm.String" /><Property Name="added" Type="Edm.Int32" />');
    writeFileSync(join(work, CSDL), xml);
    const before = readFileSync(join(work, 'gen/types.gen.ts'), 'utf8');
    stdout.length = 0;
    expect(run({ csdl: [CSDL], out: 'gen' }, true)).toBe(EXIT.findings);
    const printed = stdout.join('');
    expect(printed).toContain('gen/types.gen.ts would be changed');
    expect(printed).toContain('  ~ CrossTenantUserSyncInbound\n');
    expect(printed).toMatch(/gen is out of date: 0 to add, \d+ to change, 0 to remove/);
    expect(readFileSync(join(work, 'gen/types.gen.ts'), 'utf8')).toBe(before);
  });

  it('prints the exported symbols a run added and removed', () => {
    run({ csdl: [CSDL], out: 'gen' });
    const xml = readFileSync(join(work, CSDL), 'utf8').replace(/<ComplexType Name="crossTenantUserSyncInbound">[\s\S]*?<\/ComplexType>/, '<ComplexType Name="crossTenantUserSyncInbound2"><Property Name="x" Type="Edm.String" /></ComplexType>').replace(/Type="graph.crossTenantUserSyncInbound"/, 'Type="graph.crossTenantUserSyncInbound2"');
    writeFileSync(join(work, CSDL), xml);
    stdout.length = 0;
    expect(run({ csdl: [CSDL], out: 'gen' })).toBe(EXIT.ok);
    const printed = stdout.join('');
    expect(printed).toContain('  + CrossTenantUserSyncInbound2\n');
    expect(printed).toContain('  - CrossTenantUserSyncInbound\n');
    expect(printed).toContain('  ~ CrossTenantIdentitySyncPolicyPartner\n');
  });

  it('leaves the previous output as it was when the input is broken', () => {
    run({ csdl: [CSDL], out: 'gen' });
    const snapshot = () => [readFileSync(join(work, 'gen/types.gen.ts'), 'utf8'), readFileSync(join(work, 'gen', MANIFEST_FILE), 'utf8')];
    const before = snapshot();
    const xml = readFileSync(join(work, CSDL), 'utf8');
    writeFileSync(join(work, CSDL), xml.replace('Type="graph.crossTenantUserSyncInbound"', 'Type="graph.missing"'));
    expect(run({ csdl: [CSDL], out: 'gen' })).toBe(EXIT.findings);
    writeFileSync(join(work, CSDL), xml.slice(0, xml.length / 2));
    expect(() => run({ csdl: [CSDL], out: 'gen' })).toThrow(UserInputError);
    expect(snapshot()).toEqual(before);
  });

  it.skipIf(!corpusAvailable)(`goes on past malformed JSON in a doc example, which shapes no code${CORPUS_SKIP_REASON}`, () => {
    const page = join(GRAPH_DOCS, 'v1.0/api/crosstenantaccesspolicyconfigurationdefault-get.md');
    const stderr: string[] = [];
    vi.mocked(process.stderr.write).mockImplementation((chunk) => (stderr.push(String(chunk)), true));
    expect(run({ csdl: [CSDL], docs: [page], out: 'gen' })).toBe(EXIT.ok);
    expect(stderr.join('')).toContain('docs/malformed-json');
    expect(existsSync(join(work, 'gen/types.gen.ts'))).toBe(true);
  });

  it('generates only what --include selects, and what it references', () => {
    run({ csdl: [CSDL], out: 'gen', include: ['microsoft.graph.crossTenantIdentitySyncPolicyPartner'] });
    const types = readFileSync(join(work, 'gen/types.gen.ts'), 'utf8');
    const exported = [...types.matchAll(/^export (?:interface|type) (\w+)/gm)].map((match) => match[1]!).filter((name) => name.startsWith('Cross'));
    expect(exported.sort()).toEqual([
      'CrossTenantIdentitySyncPolicyPartner',
      'CrossTenantIdentitySyncPolicyPartnerCreate',
      'CrossTenantIdentitySyncPolicyPartnerUpdate',
      'CrossTenantUserSyncInbound',
      'CrossTenantUserSyncInboundCreate',
      'CrossTenantUserSyncInboundUpdate',
    ]);
  });

  it('selects operations by path glob and pulls in the types along the path', () => {
    run({ csdl: [CSDL], out: 'gen', include: ['/policies/crossTenantAccessPolicy/partners/{tenantId}'] });
    const types = readFileSync(join(work, 'gen/types.gen.ts'), 'utf8');
    expect(types).toMatch(/^export interface CrossTenantAccessPolicyConfigurationPartner\b/m);
    expect(types).toMatch(/^export interface PolicyRoot\b/m);
    // Navigation to a type left out is dropped.
    expect(types).not.toMatch(/^export interface CrossTenantIdentitySyncPolicyPartner\b/m);
    expect(types).not.toContain('identitySynchronization?:');
  });
});

describe('--templates', () => {
  it('overrides a built-in template by file name', () => {
    mkdirSync(join(work, 'my-templates'));
    const builtin = readFileSync(join(PROJECT_ROOT, 'templates/ts-types/interface.hbs'), 'utf8');
    writeFileSync(join(work, 'my-templates/interface.hbs'), `// custom interface template\n${builtin}`);
    run({ csdl: [CSDL], out: 'gen', templates: 'my-templates' });
    expect(readFileSync(join(work, 'gen/types.gen.ts'), 'utf8')).toMatch(/\/\/ custom interface template\n(\/\*\*[\s\S]*?\*\/\n)?export interface CrossTenantAccessPolicy\b/);
  });

  it.each([
    ['a syntax error', '{{#each members}'],
    ['a field the view lacks', '{{nonsense}}'],
  ])('reports %s in an override as unusable input, not as our bug', (_name, template) => {
    mkdirSync(join(work, 'bad-templates'));
    writeFileSync(join(work, 'bad-templates/interface.hbs'), template);
    const attempt = () => run({ csdl: [CSDL], out: 'gen', templates: 'bad-templates' });
    expect(attempt).toThrow(UserInputError);
    expect(attempt).toThrow(/generate\/template-error/);
    expect(existsSync(join(work, 'gen'))).toBe(false);
  });

  it('refuses a folder that does not exist', () => {
    expect(() => run({ csdl: [CSDL], out: 'gen', templates: 'nowhere' })).toThrow(UserInputError);
  });
});

describe('the checked-in generated/ folder', () => {
  it('is what `npm run generate` produces from examples/ (odatakit generate --check)', () => {
    expect(generateOnce(resolveOptions({}, PROJECT_ROOT), true), stdout.join('')).toBe(EXIT.ok);
  });
});

describe('--watch', () => {
  it('regenerates when an input changes, rewriting only changed files', async () => {
    const options = resolveOptions({ csdl: [CSDL], out: 'gen' }, work);
    let runs = 0;
    const handle = startWatch(options, () => (runs++, generateOnce(options, false)), () => {});
    try {
      await handle.ready;
      expect(runs).toBe(1);
      const types = join(work, 'gen/types.gen.ts');
      const xml = readFileSync(join(work, CSDL), 'utf8');
      writeFileSync(join(work, CSDL), xml.replace('<Property Name="isSyncAllowed" Type="Edm.Boolean" />', '<Property Name="isSyncAllowed" Type="Edm.Boolean" /><Property Name="watched" Type="Edm.String" />'));
      await vi.waitFor(() => expect(readFileSync(types, 'utf8')).toContain('watched?: string | null;'), { timeout: 10_000, interval: 50 });
      expect(runs).toBe(2);
    } finally {
      await handle.close();
    }
  });
});
