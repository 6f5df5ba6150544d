import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../diagnostics/line-index.ts';
import { CORPUS_SKIP_REASON } from '../testing/corpus.ts';
import { canonicalizeNamespaces } from './namespaces.ts';
import { readPlainDocument } from './plain-reader.ts';
import { buildText, corpusText, CSDL_OTHER, refusal, withoutPositions } from './__fixtures__/models.ts';

const NORTHWIND = join(CSDL_OTHER, 'northwind-v4.xml');
const haveNorthwind = existsSync(NORTHWIND);
const EDM = 'http://docs.oasis-open.org/odata/ns/edm';

/** EDMX as `ns0:`, EDM as `ns1:` declared on each schema: one rewrite, by a script of our own. */
function prefixedEdm(text: string): string {
  return text
    .replace(/xmlns:edmx=/g, 'xmlns:ns0=')
    .replace(/<(\/?)edmx:/g, '<$1ns0:')
    .replace(/ xmlns="http:\/\/docs\.oasis-open\.org\/odata\/ns\/edm"/g, ` xmlns:ns1="${EDM}"`)
    .replace(/<(\/?)([A-Z][\w.]*)/g, '<$1ns1:$2');
}

/** EDMX as the default namespace, EDM as `e:`: the other way round. */
function defaultEdmx(text: string): string {
  return text
    .replace(/<(\/?)([A-Z][\w.]*)/g, '<$1e:$2')
    .replace(/ xmlns="http:\/\/docs\.oasis-open\.org\/odata\/ns\/edm"/g, ` xmlns:e="${EDM}"`)
    .replace(/xmlns:edmx=/g, 'xmlns=')
    .replace(/<(\/?)edmx:/g, '<$1');
}

