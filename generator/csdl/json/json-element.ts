import { XMLParser } from 'fast-xml-parser';
import { escapePointerToken, type JsonLocation, type JsonValue } from '../../graph-docs/json-positions.ts';
import type { XmlElement } from '../xml-element.ts';

/**
 * CSDL JSON is read by mapping it onto the element tree the CSDL XML reader takes (CSDL JSON
 * is defined as a representation of the same model as CSDL XML), so that both forms go
 * through one set of builders and checks. These helpers build that tree: elements carry the
 * offset of their JSON member as the parser's start index, so positions come out as the
 * JSON file's line and column.
 */
export type JsonObject = { [key: string]: JsonValue };

const METADATA = XMLParser.getMetaDataSymbol() as unknown as symbol;

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${typeof key === 'number' ? key : escapePointerToken(key)}`;
}

export class ElementFactory {
  constructor(private readonly pointers: Record<string, JsonLocation>) {}

  /** An element positioned at the JSON member (its name) or value at `pointer`. */
  element(pointer: string, attributes: Record<string, string> = {}): XmlElement {
    const element: XmlElement = { $: attributes };
    const location = this.pointers[pointer];
    if (location) (element as unknown as Record<symbol, unknown>)[METADATA] = { startIndex: location.key ?? location.start };
    return element;
  }

  /** A text-only element (`<String>abc</String>`). */
  text(pointer: string, text: string): XmlElement {
    const element = this.element(pointer);
    element['#text'] = escapeText(text);
    return element;
  }
}

export function append(parent: XmlElement, tag: string, child: XmlElement): void {
  const list = parent[tag];
  if (Array.isArray(list)) (list as XmlElement[]).push(child);
  else parent[tag] = [child];
}

/**
 * The XML reader decodes `&...;` in attribute values and text; JSON text has no entities,
 * so an ampersand is written as `&amp;` to come back unchanged.
 */
export function escapeText(text: string): string {
  return text.includes('&') ? text.replace(/&/g, '&amp;') : text;
}

/** A JSON scalar as the text of an XML attribute (arrays of strings, as for $AppliesTo, space-separated). */
export function attributeText(value: JsonValue): string | undefined {
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return escapeText(value.join(' '));
  return undefined;
}

/** `$Type` and `$Collection` as an XML `Type` attribute; `$Type` defaults to Edm.String (CSDL JSON 7.1). */
export function typeText(object: JsonObject, fallback: string | undefined = 'Edm.String'): string | undefined {
  const type = typeof object['$Type'] === 'string' ? object['$Type'] : fallback;
  if (type === undefined) return undefined;
  return object['$Collection'] === true ? `Collection(${type})` : type;
}

/** Member names of an object that name model elements (not `$...` keywords or `...@annotations`). */
export function modelMembers(object: JsonObject): [string, JsonValue][] {
  return Object.entries(object).filter(([key]) => !key.startsWith('$') && !key.includes('@'));
}
