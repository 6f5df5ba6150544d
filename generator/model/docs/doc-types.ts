/**
 * What resource pages say about a type, with where they say it: the `resource` annotation
 * (`@odata.type`, keyProperty, openType, baseType, abstract), the Properties and
 * Relationships tables, and the JSON representation as a fallback for property types.
 * Both modelFromDocs (to build types) and mergeDocs (to compare with CSDL) read this.
 */
import type { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { formatPosition } from '../../diagnostics/diagnostic.ts';
import type { DocAnnotation, DocCue, DocJson, DocPage, DocPropertyRow, DocPropertyTable } from '../../graph-docs/types.ts';
import type { SourcePosition, TypeReference } from '../types.ts';
import { jsonRepresentationTypes } from './json-representation.ts';
import { qualifyName, splitQualifiedName } from './names.ts';

export interface DocPropertyInfo {
  name: string;
  /** Qualified; `Edm.Untyped` when neither the table nor the JSON representation says. */
  type: TypeReference;
  /** Whether the docs state the type (table or JSON), so it is worth comparing. */
  typeKnown: boolean;
  description?: string;
  cues: DocCue[];
  inheritedFrom?: string;
  source: SourcePosition;
}

export interface DocTypeInfo {
  name: string;
  namespace: string;
  qualifiedName: string;
  page: string;
  /** The resource annotation. */
  source: SourcePosition;
  annotation: DocAnnotation;
  /** Stated by the annotation's keyProperty. */
  keyProperty?: string;
  /** Stated by the annotation, or by "Inherits from [x]"; qualified. */
  baseType?: { name: string; source: SourcePosition };
  description?: string;
  properties: DocPropertyInfo[];
  navigation: DocPropertyInfo[];
  propertyTable?: SourcePosition;
  relationshipTable?: SourcePosition;
}

export function collectDocTypes(pages: DocPage[], diagnostics: DiagnosticCollector): DocTypeInfo[] {
  const byName = new Map<string, DocTypeInfo>();
  for (const page of pages) {
    const resources = page.annotations.filter((a) => a.blockType?.toLowerCase() === 'resource');
    resources.forEach((annotation, index) => {
      const info = typeFromAnnotation(page, annotation, index === 0 && resources.length === 1);
      if (!info) return;
      const first = byName.get(info.qualifiedName);
      if (first) diagnostics.report('docs/duplicate-type', info.source, { type: info.qualifiedName, first: formatPosition(first.source) });
      else byName.set(info.qualifiedName, info);
    });
  }
  return [...byName.values()];
}

/** `withTables`: a page describing one resource owns its tables; with several, only the JSON is read. */
function typeFromAnnotation(page: DocPage, annotation: DocAnnotation, withTables: boolean): DocTypeInfo | undefined {
  const pageNamespace = page.namespace?.text ?? 'microsoft.graph';
  const written = annotation.odataType ?? /^(\S+)\s+resource type$/i.exec(page.title?.text ?? '')?.[1];
  if (!written) return undefined;
  const { namespace, name } = splitQualifiedName(written.includes('.') ? written : `${pageNamespace}.${written}`);
  const info: DocTypeInfo = { name, namespace, qualifiedName: `${namespace}.${name}`, page: page.file, source: annotation.source, annotation, properties: [], navigation: [] };
  if (annotation.keyProperty) info.keyProperty = annotation.keyProperty;
  const baseType = statedBaseType(page, annotation, namespace);
  if (baseType) info.baseType = baseType;
  if (page.description) info.description = page.description.text;
  const jsonTypes = jsonRepresentationTypes(jsonRepresentation(page, annotation), namespace);
  const tables = withTables ? page.tables : [];
  const propertyTables = tables.filter((t) => t.kind === 'property' && isSection(t, /^properties$/i));
  const relationshipTables = tables.filter((t) => t.kind === 'relationship');
  if (propertyTables[0]) info.propertyTable = propertyTables[0].source;
  if (relationshipTables[0]) info.relationshipTable = relationshipTables[0].source;
  info.properties = propertyTables.flatMap((t) => t.rows).map((row) => propertyInfo(row, namespace, jsonTypes.get(row.name)?.type));
  info.navigation = relationshipTables.flatMap((t) => t.rows).map((row) => propertyInfo(row, namespace, undefined));
  // Properties only the JSON shows; with a base type they may be inherited, so they are left out.
  if (!info.baseType) {
    const listed = new Set([...info.properties, ...info.navigation].map((p) => p.name));
    for (const [name, { type, source }] of jsonTypes) {
      if (!listed.has(name)) info.properties.push({ name, type, typeKnown: true, cues: [], source });
    }
  }
  return info;
}

function statedBaseType(page: DocPage, annotation: DocAnnotation, namespace: string): DocTypeInfo['baseType'] {
  if (annotation.baseType) {
    return { name: qualifyName(annotation.baseType.replace(/^#/, ''), namespace), source: annotation.fieldSources.baseType ?? annotation.source };
  }
  if (page.inheritsFrom) return { name: qualifyName(page.inheritsFrom.name, namespace), source: page.inheritsFrom.source };
  return undefined;
}

function propertyInfo(row: DocPropertyRow, namespace: string, jsonType: TypeReference | undefined): DocPropertyInfo {
  const fromTable = row.type ? { type: qualifyName(row.type.name, namespace), collection: row.type.collection } : undefined;
  const type = fromTable ?? jsonType;
  const info: DocPropertyInfo = {
    name: row.name,
    type: type ?? { type: 'Edm.Untyped', collection: false },
    typeKnown: type !== undefined,
    cues: row.cues,
    source: row.source,
  };
  if (row.description) info.description = row.description;
  if (row.inheritedFrom) info.inheritedFrom = row.inheritedFrom;
  return info;
}

function jsonRepresentation(page: DocPage, annotation: DocAnnotation): DocJson | undefined {
  return annotation.codeBlock === undefined ? undefined : page.codeBlocks[annotation.codeBlock]?.json;
}

function isSection(table: DocPropertyTable, pattern: RegExp): boolean {
  return table.section.length === 0 || pattern.test(table.section[0]!);
}
