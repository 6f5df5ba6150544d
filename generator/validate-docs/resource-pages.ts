/**
 * Resource pages: the `resource` annotation, the heading, the properties table, the JSON
 * representation and the CSDL agree on what the type is (its name, key, base type and
 * openness). Properties and their types are compared in resource-properties.ts. Without a
 * CSDL, the pages are compared with each other only: a type the pages read do not document
 * is unknown, not wrong.
 */
import path from 'node:path';
import { baseChain, isOpenType, keyProperties } from '../model/queries.ts';
import type { SourcePosition } from '../model/types.ts';
import { resolveLink } from '../graph-docs/read-pages.ts';
import type { DocPage } from '../graph-docs/types.ts';
import { blockTypeOf, findType, sameTypeName, simpleName, type CheckContext } from './context.ts';
import { checkResourceProperties } from './resource-properties.ts';
import { propertyRows, positionOfRoot, resourceInfo, type ResourceInfo } from './resource-info.ts';

export function checkResourcePage(page: DocPage, context: CheckContext): void {
  const resources = page.annotations.filter((annotation) => blockTypeOf(annotation) === 'resource' && annotation.odataType !== undefined);
  for (const annotation of resources) {
    const info = resourceInfo(page, annotation, resources.length === 1, context);
    checkIdentity(info, context);
    if (context.csdl && !info.type) {
      context.findings.report('validate/type-not-in-csdl', annotation.fieldSources['@odata.type'] ?? annotation.source, { type: info.typeName });
    }
    checkKey(info, context);
    checkBaseType(info, context);
    checkOpenType(info, context);
    checkResourceProperties(info, context);
  }
}

/**
 * The annotation names the type the page is about: the heading (`# x resource type`), the
 * JSON representation's `@odata.type` and, when they name a documented type, its table.
 */