/** Python's ElementTree, as the user re-serialised the file (ns0:, ns1:; then a default namespace). */
function elementTree(path: string, defaultNamespace?: string): string | undefined {
  const script = `import sys, xml.etree.ElementTree as ET
if len(sys.argv) > 2: ET.register_namespace('', sys.argv[2])
sys.stdout.write(ET.tostring(ET.parse(sys.argv[1]).getroot(), encoding='unicode'))`;
  const result = spawnSync('python3', ['-c', script, path, ...(defaultNamespace ? [defaultNamespace] : [])], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout : undefined;
}
const python = spawnSync('python3', ['-c', 'import xml.etree.ElementTree'], { encoding: 'utf8' }).status === 0;

describe(`namespaces by URI: the re-prefixed Northwind gives the same model${CORPUS_SKIP_REASON}`, () => {
  const original = haveNorthwind ? buildText(corpusText('northwind-v4.xml'), 'northwind.xml') : undefined;

  it.skipIf(!haveNorthwind).each([
    ['ns0:/ns1: prefixes', prefixedEdm],
    ['EDMX as the default namespace', defaultEdmx],
  ])('%s', (_name, rewrite) => {
    const text = rewrite(corpusText('northwind-v4.xml'));
    expect(text).not.toContain('<edmx:');
    const rewritten = buildText(text, 'rewritten.xml');
    expect(Object.keys(original!.model.types).length).toBeGreaterThan(20);
    expect(withoutPositions(rewritten.model)).toEqual(withoutPositions(original!.model));
    expect(rewritten.diagnostics.map((d) => d.code)).toEqual(original!.diagnostics.map((d) => d.code));
  });

  it.skipIf(!haveNorthwind || !python).each([
    ['ns0:, ns1:', undefined],
    ['default EDMX namespace', 'http://docs.oasis-open.org/odata/ns/edmx'],
    ['default EDM namespace', EDM],
  ])(`as Python's ElementTree writes it (%s)${python ? '' : ' (skipped: no python3)'}`, (_name, defaultNamespace) => {
    const text = elementTree(NORTHWIND, defaultNamespace)!;
    const rewritten = buildText(text, 'elementtree.xml');
    expect(withoutPositions(rewritten.model)).toEqual(withoutPositions(original!.model));
  });
});

describe('namespaces by URI: small documents', () => {
  it('follows declarations in scope: rebound prefixes, undeclared defaults, foreign elements and attributes', () => {
    const { model } = buildText(`<x:Edmx Version="4.0" xmlns:x="http://docs.oasis-open.org/odata/ns/edmx" xmlns:a="urn:other">
  <x:DataServices>
    <a:Schema Namespace="foreign" />
    <a:Schema Namespace="n" xmlns:a="${EDM}">
      <a:ComplexType Name="c">
        <a:Property Name="p" Type="Edm.String" sap:Type="Edm.Int32" xmlns:sap="urn:sap" />
        <Property Name="q" Type="Edm.Int32" xmlns="${EDM}" />
        <Property Name="not-csdl" Type="Edm.Int32" />
      </a:ComplexType>
      <ComplexType Name="none" xmlns="" />
      <x:ComplexType Name="edmx-is-not-edm" />
    </a:Schema>
  </x:DataServices>
</x:Edmx>`);
    expect(Object.keys(model.types)).toEqual(['n.c']);
    expect(model.schemas.map((schema) => schema.namespace)).toEqual(['n']);
    const type = model.types['n.c'];
    expect(type?.kind === 'complex' && type.properties.map((p) => `${p.name}:${p.type}`)).toEqual(['p:Edm.String', 'q:Edm.Int32']);
  });

  it('refuses an undeclared prefix with its position (exit 2)', () => {
    expect(refusal(`<e:Edmx Version="4.0" xmlns:e="http://docs.oasis-open.org/odata/ns/edmx">\n <e:DataServices>\n  <s:Schema Namespace="n"/>\n </e:DataServices>\n</e:Edmx>`)).toEqual([
      expect.objectContaining({ code: 'csdl/malformed-xml', line: 3, column: 3, message: expect.stringContaining('prefix "s" of <s:Schema> is not declared') }),
    ]);
  });

  it('refuses a schema in no namespace, naming the expected one', () => {
    expect(refusal(`<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">\n <edmx:DataServices>\n  <Schema Namespace="n"/>\n </edmx:DataServices>\n</edmx:Edmx>`)).toEqual([
      expect.objectContaining({ code: 'csdl/wrong-namespace', line: 3, column: 3, message: `<Schema> is in no namespace, not in the CSDL namespace ${EDM}, so it is not CSDL` }),
    ]);
  });
});

describe('namespaces by URI: the common case is not rewritten', () => {
  const parse = (text: string) => {
    const root = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', attributesGroupName: '$', isArray: (_n, _p, _l, attribute) => !attribute }).parse(text)['edmx:Edmx'][0];
    return { root, canonical: canonicalizeNamespaces(text, 'edmx:Edmx', root, new LineIndex('t.xml', text)) };
  };
  const schema = (body: string) =>
    `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices><Schema Namespace="n" xmlns="${EDM}">${body}</Schema></edmx:DataServices></edmx:Edmx>`;

  it('an unused extra prefix for EDM (as Graph declares xmlns:edm on annotations) keeps the parsed tree as it is', () => {
    const { root, canonical } = parse(schema(`<ComplexType Name="c"><Annotation Term="t" xmlns:edm="${EDM}" /></ComplexType>`));
    expect(canonical.root).toBe(root);
  });

  it('asked with the element names (as the plain reader collects them), answers as the text search does, or more exactly', () => {
    const names = (text: string) => {
      const elementNames = new Set<string>();
      readPlainDocument(text, elementNames);
      return elementNames;
    };
    const unused = schema(`<ComplexType Name="c"><Annotation Term="t" xmlns:edm="${EDM}" /></ComplexType>`);
    const root = parse(unused).root;
    expect(canonicalizeNamespaces(unused, 'edmx:Edmx', root, new LineIndex('t.xml', unused), names(unused)).root).toBe(root);
    const used = schema(`<edm:ComplexType Name="c" xmlns:edm="${EDM}"><edm:Property Name="p" Type="Edm.String" /></edm:ComplexType>`);
    const usedRoot = parse(used).root;
    const fromNames = canonicalizeNamespaces(used, 'edmx:Edmx', usedRoot, new LineIndex('t.xml', used), names(used));
    expect(fromNames.root).not.toBe(usedRoot);
    expect(JSON.stringify(fromNames)).toBe(JSON.stringify(parse(used).canonical));
    // `<edm:` only in a comment: the text search rewrites (to the same tree), the names need not.
    const inComment = schema(`<!-- <edm:ComplexType/> --><ComplexType Name="c"><Annotation Term="t" xmlns:edm="${EDM}" /></ComplexType>`);
    const commentRoot = parse(inComment).root;
    const rewritten = canonicalizeNamespaces(inComment, 'edmx:Edmx', commentRoot, new LineIndex('t.xml', inComment));
    expect(rewritten.root).not.toBe(commentRoot);
    const kept = canonicalizeNamespaces(inComment, 'edmx:Edmx', commentRoot, new LineIndex('t.xml', inComment), names(inComment));
    expect(kept.root).toBe(commentRoot);
    expect(JSON.stringify(kept)).toBe(JSON.stringify(rewritten));
  });

  it('a used one is followed', () => {
    const text = schema(`<edm:ComplexType Name="c" xmlns:edm="${EDM}"><edm:Property Name="p" Type="Edm.String" /></edm:ComplexType>`);
    expect(parse(text).canonical.root).not.toBe(parse(text).root);
    const type = buildText(text).model.types['n.c'];
    expect(type?.kind === 'complex' && type.properties.map((p) => p.name)).toEqual(['p']);
  });
});
