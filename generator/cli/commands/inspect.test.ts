import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_SKIP_REASON, corpusAvailable, GRAPH_CSDL } from '../../testing/corpus.ts';
import { runCli } from '../../testing/run-cli.ts';

const CSDL = 'examples/csdl/cross-tenant-sync.xml';
const scratch = mkdtempSync(join(tmpdir(), 'odatakit-inspect-'));

function file(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('odatakit inspect', () => {
  it('prints a summary and the operations, exit 0', () => {
    const result = runCli(['inspect', '--csdl', CSDL, '--docs', 'examples/docs']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/entityTypes\s+7/);
    expect(result.stdout).toContain('PATCH  /policies/crossTenantAccessPolicy/partners/{tenantId}/identitySynchronization  -> 204 [docs]');
  });

  it('prints one type as JSON', () => {
    const result = runCli(['inspect', '--csdl', CSDL, '--type', 'microsoft.graph.crossTenantIdentitySyncPolicyPartner']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).type.key).toEqual(['tenantId']);
  });

  it('prints the whole model as JSON', () => {
    const result = runCli(['inspect', '--csdl', CSDL, '--format', 'json']);
    expect(Object.keys(JSON.parse(result.stdout).model.types)).toHaveLength(8);
  });

  it('exits 1 when the input has errors, with file:line:col', () => {
    const path = file('unresolved.xml', `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="n" xmlns="http://docs.oasis-open.org/odata/ns/edm">
  <ComplexType Name="a"><Property Name="p" Type="n.missing" /></ComplexType>
</Schema></edmx:DataServices></edmx:Edmx>`);
    const result = runCli(['inspect', '--csdl', path]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${path}:3:25 error csdl/unresolved-type Type n.missing referenced by n.a/p is not defined`);
  });

  it.each([
    ['malformed XML', 'bad.xml', '<edmx:Edmx>\n  <a></b>\n</edmx:Edmx>', ':2:6 error csdl/malformed-xml'],
    ['a DOCTYPE', 'doctype.xml', '<!DOCTYPE x [<!ENTITY a "b">]>\n<edmx:Edmx/>', ':1:1 error csdl/doctype-refused'],
  ])('exits 2 on %s, with its position and no stack trace', (_name, name, text, expected) => {
    const path = file(name, text);
    const result = runCli(['inspect', '--csdl', path]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${path}${expected}`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on malformed annotation JSON in a doc page', () => {
    const path = file('page.md', '# x\n\n<!-- { "blockType": "resource", } -->\n```json\n{}\n```\n');
    const result = runCli(['inspect', '--docs', path]);
    expect(result.stderr).toMatch(/page\.md:3:\d+ error docs\/malformed-annotation/);
    expect(result.status).toBe(2);
  });

  it.each([
    [['inspect', '--csdl', 'does-not-exist.xml'], 'does-not-exist.xml:1:1 error input/not-found'],
    [['inspect', '--format', 'yaml', '--csdl', CSDL], 'expected one of text, json'],
    [['inspect'], 'give at least one input'],
    [['nonsense'], "unknown command 'nonsense'"],
  ])('exits 2 on unusable arguments: %j', (args, expected) => {
    const result = runCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(expected);
  });

  it('answers --help for the program and the command', () => {
    expect(runCli(['--help']).stdout).toContain('inspect');
    const help = runCli(['inspect', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Exit codes');
  });
});

describe.skipIf(!corpusAvailable)(`odatakit inspect on Graph v1.0${CORPUS_SKIP_REASON}`, () => {
  it('builds without errors', () => {
    const result = runCli(['inspect', '--csdl', GRAPH_CSDL]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/entityTypes\s+1182/);
  });
});
