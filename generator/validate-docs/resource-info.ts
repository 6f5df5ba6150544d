/** A resource annotation with what its page says beside it, for the resource checks. */
import { spanPosition } from '../graph-docs/text-span.ts';
import type { DocAnnotation, DocJson, DocPage, DocPropertyRow, DocPropertyTable } from '../graph-docs/types.ts';
import type { SourcePosition, StructuredType } from '../model/types.ts';
import { findType, pageNamespace, type CheckContext } from './context.ts';

/** One resource annotation of a page, with what the page says beside it. */
export interface ResourceInfo {
  page: DocPage;
  annotation: DocAnnotation;
  /** Qualified as the page writes it (page namespace when unqualified). */
  typeName: string;
  namespace: string;
  json?: DocJson;
  /** The page's tables, when the page describes this one resource only. */
  tables: DocPropertyTable[];
  /** The type in the model; with a CSDL, the CSDL's. */
  type?: StructuredType;
}

export function resourceInfo(page: DocPage, annotation: DocAnnotation, ownsTables: boolean, context: CheckContext): ResourceInfo {
  const namespace = pageNamespace(page);
  const written = annotation.odataType!;
  const typeName = written.includes('.') ? written : `${namespace}.${written}`;
  const found = findType(context.model, typeName, namespace);
  const info: ResourceInfo = { page, annotation, typeName, namespace, tables: ownsTables ? page.tables : [] };
  const json = annotation.codeBlock === undefined ? undefined : page.codeBlocks[annotation.codeBlock]?.json;
  if (json) info.json = json;
  if (found?.kind === 'entity' || found?.kind === 'complex') info.type = found;
  return info;
}

/** Rows of the Properties tables (not relationships, not request bodies). */
export function propertyRows(info: ResourceInfo): DocPropertyRow[] {
  return info.tables.filter((table) => table.kind === 'property' && isPropertiesSection(table)).flatMap((table) => table.rows);
}

export function relationshipRows(info: ResourceInfo): DocPropertyRow[] {
  return info.tables.filter((table) => table.kind === 'relationship').flatMap((table) => table.rows);
}

function isPropertiesSection(table: DocPropertyTable): boolean {
  return table.section.length === 0 || /^properties$/i.test(table.section[0]!);
}

export function positionOfRoot(json: DocJson): SourcePosition {
  return spanPosition(json.span, json.pointers['']?.start ?? 0);
}

