import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { edmx } from './__fixtures__/edmx.ts';
import { buildModel } from './build-model.ts';

const service = (container: string) => `
      <EntityType Name="item"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
      <EntityContainer Name="${container}"><EntitySet Name="items" EntityType="t.item" /></EntityContainer>`;

function build(...texts: string[]) {
  const diagnostics = new DiagnosticCollector();
  const model = buildModel(texts.map((text, index) => ({ file: `f${index}.xml`, text })), diagnostics);
  return { model, diagnostics: diagnostics.sorted() };
}

describe('one service per run', () => {
  it('refuses a second service once, naming both containers, and leaves its names out', () => {
    const { model, diagnostics } = build(edmx(service('one')), edmx(service('two')));
    expect(diagnostics.map((d) => [d.file, d.line, d.code])).toEqual([['f1.xml', 10, 'csdl/several-services']]);
    expect(diagnostics[0]!.message).toBe(
      'Entity container test.ns.two is another service than test.ns.one (at f0.xml:10:7); odatakit builds one service per run: run it once per service, each with its own --out',
    );
    expect(model.entityContainer!.name).toBe('one');
  });

  it('joins the parts of one service, and still tells a container given twice', () => {
    const annotations = edmx('<Annotations Target="test.ns.item"><Annotation Term="Core.Description" String="An item." /></Annotations>', '', 'Namespace="annotations.ns"');
    const parts = build(edmx(service('one')), annotations);
    expect(parts.diagnostics).toEqual([]);
    expect(parts.model.types['test.ns.item']!.description).toBe('An item.');
    const twice = build(edmx(service('one')), edmx(service('one')));
    expect(twice.diagnostics.map((d) => d.code)).toContain('csdl/duplicate-name');
  });
});
