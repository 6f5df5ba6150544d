import { DiagnosticCollector } from '../../../diagnostics/collector.ts';
import { buildModel } from '../build-model.ts';

/** Wraps schema content in an Edmx envelope; `extra` goes after the schema (more schemas). */
export function edmx(schemaBody: string, extra = '', schemaAttributes = 'Namespace="test.ns" Alias="t"'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml">
    <edmx:Include Namespace="Org.OData.Core.V1" Alias="Core" />
  </edmx:Reference>
  <edmx:DataServices>
    <Schema ${schemaAttributes} xmlns="http://docs.oasis-open.org/odata/ns/edm">
${schemaBody}
    </Schema>${extra}
  </edmx:DataServices>
</edmx:Edmx>
`;
}

export function build(schemaBody: string, extra = '') {
  const diagnostics = new DiagnosticCollector();
  const model = buildModel([{ file: 'test.xml', text: edmx(schemaBody, extra) }], diagnostics);
  return { model, diagnostics: diagnostics.sorted() };
}
