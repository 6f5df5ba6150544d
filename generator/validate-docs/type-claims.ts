/**
 * What a resource page says a property's type is, in each of the places it says it: the
 * properties table (`String collection`, a linked type name), the JSON representation
 * (`"String"`, `"String (timestamp)"`, `["String"]`, `{"@odata.type": "microsoft.graph.x"}`,
 * literal `true` or `0`), and the schema. Claims are compared by simple name and
 * collection-ness, since pages rarely qualify names.
 */
import { parseTypeText } from '../graph-docs/type-text.ts';
import type { DocPropertyRow, JsonValue } from '../graph-docs/types.ts';
import type { SourcePosition } from '../model/types.ts';
import { simpleName } from './context.ts';

export interface TypeClaim {
  /** Qualified or Edm name; `number` for a numeric literal (any numeric Edm type). */
  type: string;
  collection: boolean;
  /** A primitive written as an object, `{"@odata.type": "Boolean"}`. */
  asObject?: boolean;
  /** Who says it, for messages: `the table`, `the JSON representation`, `the CSDL`. */
  by: string;
  at: SourcePosition;
}

const NUMERIC = /^Edm\.(Byte|SByte|Int16|Int32|Int64|Single|Double|Decimal)$/;

export function tableClaim(row: DocPropertyRow, namespace: string): TypeClaim | undefined {
  if (!row.type) return undefined;
  const type = row.type.primitive || row.type.name.includes('.') ? row.type.name : `${namespace}.${row.type.name}`;
  return { type, collection: row.type.collection, by: 'the table', at: row.typeSource };
}

/** The type a JSON representation value stands for; undefined for example values. */
export function jsonClaim(value: JsonValue, namespace: string, at: SourcePosition): TypeClaim | undefined {
  const found = typeOfValue(value, namespace);
  return found && { ...found, by: 'the JSON representation', at };
}

function typeOfValue(value: JsonValue, namespace: string): Omit<TypeClaim, 'by' | 'at'> | undefined {
  if (typeof value === 'boolean') return { type: 'Edm.Boolean', collection: false };
  if (typeof value === 'number') return { type: 'number', collection: false };
  if (typeof value === 'string') return typeOfText(value, namespace);
  if (Array.isArray(value)) {
    const element = value[0] === undefined ? undefined : typeOfValue(value[0], namespace);
    return element && !element.collection ? { ...element, collection: true } : undefined;
  }
  const odataType = value?.['@odata.type'];
  if (typeof odataType !== 'string') return undefined;
  const named = typeOfText(odataType.replace(/^#/, ''), namespace);
  if (named?.type.startsWith('Edm.')) return { ...named, asObject: true };
  return { type: odataType.replace(/^#/, '').includes('.') ? odataType.replace(/^#/, '') : `${namespace}.${odataType.replace(/^#/, '')}`, collection: false };
}

/** `String (timestamp)` is how pages write DateTimeOffset values; other parentheses are notes. */
function typeOfText(text: string, namespace: string): Omit<TypeClaim, 'by' | 'at'> | undefined {
  const match = /^\s*([\w.]+)\s*(?:\((.*)\))?\s*$/.exec(text);
  if (!match) return undefined;
  if (/timestamp/i.test(match[2] ?? '')) return { type: 'Edm.DateTimeOffset', collection: false };
  const parsed = parseTypeText(match[1]!);
  // Unqualified words that are not primitive names are example values ("Fabrikam").
  if (!parsed || (!parsed.primitive && !parsed.name.includes('.'))) return undefined;
  return { type: parsed.primitive || parsed.name.includes('.') ? parsed.name : `${namespace}.${parsed.name}`, collection: false };
}

export function sameClaim(a: TypeClaim, b: TypeClaim): boolean {
  if (a.collection !== b.collection || a.asObject === true || b.asObject === true) return false;
  if (a.type === 'number' || b.type === 'number') return NUMERIC.test(a.type === 'number' ? b.type : a.type) || a.type === b.type;
  return simpleName(a.type).toLowerCase() === simpleName(b.type).toLowerCase();
}

export function showClaim(claim: TypeClaim): string {
  const name = claim.type === 'number' ? 'a number' : claim.type;
  if (claim.asObject) return `${name} written as an object {"@odata.type": ...}`;
  return claim.collection ? `Collection(${name})` : name;
}
