import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { RAW_EMITTER_OPTIONS, typeCheckFolder } from '../../testing/typecheck.ts';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { loadModel } from '../../load-model.ts';
import { build } from '../../model/build/__fixtures__/edmx.ts';
import type { Model } from '../../model/types.ts';
import type { ValidationIssue, ValidationMode } from '../../runtime/validation/index.ts';
import { EXAMPLE_CSDL } from '../../testing/corpus.ts';
import type { OutputFile } from '../emitter.ts';
import { createTemplateRenderer } from '../templates.ts';
import { tsTypesEmitter } from '../ts-types/index.ts';
import { validatorsEmitter } from './emitter.ts';

/** The emitted validators with their runtime, written out, type-checked and imported. */
function emit(model: Model): OutputFile[] {
  const context = { model, templates: createTemplateRenderer(), options: { ieee754Compatible: false }, diagnostics: new DiagnosticCollector() };
  return [...tsTypesEmitter.emit(context), ...validatorsEmitter.emit(context)];
}

/** Writes the files, and a package.json that makes the folder an ES module package, as a user's would. */
function writeOut(folder: string, files: OutputFile[]): void {
  writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
  for (const file of files) {
    mkdirSync(dirname(join(folder, file.path)), { recursive: true });
    writeFileSync(join(folder, file.path), file.content);
  }
}

/** `tsc --noEmit --strict` over the folder (unused locals too); returns the messages. */
function typeCheck(folder: string, files: OutputFile[]): string[] {
  return typeCheckFolder(folder, files.map((file) => file.path), { ...RAW_EMITTER_OPTIONS, noUnusedLocals: true, skipLibCheck: false });
}

interface GeneratedModule {
  validate(typeName: string, value: unknown, mode: ValidationMode): ValidationIssue[];
  validators: Record<string, { type: string; read(value: unknown): { ok: boolean; issues: ValidationIssue[] }; update(value: unknown): { ok: boolean; issues: ValidationIssue[] }; is(value: unknown): boolean }>;
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'odatakit-validators-'));
  folders.push(folder);
  return folder;
}

describe('the validators emitter on the bundled example', () => {
  let files: OutputFile[];
  let folder: string;
  beforeAll(() => {
    files = emit(loadModel({ csdl: [EXAMPLE_CSDL] }).model);
    folder = tempFolder();
    writeOut(folder, files);
  });

  it('writes validators.gen.ts, acceptors.gen.ts and the runtime, which imports nothing outside its folder', () => {
    const paths = files.map((file) => file.path).filter((path) => path !== 'types.gen.ts');
    expect(paths.slice(0, 2)).toEqual(['validators.gen.ts', 'acceptors.gen.ts']);
    expect(paths.slice(2).every((path) => /^runtime\/validation\/[a-z-]+\.ts$/.test(path))).toBe(true);
    for (const file of files.filter((item) => item.path.startsWith('runtime/'))) {
      for (const [, specifier] of file.content.matchAll(/from '([^']+)'/g)) expect(specifier, file.path).toMatch(/^\.\/[a-z-]+\.ts$/);
      expect(file.path.endsWith('.test.ts')).toBe(false);
    }
  });

  it('is deterministic and uses LF only', () => {
    const again = emit(loadModel({ csdl: [EXAMPLE_CSDL] }).model);
    expect(again).toEqual(files);
    for (const file of files) expect(file.content.includes('\r')).toBe(false);
  });

  it('type-checks with --strict', () => {
    expect(typeCheck(folder, files)).toEqual([]);
  });

  it('works when imported', async () => {
    const generated = (await import(pathToFileURL(join(folder, 'validators.gen.ts')).href)) as GeneratedModule;
    const partner = generated.validators.crossTenantIdentitySyncPolicyPartner!;
    expect(partner.type).toBe('microsoft.graph.crossTenantIdentitySyncPolicyPartner');
    expect(partner.read({ tenantId: 'x', userSyncInbound: { isSyncAllowed: true } })).toEqual({ ok: true, value: expect.any(Object), issues: [] });
    expect(partner.update({ tenantId: 'x' }).issues.map((issue) => `${issue.path} ${issue.code}`)).toEqual(['/tenantId key-in-update']);
    expect(partner.is({ displayName: 5 })).toBe(false);
    expect(generated.validate('graph.policyBase', { '@odata.type': '#graph.crossTenantAccessPolicy', allowedCloudEndpoints: [1] }, 'read').map((issue) => issue.path)).toEqual(['/allowedCloudEndpoints/0']);
  });

  it('has type guards and result types from types.gen.ts', () => {
    const source = readFileSync(join(folder, 'validators.gen.ts'), 'utf8');
    expect(source).toContain('crossTenantIdentitySyncPolicyPartner: entry<Types.CrossTenantIdentitySyncPolicyPartner, Types.CrossTenantIdentitySyncPolicyPartnerCreate, Types.CrossTenantIdentitySyncPolicyPartnerUpdate>(');
  });
});

