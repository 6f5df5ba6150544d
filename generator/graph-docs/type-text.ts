/**
 * Type cells of Graph tables: `String`, `String collection`, `Int32`,
 * `[crossTenantUserSyncInbound](../resources/crosstenantusersyncinbound.md)`, enum names,
 * `Collection(x)`. Primitives become their Edm names; other names stay as written.
 */
import type { DocCue, DocTypeRef } from './types.ts';

const PRIMITIVES: Record<string, string> = {
  binary: 'Edm.Binary',
  boolean: 'Edm.Boolean',
  bool: 'Edm.Boolean',
  byte: 'Edm.Byte',
  date: 'Edm.Date',
  datetime: 'Edm.DateTimeOffset',
  datetimeoffset: 'Edm.DateTimeOffset',
  decimal: 'Edm.Decimal',
  double: 'Edm.Double',
  duration: 'Edm.Duration',
  guid: 'Edm.Guid',
  int16: 'Edm.Int16',
  int32: 'Edm.Int32',
  int64: 'Edm.Int64',
  integer: 'Edm.Int32',
  int: 'Edm.Int32',
  sbyte: 'Edm.SByte',
  single: 'Edm.Single',
  float: 'Edm.Single',
  stream: 'Edm.Stream',
  string: 'Edm.String',
  timeofday: 'Edm.TimeOfDay',
  geographypoint: 'Edm.GeographyPoint',
  untyped: 'Edm.Untyped',
};

const NAME = /^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*$/;

/**
 * Parses a type cell. `link` is the cell's link, if any: its text names the type. Returns
 * undefined when the text is not understood; `None` (a method with no return) is not a type.
 */
export function parseTypeText(text: string, link?: { text: string; url: string }): DocTypeRef | undefined {
  let rest = text.trim().replace(/\s+/g, ' ');
  let collection = false;
  const wrapped = /^collection\s*\((.*)\)$/i.exec(rest) ?? /^collection of (.*?)s?$/i.exec(rest);
  if (wrapped) {
    collection = true;
    rest = wrapped[1]!.trim();
  } else if (/\scollection$/i.test(rest)) {
    collection = true;
    rest = rest.replace(/\s+collection$/i, '');
  }
  let name = (link?.text.trim() || rest).replace(/\s*\((?:identifier|timestamp|url|key)\)$/i, '');
  if (/\scollection$/i.test(name)) {
    collection = true;
    name = name.replace(/\s+collection$/i, '');
  }
  const bare = name.replace(/^edm\./i, '');
  const primitive = PRIMITIVES[bare.toLowerCase()] ?? (/^edm\./i.test(name) && NAME.test(bare) ? `Edm.${bare}` : undefined);
  if (!primitive && !NAME.test(name)) return undefined;
  const ref: DocTypeRef = { name: primitive ?? name, collection, primitive: primitive !== undefined };
  if (link) ref.link = link.url;
  return ref;
}

/** Return type cells say `None` for no content. */
export function isNoneType(text: string): boolean {
  return /^(none|n\/a|-|)\.?$/i.test(text.trim());
}

/** Qualifies a docs type name with a namespace unless it is primitive or already qualified. */
export function qualifyDocType(ref: DocTypeRef, namespace: string): string {
  if (ref.primitive || ref.name.includes('.')) return ref.name;
  return `${namespace}.${ref.name}`;
}

/**
 * Cues a description gives about its property. "Key" counts only as a sentence of its own
 * ("Read-only. Key."), so prose like "key credentials" is not a cue.
 */
export function findCues(description: string, nameText = ''): DocCue[] {
  const cues: DocCue[] = [];
  if (/(^|[.;]\s*)Key\s*([.;]|$)/.test(description)) cues.push('Key');
  if (/\bread[- ]?only\b/i.test(description)) cues.push('Read-only');
  if (/\brequired\b/i.test(description)) cues.push('Required');
  if (/\boptional\b/i.test(description)) cues.push('Optional');
  if (/\bnot nullable\b|\bnon-?nullable\b/i.test(description)) cues.push('Not nullable');
  else if (/\bnullable\b/i.test(description)) cues.push('Nullable');
  if (/\bdeprecated\b/i.test(nameText)) cues.push('Deprecated');
  return cues;
}

/** "Inherited from [policyBase](...)": the property is declared by that base type. */
export function findInheritedFrom(description: string): string | undefined {
  return /\binherited from\s+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)/i.exec(description)?.[1];
}
