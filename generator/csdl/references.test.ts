import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, loadModelFrom } from '../load-model.ts';
import { PROJECT_ROOT } from '../testing/corpus.ts';

const EDMX = 'xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"';
const EDM = 'xmlns="http://docs.oasis-open.org/odata/ns/edm"';

function document(references: string, schema: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" ${EDMX}>
${references}
  <edmx:DataServices>
${schema}
  </edmx:DataServices>
</edmx:Edmx>
`;
}

const reference = (uri: string, namespace: string, alias: string) =>
  `  <edmx:Reference Uri="${uri}"><edmx:Include Namespace="${namespace}" Alias="${alias}" /></edmx:Reference>`;

/** A service using a type from a document beside it, which itself references a third one (and the first, a cycle). */
const MAIN = document(
  [
    reference('https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml', 'Org.OData.Core.V1', 'Core'),
    reference('common/money.xml', 'com.example.money', 'money'),
    reference('https://sap.github.io/odata-vocabularies/vocabularies/UI.xml', 'com.sap.vocabularies.UI.v1', 'UI'),
  ].join('\n'),
  `    <Schema Namespace="com.example.shop" ${EDM}>
      <EntityType Name="Item"><Key><PropertyRef Name="Id" /></Key>
        <Property Name="Id" Type="Edm.Int32" Nullable="false"><Annotation Term="Core.Computed" /></Property>
        <Property Name="Price" Type="money.Amount" />
        <Property Name="Tag" Type="Org.OData.Core.V1.Tag" />
        <Annotation Term="UI.HeaderInfo" />
      </EntityType>
      <EntityContainer Name="Shop"><EntitySet Name="Items" EntityType="com.example.shop.Item" /></EntityContainer>
    </Schema>`,
);
const MONEY = document(
  [reference('units.xml', 'com.example.units', 'units'), reference('../main.xml', 'com.example.shop', 'shop')].join('\n'),
  `    <Schema Namespace="com.example.money" ${EDM}>
      <ComplexType Name="Amount"><Property Name="Value" Type="Edm.Decimal" /><Property Name="Unit" Type="units.Currency" /></ComplexType>
      <EntityContainer Name="NotThisService" />
    </Schema>`,
);
const UNITS = document('', `    <Schema Namespace="com.example.units" ${EDM}><EnumType Name="Currency"><Member Name="EUR" /></EnumType></Schema>`);

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'odatakit-references-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

describe('references to files beside the document', () => {
  const folder = folderWith({ 'main.xml': MAIN, 'common/money.xml': MONEY, 'common/units.xml': UNITS });

  it('loads relative references (and theirs, once each); the standard vocabularies are known without files', () => {
    const { model, diagnostics } = loadModel({ csdl: [join(folder, 'main.xml')] });
    expect(Object.keys(model.types)).toEqual(['com.example.money.Amount', 'com.example.shop.Item', 'com.example.units.Currency']);
    expect(model.entityContainer?.name).toBe('Shop'); // a referenced document's container is not this service's
    expect(model.inputs).toHaveLength(3);
    // The one diagnostic: SAP's UI vocabulary is neither standard nor beside the file; only annotations use it.
    expect(diagnostics.sorted()).toEqual([
      expect.objectContaining({
        code: 'csdl/unread-vocabulary',
        severity: 'info',
        line: 5,
        message: expect.stringMatching(/^Reference https:\/\/sap\.github\.io\/odata-vocabularies\/vocabularies\/UI\.xml \(com\.sap\.vocabularies\.UI\.v1\) was not read: .*pass it with --csdl/),
      }),
    ]);
  });

  it('an unresolved reference whose types are used: one warning naming it and saying how to pass it, beside the type errors', () => {
    const lonely = folderWith({ 'main.xml': MAIN });
    const { diagnostics } = loadModel({ csdl: [join(lonely, 'main.xml')] });
    const warnings = diagnostics.sorted().filter((d) => d.code === 'csdl/unresolved-reference');
    expect(warnings).toEqual([
      expect.objectContaining({
        line: 4,
        message: `Reference common/money.xml (com.example.money) was not read: there is no file ${join(lonely, 'common/money.xml')}. Types from it are unknown: pass the referenced document with --csdl (a file, or the URL of its $metadata)`,
      }),
    ]);
    expect(diagnostics.sorted().filter((d) => d.code === 'csdl/unresolved-type').map((d) => d.message)).toEqual([
      'Type com.example.money.Amount referenced by com.example.shop.Item/Price is not defined',
    ]);
  });

  it('a reference satisfied by another --csdl input is not reported', () => {
    const elsewhere = folderWith({ 'main.xml': MAIN, 'money.xml': MONEY.replace(/<edmx:Reference[^\n]*\n/g, '').replace('<EntityContainer Name="NotThisService" />', ''), 'ui.xml': document('', `<Schema Namespace="com.sap.vocabularies.UI.v1" ${EDM} />`) });
    const { diagnostics } = loadModel({ csdl: ['main.xml', 'money.xml', 'ui.xml'].map((name) => join(elsewhere, name)) });
    expect(diagnostics.sorted().map((d) => d.code)).toEqual(['csdl/unresolved-type']); // units.Currency: money.xml's own reference was cut
  });

  it('never reads outside the folder of the referencing document', () => {
    const outside = folderWith({ 'secret.xml': UNITS, 'inner/main.xml': document(reference('../secret.xml', 'com.example.units', 'units'), `<Schema Namespace="n" ${EDM}><ComplexType Name="c"><Property Name="p" Type="units.Currency" /></ComplexType></Schema>`) });
    const { model, diagnostics } = loadModel({ csdl: [join(outside, 'inner/main.xml')] });
    expect(model.inputs).toHaveLength(1);
    expect(diagnostics.sorted().find((d) => d.code === 'csdl/unresolved-reference')?.message).toContain(`${join(outside, 'secret.xml')} is outside the folder of`);
  });

  it('CSDL JSON references are followed the same way', () => {
    const json = JSON.stringify({
      $Version: '4.01',
      $Reference: { 'common/money.xml': { $Include: [{ $Namespace: 'com.example.money', $Alias: 'money' }] } },
      'com.example.shop': { Item: { $Kind: 'ComplexType', Price: { $Type: 'money.Amount' } } },
    });
    const jsonFolder = folderWith({ 'main.json': json, 'common/money.xml': MONEY, 'common/units.xml': UNITS, 'main.xml': MAIN });
    const { model, diagnostics } = loadModel({ csdl: [join(jsonFolder, 'main.json')] });
    expect(Object.keys(model.types)).toContain('com.example.money.Amount');
    expect(diagnostics.sorted().filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('--csdl by URL, with --header, following references by URL', () => {
  let server: Server;
  let base: string;
  const requests: { url: string; authorization: string | undefined }[] = [];

  beforeAll(async () => {
    const pages: Record<string, string> = {
      '/service/$metadata': MAIN.replace('https://sap.github.io/odata-vocabularies/vocabularies/UI.xml', 'https://elsewhere.example/UI.xml'),
      '/service/common/money.xml': MONEY,
      '/service/common/units.xml': UNITS,
    };
    server = createServer((request, response) => {
      requests.push({ url: request.url ?? '', authorization: request.headers.authorization });
      if (request.headers.authorization !== 'Bearer secret') return void response.writeHead(401).end();
      const page = pages[request.url ?? ''];
      if (page === undefined) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/xml' }).end(page);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('fetches the $metadata and its same-origin references with the headers; other origins are not fetched', async () => {
    requests.length = 0;
    const { model, diagnostics } = await loadModelFrom({ csdl: [`${base}/service/$metadata`], headers: { Authorization: 'Bearer secret' } });
    expect(Object.keys(model.types)).toEqual(['com.example.money.Amount', 'com.example.shop.Item', 'com.example.units.Currency']);
    // money.xml's reference back to ../main.xml is followed too: a 404, harmless, since the namespace is read.
    expect(requests.map((request) => request.url).sort()).toEqual(['/service/$metadata', '/service/common/money.xml', '/service/common/units.xml', '/service/main.xml']);
    expect(requests.every((request) => request.authorization === 'Bearer secret')).toBe(true);
    expect(diagnostics.sorted()).toEqual([
      expect.objectContaining({ code: 'csdl/unread-vocabulary', file: `${base}/service/$metadata`, message: expect.stringContaining('it is on https://elsewhere.example') }),
    ]);
  });

  /** The CLI in a child process, without blocking this one (it serves the requests). */
  const run = (args: string[], cwd = PROJECT_ROOT) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/odatakit-dev.mjs'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (status) => done({ status, stdout, stderr }));
    });

  it('odatakit generate --csdl URL --header writes the client', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'odatakit-url-generate-'));
    const result = await run(['generate', '--csdl', `${base}/service/$metadata`, '--header', 'Authorization: Bearer secret', '--out', 'out'], folder);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(folder, 'out/types.gen.ts'), 'utf8')).toContain('Amount');
    expect(JSON.parse(readFileSync(join(folder, 'out/.odatakit-manifest.json'), 'utf8')).inputs).toHaveProperty([`${base}/service/$metadata`]);
  });

  it('odatakit validate-docs takes --csdl URL --header too', async () => {
    const page = join(mkdtempSync(join(tmpdir(), 'odatakit-url-docs-')), 'item.md');
    writeFileSync(page, '# item resource type\n\nNamespace: com.example.shop\n');
    const result = await run(['validate-docs', page, '--csdl', `${base}/service/$metadata`, '--header', 'Authorization: Bearer secret']);
    expect(result.stderr).not.toContain('fetch-failed');
    expect(result.status, result.stderr).toBe(0);
  });

  it('odatakit inspect --csdl URL --header: exit 0; without the header: exit 2 naming the URL and the status', async () => {
    const [ok, refused] = await Promise.all([
      run(['inspect', '--csdl', `${base}/service/$metadata`, '--header', 'Authorization: Bearer secret']),
      run(['inspect', '--csdl', `${base}/service/$metadata`]),
    ]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/complexTypes\s+1/);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${base}/service/$metadata:1:1 error input/fetch-failed Cannot fetch ${base}/service/$metadata: the server answered 401 Unauthorized; pass credentials with --header 'Authorization: ...'`);
  });

  it('refuses plain http:// to other hosts', async () => {
    await expect(loadModelFrom({ csdl: ['http://example.com/$metadata'] })).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ code: 'input/fetch-failed', message: expect.stringContaining('only https:// URLs are fetched') })],
    });
  });
});
