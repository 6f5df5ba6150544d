import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { loadModel } from '../load-model.ts';
import type { StructuredType } from '../model/types.ts';
import { typeCheckFiles, typeCheckOutput } from '../testing/typecheck.ts';
import { planGenerate } from './generate.ts';
import { applyPlan } from './output.ts';
import { createTemplateRenderer } from './templates.ts';
import { tsTypesEmitter } from './ts-types/index.ts';

/**
 * Hostile input (issue 3): descriptions that try to end comments, strings and template
 * literals, names that are reserved words, not identifiers, path traversals or prototype
 * keys. The output must compile, hold no code from the input, and stay inside --out.
 * Every payload calls `pwned()`; the generated code must never contain that identifier.
 */
const FIXTURE = join(import.meta.dirname, '__fixtures__/hostile.xml');

/** Identifiers in the code, comments and string contents aside. */
function identifiers(fileName: string, text: string): Set<string> {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) found.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

describe('generate on hostile CSDL', () => {
  let root: string;
  let out: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'odatakit-hostile-'));
    out = join(root, 'nested/out');
    const run = planGenerate({ csdl: [FIXTURE], docs: [], out, include: [], emit: { ieee754Compatible: false } });
    expect(run.diagnostics.items.filter((item) => item.severity === 'error')).toEqual([]);
    applyPlan(run.plan!);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes nothing outside --out', () => {
    expect(readdirSync(root)).toEqual(['nested']);
    expect(readdirSync(join(root, 'nested'))).toEqual(['out']);
    for (const file of listFiles(out)) expect(file).not.toMatch(/(^|\/)\.\.(\/|$)/);
  });

  it('compiles under --strict', () => {
    const files = listFiles(out).filter((file) => file.endsWith('.ts'));
    expect(files).toContain('types.gen.ts');
    expect(typeCheckOutput(out, files)).toEqual([]);
  });

  it('holds no code from the input: payloads stay in comments and strings', () => {
    for (const file of listFiles(out).filter((item) => item.endsWith('.ts'))) {
      const text = readFileSync(join(out, file), 'utf8');
      expect(identifiers(file, text).has('pwned'), `${file} calls pwned()`).toBe(false);
    }
    const types = readFileSync(join(out, 'types.gen.ts'), 'utf8');
    expect(types).toContain('pwned()');
  });

  it('gives reserved and non-identifier names safe TypeScript names', () => {
    const types = readFileSync(join(out, 'types.gen.ts'), 'utf8');
    const exported = [...types.matchAll(/^export (?:interface|type) (\w+)/gm)].map((match) => match[1]);
    expect(exported).toEqual(expect.arrayContaining(['Case_', 'Class_', 'Constructor_', 'Proto', 'String_', 'Date', 'Error', 'ODataCollection']));
    expect(exported).toContain('ODataCollection_');
    expect(new Set(exported).size).toBe(exported.length);
    expect(types).toContain('"__proto__"?: string | null;');
    expect(types).toContain('constructor?: string | null;');
  });
});

describe('raw payloads the XML front end would decode', () => {
  // Entities in attributes reach the model decoded; inject the raw characters directly.
  const PAYLOADS = [
    '*/ pwned(); /*',
    '" + pwned() + "',
    "' + pwned() + '",
    '`${pwned()}`',
    '</script><script>pwned()</script>',
    'line\u2028pwned()\u2029end',
    'cr\rpwned()\nlf',
    '\\u002a/ pwned()',
  ];

  it.each(PAYLOADS)('%j as a description, a property name and an enum member', (payload) => {
    const { model } = loadModel({ csdl: [FIXTURE] });
    const type = model.types['hostile.case'] as StructuredType;
    type.description = payload;
    type.longDescription = payload;
    type.properties[0]!.name = payload;
    type.properties[1]!.description = payload;
    const enumType = model.types['hostile.evil-enum']!;
    if (enumType.kind === 'enum') enumType.members[0]!.name = payload;
    const [file] = tsTypesEmitter.emit({
      model,
      templates: createTemplateRenderer(),
      options: { ieee754Compatible: false },
      diagnostics: new DiagnosticCollector(),
    });
    expect(identifiers('types.gen.ts', file!.content).has('pwned')).toBe(false);
    expect(typeCheckFiles({ 'types.gen.ts': file!.content })).toEqual([]);
  });
});
