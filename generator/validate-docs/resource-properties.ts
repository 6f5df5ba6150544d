/**
 * The properties of a resource page: the properties table, the JSON representation and the
 * schema list the same properties with the same types. The schema's word is the CSDL's, or
 * without a CSDL another page's (the base type's page): a page never confirms itself. Each
 * place that disagrees with the reference (the schema, else the table) is reported where it
 * says so, naming who says otherwise.
 */
import { baseChain, findNavigationProperty, findProperty } from '../model/queries.ts';
import type { NavigationProperty, SourcePosition, StructuralProperty, StructuredType } from '../model/types.ts';
import { escapePointerToken } from '../graph-docs/json-positions.ts';
import { jsonPointerPosition } from '../graph-docs/positions.ts';
import type { DocPropertyRow, JsonValue } from '../graph-docs/types.ts';
import { findType, type CheckContext } from './context.ts';
import { positionOfRoot, propertyRows, relationshipRows, type ResourceInfo } from './resource-info.ts';
import { jsonClaim, sameClaim, showClaim, tableClaim, type TypeClaim } from './type-claims.ts';

export function checkResourceProperties(info: ResourceInfo, context: CheckContext): void {
  const rows = propertyRows(info);
  const relationships = relationshipRows(info);
  const members = jsonMembers(info);
  const byName = new Map<string, DocPropertyRow>([...relationships, ...rows].map((row) => [row.name, row]));
  for (const name of new Set([...byName.keys(), ...members.keys()])) {
    const row = byName.get(name);
    const claims: TypeClaim[] = [];
    const table = row && tableClaim(row, info.namespace);
    if (table) claims.push(table);
    const member = members.get(name);
    const json = member && jsonClaim(member.value, info.namespace, member.at);
    if (json) claims.push(json);
    const schema = schemaClaim(info, name, row, context);
    compareClaims(name, schema ?? table, schema ? claims : claims.slice(1), context);
  }
  checkPresence(info, rows, relationships, members, context);
  if (context.csdl && info.type) checkAgainstCsdl(info, info.type, [...rows, ...relationships], context);
}

/** Reports each claim that disagrees with the reference, at the place it is made. */
function compareClaims(property: string, reference: TypeClaim | undefined, others: TypeClaim[], context: CheckContext): void {
  if (!reference) return;
  const agreeing = [reference, ...others.filter((claim) => claim !== reference && sameClaim(claim, reference))];
  for (const claim of others) {
    if (claim === reference || sameClaim(claim, reference)) continue;
    const names = agreeing.map((item) => item.by);
    context.findings.report('validate/property-type-mismatch', claim.at, {
      property,
      claim: claim.by,
      type: showClaim(claim),
      others: names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`,
      verb: names.length === 1 ? 'says' : 'say',
      expected: showClaim(reference),
    });
  }
}

/**
 * What the schema says, from somewhere other than this page: the CSDL, or the page of a
 * base type (along the base chain, or the "Inherited from" of the row).
 */
function schemaClaim(info: ResourceInfo, name: string, row: DocPropertyRow | undefined, context: CheckContext): TypeClaim | undefined {
  const declaration = independentDeclaration(info, name, row, context);
  if (!declaration) return undefined;
  const { property, owner } = declaration;
  const by = context.csdl ? 'the CSDL' : `the page of ${owner.qualifiedName}`;
  return { type: property.type, collection: property.collection, by, at: property.source };
}

export function independentDeclaration(
  info: ResourceInfo,
  name: string,
  row: DocPropertyRow | undefined,
  context: CheckContext,
): { property: StructuralProperty | NavigationProperty; owner: StructuredType } | undefined {
  const chain = info.type ? baseChain(context.model, info.type) : [];
  const inherited = row?.inheritedFrom === undefined ? undefined : findType(context.model, row.inheritedFrom, info.namespace);
  if (inherited?.kind === 'entity' || inherited?.kind === 'complex') chain.push(...baseChain(context.model, inherited));
  for (const owner of chain) {
    const property = owner.properties.find((p) => p.name === name) ?? owner.navigationProperties.find((p) => p.name === name);
    if (property && property.source.file !== info.page.file) return { property, owner };
  }
  return undefined;
}

/** The table and the JSON representation list the same properties. */
function checkPresence(
  info: ResourceInfo,
  rows: DocPropertyRow[],
  relationships: DocPropertyRow[],
  members: Map<string, JsonMember>,
  context: CheckContext,
): void {
  if (rows.length === 0 || !isObject(info.json?.value)) return;
  for (const row of rows) {
    if (!members.has(row.name)) context.findings.report('validate/property-missing-from-json', row.source, { property: row.name });
  }
  const listed = new Set([...rows, ...relationships].map((row) => row.name));
  for (const [name, member] of members) {
    if (listed.has(name) || independentDeclaration(info, name, undefined, context)) continue;
    context.findings.report('validate/property-not-in-table', member.keyAt, { property: name });
  }
}

/** The CSDL's declared properties are documented; documented ones exist in the CSDL. */
function checkAgainstCsdl(info: ResourceInfo, type: StructuredType, rows: DocPropertyRow[], context: CheckContext): void {
  if (rows.length === 0) return;
  const documented = new Set(rows.map((row) => row.name));
  const at = info.tables.find((table) => table.kind === 'property')?.source ?? rows[0]!.source;
  for (const property of [...type.properties, ...type.navigationProperties]) {
    if (documented.has(property.name)) continue;
    const kind = property.kind === 'navigation' ? 'relationship' : 'property';
    context.findings.report('validate/property-not-documented', at, { type: type.qualifiedName, kind, property: property.name }, [property.source]);
  }
  for (const row of rows) {
    const property = findProperty(context.model, type, row.name) ?? findNavigationProperty(context.model, type, row.name);
    if (!property) {
      context.findings.report('validate/property-not-in-csdl', row.source, { property: row.name, type: type.qualifiedName }, [type.source]);
    } else if (property.kind === 'property' && !row.cues.includes('Read-only')) {
      const why = property.computed ? 'computed (Core.Computed)' : property.permissions === 'Read' ? 'read-only (Core.Permissions Read)' : undefined;
      if (why) context.findings.report('validate/read-only-cue-missing', row.source, { property: row.name, why }, [property.source]);
    }
  }
}

interface JsonMember {
  value: JsonValue;
  at: SourcePosition;
  keyAt: SourcePosition;
}

/** Members of the JSON representation's object, annotations (`@odata.type`) left out. */
function jsonMembers(info: ResourceInfo): Map<string, JsonMember> {
  const members = new Map<string, JsonMember>();
  const json = info.json;
  const value = json?.value;
  if (!json || !isObject(value)) return members;
  const fallback = positionOfRoot(json);
  for (const [name, member] of Object.entries(value)) {
    if (name.startsWith('@')) continue;
    const pointer = `/${escapePointerToken(name)}`;
    members.set(name, {
      value: member,
      at: jsonPointerPosition(json, pointer, 'value') ?? fallback,
      keyAt: jsonPointerPosition(json, pointer, 'key') ?? fallback,
    });
  }
  return members;
}

function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
