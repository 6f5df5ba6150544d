import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { UserInputError } from '../../diagnostics/user-error.ts';
import { buildModel } from './build-model.ts';
import { build, edmx } from './__fixtures__/edmx.ts';

function thrown(text: string): UserInputError {
  try {
    buildModel([{ file: 'bad.xml', text }], new DiagnosticCollector());
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error('expected a UserInputError');
}

describe('unusable input', () => {
  it('reports malformed XML at its line and column', () => {
    const error = thrown('<edmx:Edmx>\n  <a>\n  </b>\n</edmx:Edmx>');
    expect(error.diagnostics).toEqual([
      expect.objectContaining({ file: 'bad.xml', line: 3, column: 3, code: 'csdl/malformed-xml', severity: 'error' }),
    ]);
  });

  it.each([
    ['DOCTYPE', '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY lol "lol">]>\n<edmx:Edmx/>', 2],
    ['entity declaration', '<edmx:Edmx>\n<!ENTITY x SYSTEM "file:///etc/passwd">\n</edmx:Edmx>', 2],
  ])('refuses a %s (no entity expansion)', (_name, text, line) => {
    expect(thrown(text).diagnostics).toEqual([expect.objectContaining({ code: 'csdl/doctype-refused', line })]);
  });

  it('refuses a document whose root is not edmx:Edmx', () => {
    const diagnostics = new DiagnosticCollector();
    buildModel([{ file: 'x.xml', text: '<root/>' }], diagnostics);
    expect(diagnostics.sorted().map((d) => d.code)).toEqual(['csdl/not-edmx']);
  });
});

describe('schema errors are diagnostics and the rest of the model still builds', () => {
  it('reports unknown type references', () => {
    const { model, diagnostics } = build(`<ComplexType Name="a"><Property Name="p" Type="t.nope" /></ComplexType>
      <ComplexType Name="ok" />`);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'csdl/unresolved-type', line: 8, message: 'Type test.ns.nope referenced by test.ns.a/p is not defined' }),
    ]);
    expect(Object.keys(model.types)).toEqual(['test.ns.a', 'test.ns.ok']);
  });

  it('reports cyclic base types without looping', () => {
    const { diagnostics } = build(`<ComplexType Name="a" BaseType="t.b" /><ComplexType Name="b" BaseType="t.a" />`);
    expect(diagnostics.map((d) => d.code)).toEqual(['csdl/cyclic-base-type', 'csdl/cyclic-base-type']);
  });

  it('reports duplicate names and keeps the first', () => {
    const { model, diagnostics } = build(`<ComplexType Name="a"><Property Name="first" Type="Edm.String" /></ComplexType>
      <ComplexType Name="a" />`);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'csdl/duplicate-name', line: 9 })]);
    expect(model.types['test.ns.a']).toMatchObject({ properties: [expect.objectContaining({ name: 'first' })] });
  });

  it('reports a missing required attribute', () => {
    const { diagnostics } = build(`<ComplexType Name="a"><Property Type="Edm.String" /></ComplexType>`);
    expect(diagnostics.map((d) => d.code)).toContain('csdl/missing-attribute');
  });

  it('reports unknown key properties', () => {
    const { diagnostics } = build(`<EntityType Name="e"><Key><PropertyRef Name="nope" /></Key></EntityType>`);
    expect(diagnostics.map((d) => d.code)).toEqual(['csdl/unknown-key-property']);
  });

  it('handles a byte-order mark', () => {
    const diagnostics = new DiagnosticCollector();
    const model = buildModel([{ file: 'bom.xml', text: `\uFEFF${edmx('<ComplexType Name="a" />')}` }], diagnostics);
    expect(model.types['test.ns.a']!.source).toEqual({ file: 'bom.xml', line: 8, column: 1 });
  });
});

describe('XML character data', () => {
  it('decodes predefined entities and character references once, expanding nothing else', () => {
    const { model } = build(`<ComplexType Name="a">
        <Annotation Term="Org.OData.Core.V1.Description" String="&quot;draft&quot; &amp; &lt;b&gt; &apos;x&apos; &#65;&#x42; &amp;quot;" />
      </ComplexType>`);
    expect(model.types['test.ns.a']!.description).toBe(`"draft" & <b> 'x' AB &quot;`);
  });
});
