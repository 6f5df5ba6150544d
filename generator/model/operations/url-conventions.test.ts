import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { buildModel } from '../build/build-model.ts';
import { build, edmx } from '../build/__fixtures__/edmx.ts';
import { applyUrlSettings, urlConventionsOf } from './url-conventions.ts';

const PEOPLE = `
<EntityType Name="person"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>`;

function container(annotation = ''): string {
  return `${PEOPLE}
<EntityContainer Name="c"><EntitySet Name="people" EntityType="t.person" />${annotation}</EntityContainer>`;
}

describe('urlConventions', () => {
  it('puts keys in parentheses when the service declares nothing (OData 4.0 default)', () => {
    expect(build(container()).model.urlConventions).toEqual({ odataVersion: '4.0', keyAsSegment: false, keyAsSegmentFrom: 'default' });
  });

  it('takes key-as-segment from Capabilities.KeyAsSegmentSupported on the entity container', () => {
    const tag = '<Annotation Term="Org.OData.Capabilities.V1.KeyAsSegmentSupported" />';
    expect(build(container(tag)).model.urlConventions).toMatchObject({ keyAsSegment: true, keyAsSegmentFrom: 'csdl' });
    const off = '<Annotation Term="Org.OData.Capabilities.V1.KeyAsSegmentSupported" Bool="false" />';
    expect(build(container(off)).model.urlConventions).toMatchObject({ keyAsSegment: false, keyAsSegmentFrom: 'csdl' });
  });

  it("reads ODataLib's UrlConventions KeyAsSegment, as Northwind writes it (an external annotation)", () => {
    const external = '<Annotations Target="test.ns.c"><Annotation Term="Com.Microsoft.OData.Service.Conventions.V1.UrlConventions" String="KeyAsSegment" /></Annotations>';
    expect(build(`${container()}${external}`).model.urlConventions).toMatchObject({ keyAsSegment: true, keyAsSegmentFrom: 'csdl' });
  });

  it('reads the OData version of the document with the entity container', () => {
    const text = edmx(container()).replace('Version="4.0"', 'Version="4.01"');
    expect(buildModel([{ file: 'x.xml', text }], new DiagnosticCollector()).urlConventions?.odataVersion).toBe('4.01');
  });

  it('lets doc pages choose key segments unless the CSDL decided, and the configuration override both', () => {
    const model = build(container()).model;
    applyUrlSettings(model, { docs: true });
    expect(model.urlConventions).toMatchObject({ keyAsSegment: true, keyAsSegmentFrom: 'docs' });
    const declared = build(container('<Annotation Term="Org.OData.Capabilities.V1.KeyAsSegmentSupported" Bool="false" />')).model;
    applyUrlSettings(declared, { docs: true });
    expect(declared.urlConventions).toMatchObject({ keyAsSegment: false, keyAsSegmentFrom: 'csdl' });
    applyUrlSettings(declared, { keyAsSegment: true });
    expect(declared.urlConventions).toMatchObject({ keyAsSegment: true, keyAsSegmentFrom: 'config' });
  });

  it('gives the defaults for a model that states none', () => {
    expect(urlConventionsOf({})).toEqual({ odataVersion: '4.0', keyAsSegment: false, keyAsSegmentFrom: 'default' });
  });
});