describe('the table walk alone ("validatorAcceptors": false)', () => {
  it('writes no acceptors, and validates the same', async () => {
    const model = loadModel({ csdl: [EXAMPLE_CSDL] }).model;
    const context = { model, templates: createTemplateRenderer(), options: { ieee754Compatible: false, validatorAcceptors: false }, diagnostics: new DiagnosticCollector() };
    const files = [...tsTypesEmitter.emit(context), ...validatorsEmitter.emit(context)];
    expect(files.map((file) => file.path)).not.toContain('acceptors.gen.ts');
    expect(files.find((file) => file.path === 'validators.gen.ts')!.content).not.toContain('acceptors');
    const folder = tempFolder();
    writeOut(folder, files);
    expect(typeCheck(folder, files)).toEqual([]);
    const generated = (await import(pathToFileURL(join(folder, 'validators.gen.ts')).href)) as GeneratedModule;
    const partner = generated.validators.crossTenantIdentitySyncPolicyPartner!;
    expect(partner.read({ tenantId: 'x', userSyncInbound: { isSyncAllowed: true } }).ok).toBe(true);
    expect(partner.update({ tenantId: 'x' }).issues.map((issue) => `${issue.path} ${issue.code}`)).toEqual(['/tenantId key-in-update']);
  });
});

describe('hostile schemas', () => {
  const HOSTILE = `
      <EnumType Name="case"><Member Name="__proto__" Value="0" /><Member Name="it's" Value="1" /></EnumType>
      <ComplexType Name="constructor">
        <Property Name="__proto__" Type="Edm.Int32" />
        <Property Name="constructor" Type="Edm.Boolean" />
        <Property Name="toString" Type="t.case" />
        <Property Name="../x" Type="Edm.String" />
      </ComplexType>
      <Annotations Target="t.constructor">
        <Annotation Term="Org.OData.Core.V1.Description" String="*/ \${process.exit(1)} \` &lt;/script&gt; '); throw 1; ('" />
      </Annotations>`;
  let files: OutputFile[];
  let folder: string;
  beforeAll(() => {
    files = emit(build(HOSTILE).model);
    folder = tempFolder();
    writeOut(folder, files);
  });

  it('type-checks, and holds no code from the input', () => {
    expect(typeCheck(folder, files)).toEqual([]);
    for (const path of ['validators.gen.ts', 'acceptors.gen.ts']) expect(files.find((file) => file.path === path)!.content).not.toContain('process.exit');
    // Names are string literals in the acceptors, escaped where needed.
    expect(files.find((file) => file.path === 'acceptors.gen.ts')!.content).toContain('case "../x":');
  });

  it('validates prototype-named properties as data', async () => {
    const generated = (await import(pathToFileURL(join(folder, 'validators.gen.ts')).href)) as GeneratedModule;
    const issues = (text: string) => generated.validate('test.ns.constructor', JSON.parse(text), 'create').map((issue) => `${issue.path} ${issue.code}`);
    expect(issues('{"__proto__": 1, "constructor": true, "toString": "__proto__", "../x": "y"}')).toEqual([]);
    expect(issues('{"__proto__": "1", "constructor": 1, "toString": "valueOf", "hasOwnProperty": 1}')).toEqual([
      '/__proto__ type',
      '/constructor type',
      '/toString enum',
      '/hasOwnProperty unknown-property',
    ]);
  });
});
