import { createDiagnostic } from '../diagnostics/diagnostic.ts';
import type { LineIndex } from '../diagnostics/line-index.ts';
import { UserInputError } from '../diagnostics/user-error.ts';
import { EDM_NAMESPACE, EDMX_NAMESPACE, namespaceOf } from './namespaces.ts';
import { positionOf, type XmlElement } from './xml-element.ts';

/** The EDMX namespace of OData V1 to V3 ($metadata of WCF Data Services, SAP Gateway V2). */
const LEGACY_EDMX = 'http://schemas.microsoft.com/ado/2007/06/edmx';

/** CSDL namespaces before V4, with the OData version they go with. */
const LEGACY_EDM: Record<string, { csdl: string; odata: string }> = {
  'http://schemas.microsoft.com/ado/2006/04/edm': { csdl: '1.0', odata: 'V1' },
  'http://schemas.microsoft.com/ado/2007/05/edm': { csdl: '1.1', odata: 'V1' },
  'http://schemas.microsoft.com/ado/2008/01/edm': { csdl: '1.2', odata: 'V1' },
  'http://schemas.microsoft.com/ado/2008/09/edm': { csdl: '2.0', odata: 'V2' },
  'http://schemas.microsoft.com/ado/2009/11/edm': { csdl: '3.0', odata: 'V3' },
};

/**
 * Refuses documents of OData V1-V3 (decision 0007): their CSDL differs from V4's (no
 * actions and functions as such, Edm.DateTime, associations), so reading them as V4 gives a
 * wrong client or a flood of false errors. The namespace URIs decide; `Version="4.0"` on an
 * EDMX element in the old namespace does not make it V4. Throws one diagnostic naming the
 * version found.
 */
export function assertODataV4(rootTag: string, root: XmlElement, lines: LineIndex): void {
  const { uri, local } = namespaceOf(rootTag);
  const legacyRoot = local === 'Edmx' && uri === LEGACY_EDMX;
  if (uri !== EDMX_NAMESPACE && !legacyRoot) return; // not EDMX at all: reported as csdl/not-edmx
  const evidence = new Set<string>();
  if (legacyRoot) evidence.add(`<${local}> in the namespace ${LEGACY_EDMX}`);
  let version: string | undefined;
  let schemaPosition: XmlElement | undefined;
  for (const [tag, services] of children(root)) {
    if (namespaceOf(tag).local !== 'DataServices') continue;
    const dataServiceVersion = dataServiceVersionOf(services);
    if (dataServiceVersion && !dataServiceVersion.startsWith('4')) {
      evidence.add(`DataServiceVersion="${dataServiceVersion}"`);
      version ??= `V${dataServiceVersion.split('.')[0]}`;
    }
    for (const [schemaTag, schema] of children(services)) {
      const schemaName = namespaceOf(schemaTag);
      if (schemaName.local !== 'Schema' || schemaName.uri === EDM_NAMESPACE) continue;
      const legacy = schemaName.uri === undefined ? undefined : LEGACY_EDM[schemaName.uri];
      if (legacy) {
        evidence.add(`<Schema> in the CSDL ${legacy.csdl} namespace ${schemaName.uri}`);
        version ??= legacy.odata;
        schemaPosition ??= schema;
      } else if (!legacyRoot && schemaName.uri === undefined) {
        // A schema without its namespace is a mistake, not a foreign element: say so.
        throw new UserInputError([
          createDiagnostic('csdl/wrong-namespace', positionOf(schema, lines), {
            element: 'Schema',
            found: 'no namespace',
            expected: EDM_NAMESPACE,
          }),
        ]);
      }
    }
  }
  if (evidence.size === 0) return;
  const declared = root.$?.['Version'];
  if (declared?.startsWith('4')) evidence.add(`although <Edmx> says Version="${declared}"`);
  else if (declared) version ??= declared.startsWith('3') ? 'V3' : 'V1/V2';
  throw new UserInputError([
    createDiagnostic('csdl/unsupported-version', positionOf(legacyRoot ? root : (schemaPosition ?? root), lines), {
      version: `OData ${version ?? 'V1-V3'}`,
      evidence: [...evidence].join(', '),
    }),
  ]);
}

function* children(element: XmlElement): Generator<[string, XmlElement]> {
  for (const key of Object.keys(element)) {
    const value = element[key];
    if (key === '$' || !Array.isArray(value)) continue;
    for (const child of value as (XmlElement | string)[]) yield [key, typeof child === 'object' ? child : {}];
  }
}

/** `m:DataServiceVersion` (whatever the prefix of the V1-V3 metadata namespace). */
function dataServiceVersionOf(services: XmlElement): string | undefined {
  for (const [name, value] of Object.entries(services.$ ?? {})) {
    if (name === 'DataServiceVersion' || name.endsWith(':DataServiceVersion')) return value;
  }
  return undefined;
}
