/**
 * Property types from a resource page's JSON representation, where values are type names
 * (`"String"`, `"String (identifier)"`, `["String"]`, `{"@odata.type": "microsoft.graph.x"}`):
 * the fallback when the properties table gives no type.
 */
import { jsonPointerPosition } from '../../graph-docs/positions.ts';
import { escapePointerToken } from '../../graph-docs/json-positions.ts';
import { parseTypeText } from '../../graph-docs/type-text.ts';
import type { DocJson, JsonValue } from '../../graph-docs/types.ts';
import type { SourcePosition, TypeReference } from '../types.ts';
import { qualifyName } from './names.ts';

export interface JsonPropertyType {
  type: TypeReference;
  source: SourcePosition;
}

export function jsonRepresentationTypes(json: DocJson | undefined, namespace: string): Map<string, JsonPropertyType> {
  const types = new Map<string, JsonPropertyType>();
  const value = json?.value;
  if (!json || typeof value !== 'object' || value === null || Array.isArray(value)) return types;
  for (const [name, example] of Object.entries(value)) {
    if (name.startsWith('@')) continue;
    const type = typeOfValue(example, namespace);
    const pointer = `/${escapePointerToken(name)}`;
    const source = jsonPointerPosition(json, pointer, 'key') ?? { file: json.span.file, line: json.span.line, column: 1 };
    if (type) types.set(name, { type, source });
  }
  return types;
}

function typeOfValue(value: JsonValue, namespace: string): TypeReference | undefined {
  if (typeof value === 'boolean') return { type: 'Edm.Boolean', collection: false };
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'Edm.Int32' : 'Edm.Double', collection: false };
  if (typeof value === 'string') return typeOfText(value, namespace);
  if (Array.isArray(value)) {
    const element = value[0] === undefined ? undefined : typeOfValue(value[0], namespace);
    return element && !element.collection ? { type: element.type, collection: true } : undefined;
  }
  const odataType = value?.['@odata.type'];
  if (typeof odataType === 'string') return { type: qualifyName(odataType.replace(/^#/, ''), namespace), collection: false };
  return undefined;
}

/** `String (timestamp)` is how pages write DateTimeOffset values; other parentheses are notes. */
function typeOfText(text: string, namespace: string): TypeReference | undefined {
  const match = /^\s*([\w.]+)\s*(?:\((.*)\))?\s*$/.exec(text);
  if (!match) return undefined;
  if (/timestamp/i.test(match[2] ?? '')) return { type: 'Edm.DateTimeOffset', collection: false };
  const parsed = parseTypeText(match[1]!);
  // Unqualified non-primitive words are example values ("Fabrikam"), not type names.
  if (!parsed || (!parsed.primitive && !parsed.name.includes('.'))) return undefined;
  return { type: qualifyName(parsed.name, namespace), collection: false };
}
