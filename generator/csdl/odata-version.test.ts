import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';
import { buildText, refusal } from './__fixtures__/models.ts';

const V3 = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="3.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx">
  <edmx:DataServices m:DataServiceVersion="3.0" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">
    <Schema Namespace="ODataDemo" xmlns="http://schemas.microsoft.com/ado/2009/11/edm">
      <EntityType Name="Product"><Key><PropertyRef Name="ID" /></Key><Property Name="ID" Type="Edm.Int32" Nullable="false" /><Property Name="ReleaseDate" Type="Edm.DateTime" /></EntityType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

const V2_IN_V4_ENVELOPE = `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="n" xmlns="http://schemas.microsoft.com/ado/2008/09/edm" />
  </edmx:DataServices>
</edmx:Edmx>`;

describe('OData V1-V3 documents are refused with the version found', () => {
  it('a V3 document (EDMX 1.0 namespace, DataServiceVersion 3.0, CSDL 3.0)', () => {
    expect(refusal(V3)).toEqual([
      expect.objectContaining({
        code: 'csdl/unsupported-version',
        line: 2,
        column: 1,
        message: expect.stringMatching(/^This is an OData V3 document \(.*DataServiceVersion="3\.0".*CSDL 3\.0.*\); odatakit reads only OData V4/),
      }),
    ]);
  });

  it('a V2 schema inside a V4 envelope, at the schema', () => {
    expect(refusal(V2_IN_V4_ENVELOPE)).toEqual([
      expect.objectContaining({ code: 'csdl/unsupported-version', line: 3, column: 5, message: expect.stringContaining('OData V2 document') }),
    ]);
  });

  it('a V4 document is not refused for its DataServiceVersion 4.0', () => {
    const { diagnostics } = buildText(`<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices m:DataServiceVersion="4.0" xmlns:m="urn:m"><Schema Namespace="n" xmlns="http://docs.oasis-open.org/odata/ns/edm" /></edmx:DataServices>
</edmx:Edmx>`);
    expect(diagnostics).toEqual([]);
  });
});

describe('documents that are not EDMX are refused', () => {
  it.each([
    ['an element of another namespace', '<Edmx xmlns="urn:not-odata" />', /the root element is <Edmx> in the namespace urn:not-odata/],
    ['an element in no namespace', '<root/>', /the root element is <root> in no namespace/],
  ])('%s', (_name, text, message) => {
    expect(buildText(text).diagnostics).toEqual([expect.objectContaining({ code: 'csdl/not-edmx', line: 1, column: 1, message: expect.stringMatching(message) })]);
  });

  it('an HTML page (what a server sends instead of $metadata)', () => {
    expect(refusal('<!DOCTYPE html>\n<html><body>Sign in</body></html>')).toEqual([
      expect.objectContaining({ code: 'csdl/not-edmx', line: 1, column: 1, message: expect.stringContaining('<html> (an HTML page)') }),
    ]);
  });
});

describe('odatakit inspect on a V3 document', () => {
  it('exits 2 with one message, no partial model', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'odatakit-version-')), 'v3.xml');
    writeFileSync(path, V3);
    const result = runCli(['inspect', '--csdl', path]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^${path}:2:1 error csdl/unsupported-version This is an OData V3 document`))]);
  });
});