function checkIdentity(info: ResourceInfo, context: CheckContext): void {
  const witnesses = new Map<string, string[]>();
  const add = (name: string | undefined, witness: string) => {
    if (name === undefined || sameTypeName(name, info.typeName)) return;
    const key = simpleName(name);
    witnesses.set(key, [...(witnesses.get(key) ?? []), witness]);
  };
  if (info.tables.length > 0) add(/^(\S+)\s+resource type$/i.exec(info.page.title?.text ?? '')?.[1], 'the heading');
  const jsonType = isObject(info.json?.value) ? info.json.value['@odata.type'] : undefined;
  add(typeof jsonType === 'string' ? jsonType.replace(/^#/, '') : undefined, 'the JSON representation');
  for (const [other, said] of witnesses) {
    if (tableDescribes(info, other, context)) said.push('the properties table');
    context.findings.report('validate/resource-type-mismatch', info.annotation.fieldSources['@odata.type'] ?? info.annotation.source, {
      annotated: info.typeName,
      witnesses: joinWords(said),
      other,
    });
  }
}

/** Every row of the table is a property of the other type, as documented elsewhere. */
function tableDescribes(info: ResourceInfo, other: string, context: CheckContext): boolean {
  const type = findType(context.model, other, info.namespace);
  const rows = propertyRows(info);
  if (!type || (type.kind !== 'entity' && type.kind !== 'complex') || rows.length === 0 || type.source.file === info.page.file) return false;
  const names = new Set(baseChain(context.model, type).flatMap((item) => [...item.properties, ...item.navigationProperties].map((p) => p.name)));
  return rows.every((row) => names.has(row.name));
}

/**
 * keyProperty is the key (the CSDL's, when there is one), the JSON representation shows it,
 * and the table marks no other property Key.
 */
function checkKey(info: ResourceInfo, context: CheckContext): void {
  const { annotation } = info;
  const declared = annotation.keyProperty;
  const csdlKey = context.csdl && info.type ? (info.type.kind === 'entity' ? keyProperties(context.model, info.type) : []) : undefined;
  if (declared !== undefined && csdlKey !== undefined && (csdlKey.length !== 1 || csdlKey[0] !== declared)) {
    context.findings.report('validate/key-mismatch', annotation.fieldSources.keyProperty ?? annotation.source, {
      docs: declared,
      type: info.type!.qualifiedName,
      csdl: csdlKey.length ? csdlKey.join(', ') : `(none: ${info.type!.kind} type)`,
    });
  }
  const json = info.json;
  if (declared !== undefined && json && isObject(json.value) && !Object.hasOwn(json.value, declared)) {
    context.findings.report('validate/key-not-in-json', positionOfRoot(json), { key: declared });
  }
  const key = csdlKey ?? (declared === undefined ? [] : [declared]);
  if (key.length === 0) return;
  for (const row of propertyRows(info)) {
    if (row.cues.includes('Key') && !key.includes(row.name)) {
      context.findings.report('validate/key-cue-mismatch', row.source, { property: row.name, type: info.typeName, key: key.join(', ') });
    }
  }
}

/**
 * The base type, as the annotation (`baseType`) and the "Inherits from" line state it, is
 * the CSDL's; without a CSDL, the line agrees with the annotation and with the page it links.
 */
function checkBaseType(info: ResourceInfo, context: CheckContext): void {
  const { annotation, page } = info;
  const claims: { by: string; name: string; at: SourcePosition; link?: string }[] = [];
  if (annotation.baseType) claims.push({ by: 'The annotation', name: annotation.baseType, at: annotation.fieldSources.baseType ?? annotation.source });
  if (page.inheritsFrom && info.tables.length > 0) {
    const claim = { by: '"Inherits from"', name: page.inheritsFrom.name, at: page.inheritsFrom.source };
    claims.push(page.inheritsFrom.link === undefined ? claim : { ...claim, link: page.inheritsFrom.link });
  }
  const csdlBase = context.csdl && info.type ? (info.type.baseType ?? '(none)') : undefined;
  for (const claim of claims) {
    if (csdlBase !== undefined) {
      if (!sameTypeName(claim.name, csdlBase)) reportBase(context, claim, 'the CSDL', csdlBase);
      continue;
    }
    const reference = claims[0]!;
    if (claim !== reference && !sameTypeName(claim.name, reference.name)) {
      reportBase(context, claim, reference.by.toLowerCase(), reference.name);
      continue;
    }
    const linked = claim.link === undefined ? undefined : linkedType(page, claim.link, context);
    if (linked !== undefined && !sameTypeName(claim.name, linked)) reportBase(context, claim, 'the page it links', linked);
  }
}

function reportBase(context: CheckContext, claim: { by: string; name: string; at: SourcePosition }, other: string, expected: string): void {
  context.findings.report('validate/base-type-mismatch', claim.at, { claim: claim.by, docs: claim.name, other, expected });
}

/** The type documented by the page a link points at, when that page was read. */
function linkedType(page: DocPage, link: string, context: CheckContext): string | undefined {
  const target = resolveLink(page.file, link);
  if (target === undefined) return undefined;
  const wanted = path.resolve(target).toLowerCase();
  const linked = context.pages.find((item) => path.resolve(item.file).toLowerCase() === wanted);
  const resource = linked?.annotations.find((annotation) => blockTypeOf(annotation) === 'resource' && annotation.odataType !== undefined);
  return resource?.odataType;
}

/** ApiDoctor's openType against the CSDL's OpenType, inherited along the base chain (CSDL 6.3). */
function checkOpenType(info: ResourceInfo, context: CheckContext): void {
  const stated = info.annotation.openType;
  if (!context.csdl || !info.type || stated === undefined) return;
  const open = isOpenType(context.model, info.type);
  if (stated === open) return;
  const from = baseChain(context.model, info.type).find((item) => item.openType);
  const why = from && from !== info.type ? ` (inherited from ${from.qualifiedName})` : '';
  context.findings.report('validate/open-type-mismatch', info.annotation.fieldSources.openType ?? info.annotation.source, {
    docs: String(stated),
    type: info.type.qualifiedName,
    csdl: open ? 'open' : 'not open',
    why,
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

