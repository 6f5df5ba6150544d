import { XMLParser } from 'fast-xml-parser';
import type { SourcePosition } from '../model/types.ts';
import type { LineIndex } from '../diagnostics/line-index.ts';

/**
 * An XML element as fast-xml-parser gives it with our options (and plain-reader.ts, which
 * builds the same tree): attributes grouped under `$`, child elements by tag name (always
 * arrays), text under `#text`, and the element's start offset under a metadata symbol.
 */
export interface XmlElement {
  $?: Record<string, string>;
  '#text'?: string;
  [child: string]: XmlElement[] | Record<string, string> | string | undefined;
}

const METADATA = XMLParser.getMetaDataSymbol() as unknown as symbol;

const NO_ELEMENTS: readonly XmlElement[] = Object.freeze([]);

/**
 * The children with this tag. Called for every tag of every element the builders read, so it
 * allocates only when it must: the parser's own array is returned unless it holds text-only
 * children (`<String>abc</String>` comes back as a string), which are wrapped as elements.
 */
export function childElements(element: XmlElement, tag: string): XmlElement[] {
  const value = element[tag];
  if (!Array.isArray(value)) return NO_ELEMENTS as XmlElement[];
  for (const child of value) {
    if (typeof child === 'string') return value.map((item) => (typeof item === 'string' ? { '#text': item } : item));
  }
  return value;
}

export function attribute(element: XmlElement, name: string): string | undefined {
  const value = element.$?.[name];
  return value === undefined ? undefined : decodeEntities(value);
}

export function textOf(element: XmlElement): string {
  return decodeEntities(element['#text'] ?? '');
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(quot|amp|lt|gt|apos));/g;
const PREDEFINED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

/**
 * Decodes XML's predefined entities and character references in one pass (so `&amp;quot;`
 * stays `&quot;`). The parser expands nothing itself: DOCTYPE-declared entities are refused.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name) return PREDEFINED[name]!;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Child element tag names, in first-seen order (attributes and text excluded). */
export function childTags(element: XmlElement): string[] {
  return Object.keys(element).filter((key) => key !== '$' && key !== '#text');
}

export function startOffset(element: XmlElement): number | undefined {
  const metadata = (element as unknown as Record<symbol, { startIndex?: number } | undefined>)[METADATA];
  return metadata?.startIndex;
}

/** Where an element starts; elements without metadata (text-only) fall back to `fallback`. */
export function positionOf(element: XmlElement, lines: LineIndex, fallback?: SourcePosition): SourcePosition {
  const offset = startOffset(element);
  if (offset === undefined) return fallback ?? { file: lines.file, line: 1, column: 1 };
  return lines.position(offset);
}
