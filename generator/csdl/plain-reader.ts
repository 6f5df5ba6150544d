import { XMLParser } from 'fast-xml-parser';
import type { XmlElement } from './xml-element.ts';

/** What fast-xml-parser's `parse` returns with our options: the root element's tag, holding it. */
export type XmlDocument = Record<string, (XmlElement | string)[] | undefined>;

const METADATA = XMLParser.getMetaDataSymbol() as unknown as symbol;

/**
 * fast-xml-parser refuses nesting deeper than its `maxNestedTags` (100); a document that
 * deep is left to it, so that it refuses it as before. It also bounds our stacks.
 */
const MAX_DEPTH = 100;

/**
 * Reads a plain XML document into
 * exactly the tree fast-xml-parser builds with parse-xml.ts's options, in one pass over the
 * text that also checks it is well-formed: the same keys in the same order (child tags in
 * first-seen order, then `#text`, then `$`), every element in an array, text trimmed and
 * concatenated, line ends normalized (XML 1.0 section 2.11), references left as written
 * (xml-element.ts decodes them), and each element object's start and end offsets under
 * fast-xml-parser's metadata symbol. Returns undefined ("not mine") for anything else: CDATA,
 * processing instructions, a DOCTYPE or ENTITY declaration anywhere (also inside a comment,
 * as parse-xml.ts refuses it there), names fast-xml-parser renames or refuses (`__proto__`,
 * `toString`, ...), nesting deeper than MAX_DEPTH, and whatever is not plain; parse-xml.ts
 * then hands the text to fast-xml-parser and its validator as before. Iterative, so no
 * input can exhaust the call stack; expands no entity. `elementNames`, if given, receives
 * the tag of every element read (namespaces.ts asks which prefixes name elements).
 *
 * Plain is a subset of XML 1.0 (sections 2.1, 2.4, 2.5, 2.7, 3.1, 4.1): one root element;
 * ASCII names; attributes quoted, separated by whitespace, each named once, without `<` in a
 * value; every end tag matching its start tag; character and predefined entity references
 * only; comments closed; no text outside the root; an XML declaration only at the very
 * start. Real CSDL is plain. Every document read is one fast-xml-parser's validator accepts
 * (plain-reader.test.ts checks this on random mutations of real files).
 */
export function readPlainDocument(text: string, elementNames?: Set<string>): XmlDocument | undefined {
  const length = text.length;
  const lineEnds = text.includes('\r');
  // The open elements, innermost last: tag, start offset, attributes, children read so far, text.
  const tags: string[] = [];
  const starts: number[] = [];
  const attributeSets: (Record<string, string> | undefined)[] = [];
  const elements: (XmlElement | undefined)[] = [];
  const texts: string[] = [];
  const document: XmlDocument = {};
  let depth = 0;
  let rootSeen = false;
  let lastName = '';
  // Character data of the innermost element before a comment: its text runs on past it.
  let beforeComment = '';
  let nextAmpersand = text.indexOf('&');
  let nextBang = -1;
  names.startDocument();
  let at = xmlDeclarationEnd(text);
  if (at === -1) return undefined;
  while (at < length) {
    const tag = text.indexOf('<', at);
    const textEnd = tag === -1 ? length : tag;
    // Character data: only whitespace outside the root; references checked inside it.
    if (depth === 0) {
      for (let index = at; index < textEnd; index++) if (!isSpace(text.charCodeAt(index))) return undefined;
    } else {
      while (nextAmpersand !== -1 && nextAmpersand < textEnd) {
        if (!isReference(text, nextAmpersand)) return undefined;
        nextAmpersand = text.indexOf('&', nextAmpersand + 1);
      }
    }
    if (tag === -1) break;
    const next = text.charCodeAt(tag + 1);
    if (next === EXCLAMATION) {
      // A comment; CDATA sections and declarations are fast-xml-parser's.
      if (!text.startsWith('<!--', tag)) return undefined;
      const end = text.indexOf('-->', tag + 4);
      if (end === -1) return undefined;
      if (nextBang < tag + 4) nextBang = text.indexOf('<!', tag + 4);
      for (; nextBang !== -1 && nextBang < end; nextBang = text.indexOf('<!', nextBang + 2)) {
        DECLARATION.lastIndex = nextBang + 2;
        if (DECLARATION.test(text)) return undefined;
      }
      if (depth > 0) beforeComment += text.slice(at, tag);
      at = end + 3;
      if (nextAmpersand !== -1 && nextAmpersand < at) nextAmpersand = text.indexOf('&', at);
      continue;
    }
    if (depth > 0) {
      const run = characterData(text, at, tag, beforeComment, lineEnds);
      if (run !== '') texts[depth - 1] += run;
      beforeComment = '';
    }
    if (next === SLASH) {
      if (depth === 0) return undefined;
      const name = tags[depth - 1]!;
      if (!text.startsWith(name, tag + 2)) return undefined;
      let index = tag + 2 + name.length;
      while (index < length && isSpace(text.charCodeAt(index))) index++;
      if (text.charCodeAt(index) !== GREATER) return undefined;
      at = index + 1;
      depth--;
      const value = elementValue(elements[depth], texts[depth]!, attributeSets[depth], starts[depth]!, at);
      elements[depth] = attributeSets[depth] = undefined;
      const parent = depth === 0 ? document : (elements[depth - 1] ??= {});
      addChild(parent, name, value);
      continue;
    }
    // A start tag (or an empty-element tag).
    if (depth === 0 && rootSeen) return undefined;
    const name = names.read(text, tag + 1);
    if (name === undefined) return undefined;
    // Siblings often share a tag: add a name only when it changes.
    if (name !== lastName) elementNames?.add((lastName = name));
    // No `<` inside a value: the next one after the tag's own is where this tag must have ended.
    const nextLess = text.indexOf('<', tag + 1);
    let attributes: Record<string, string> | undefined;
    let index = tag + 1 + name.length;
    let closed = false;
    let empty = false;
    while (index < length) {
      const code = text.charCodeAt(index);
      if (code === GREATER) {
        closed = true;
        index++;
        break;
      }
      if (code === SLASH) {
        if (text.charCodeAt(index + 1) !== GREATER) return undefined;
        closed = empty = true;
        index += 2;
        break;
      }
      // An attribute: whitespace before it, then name = "value".
      if (!isSpace(code)) return undefined;
      while (index < length && isSpace(text.charCodeAt(index))) index++;
      const first = text.charCodeAt(index);
      if (first === GREATER || first === SLASH) continue;
      const attribute = names.read(text, index);
      if (attribute === undefined) return undefined;
      attributes ??= {};
      // Given twice (NameTable refuses names every object inherits, so `in` sees only own keys).
      if (attribute in attributes) return undefined;
      index += attribute.length;
      while (index < length && isSpace(text.charCodeAt(index))) index++;
      if (text.charCodeAt(index) !== EQUALS) return undefined;
      index++;
      while (index < length && isSpace(text.charCodeAt(index))) index++;
      const quote = text.charCodeAt(index);
      if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) return undefined;
      const valueEnd = text.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", index + 1);
      if (valueEnd === -1) return undefined;
      if (nextLess !== -1 && nextLess < valueEnd) return undefined;
      while (nextAmpersand !== -1 && nextAmpersand < valueEnd) {
        if (nextAmpersand > index && !isReference(text, nextAmpersand)) return undefined;
        nextAmpersand = text.indexOf('&', nextAmpersand + 1);
      }
      attributes[attribute] = attributeValue(text, index + 1, valueEnd, lineEnds);
      index = valueEnd + 1;
      // After a value: whitespace, `>` or `/>` (checked by the loop).
      const after = text.charCodeAt(index);
      if (after !== GREATER && after !== SLASH && !isSpace(after)) return undefined;
    }
    if (!closed) return undefined;
    rootSeen = true;
    at = index;
    if (nextAmpersand !== -1 && nextAmpersand < at) nextAmpersand = text.indexOf('&', at);
    if (empty) {
      const parent = depth === 0 ? document : (elements[depth - 1] ??= {});
      addChild(parent, name, elementValue(undefined, '', attributes, tag, at));
      continue;
    }
    if (depth === MAX_DEPTH) return undefined;
    tags[depth] = name;
    starts[depth] = tag;
    attributeSets[depth] = attributes;
    elements[depth] = undefined;
    texts[depth] = '';
    depth++;
  }
  return rootSeen && depth === 0 ? document : undefined;
}

/**
 * An element as fast-xml-parser gives it: with neither children nor attributes, its text
 * (a string, `''` when empty); else an object with the children, `#text` if there is text,
 * `$` if there are attributes, and the offsets of its start tag and of the end of its end tag.
 */
function elementValue(
  children: XmlElement | undefined,
  text: string,
  attributes: Record<string, string> | undefined,
  startIndex: number,
  endIndex: number,
): XmlElement | string {
  if (children === undefined && attributes === undefined) return text;
  const element: XmlElement = children ?? {};
  if (text !== '') element['#text'] = text;
  if (attributes !== undefined) element.$ = attributes;
  (element as unknown as Record<symbol, unknown>)[METADATA] = { startIndex, endIndex };
  return element;
}

/** Appends a child under its tag (no name an object inherits: NameTable refuses those). */
function addChild(parent: XmlDocument | XmlElement, name: string, value: XmlElement | string): void {
  const list = parent[name] as (XmlElement | string)[] | undefined;
  if (list === undefined) parent[name] = [value] as XmlElement[];
  else list.push(value);
}

/**
 * A run of character data between two tags as fast-xml-parser keeps it: line ends normalized,
 * trimmed as String.prototype.trim does (trimValues); `before` is the part before a comment.
 */
function characterData(text: string, start: number, end: number, before: string, lineEnds: boolean): string {
  if (before !== '') return normalizeLineEnds(before + text.slice(start, end), lineEnds).trim();
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return '';
  return trimmedSlice(text, start, end, lineEnds);
}

/** An attribute value as fast-xml-parser keeps it: line ends normalized, then trimmed. */
function attributeValue(text: string, start: number, end: number, lineEnds: boolean): string {
  return start === end ? '' : trimmedSlice(text, start, end, lineEnds);
}

/** The slice, trimmed unless it visibly needs no trimming (printable ASCII at both ends). */
function trimmedSlice(text: string, start: number, end: number, lineEnds: boolean): string {
  const value = text.slice(start, end);
  const trimmed = isPrintableAscii(text.charCodeAt(start)) && isPrintableAscii(text.charCodeAt(end - 1)) ? value : value.trim();
  return normalizeLineEnds(trimmed, lineEnds);
}

/** fast-xml-parser turns `\r\n` and a lone `\r` into `\n` before it parses. */
function normalizeLineEnds(value: string, lineEnds: boolean): string {
  return lineEnds && value.includes('\r') ? value.replace(LINE_END, '\n') : value;
}

const LINE_END = /\r\n?/g;

/**
 * Where the XML declaration ends (0 when there is none, -1 when it is one this reader leaves
 * to fast-xml-parser). Only the declaration XML 1.0 section 2.8 allows (version, encoding,
 * standalone) with values free of markup: fast-xml-parser reads its attributes as it reads an
 * element's, and would refuse or rename the same names.
 */
function xmlDeclarationEnd(text: string): number {
  if (!text.startsWith('<?xml') || !isSpace(text.charCodeAt(5))) return 0;
  XML_DECLARATION.lastIndex = 0;
  return XML_DECLARATION.test(text) ? XML_DECLARATION.lastIndex : -1;
}

const VALUE = `[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:"[^"<>?&]*"|'[^'<>?&]*')`;
const XML_DECLARATION = new RegExp(
  `<\\?xml[ \\t\\r\\n]+version${VALUE}(?:[ \\t\\r\\n]+encoding${VALUE})?(?:[ \\t\\r\\n]+standalone${VALUE})?[ \\t\\r\\n]*\\?>`,
  'y',
);

/** After `<!` inside a comment: what parse-xml.ts refuses anywhere in the text (its DOCTYPE check). */
const DECLARATION = /(?:DOCTYPE|ENTITY)\b/iy;

const EXCLAMATION = 0x21;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const GREATER = 0x3e;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

function isPrintableAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/**
 * Tag and attribute names, each sliced from a text once: a name is found by a hash of its
 * characters, so reading one allocates nothing and it is the same internalized string every
 * time it is used as a key (slicing and internalizing every name was about a third of the
 * reader's time). Refuses (undefined) a name every object inherits (`constructor`,
 * `__proto__`, `toString`, ...) and `prototype`: fast-xml-parser renames or refuses those,
 * and they must not become keys here. Kept from one document to the next (CSDL documents
 * share their names; one table per document cost more than it saved), bounded: short names
 * only, half the slots at most, cleared when a document starts with the table full.
 */
class NameTable {
  private slots: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS);
  private count = 0;

  startDocument(): void {
    if (this.count < NAME_SLOTS / 2) return;
    this.slots = new Array<string | undefined>(NAME_SLOTS);
    this.count = 0;
  }

  /** The ASCII name at `start` (a letter or `_`, then letters, digits, `_ . - :`); undefined when there is none. */
  read(text: string, start: number): string | undefined {
    const first = text.charCodeAt(start);
    if (!((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a) || first === 0x5f)) return undefined;
    let hash = first;
    let end = start + 1;
    for (; end < text.length; end++) {
      const code = text.charCodeAt(end);
      const letterOrDigit = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
      if (!letterOrDigit && code !== 0x5f && code !== 0x2e && code !== 0x2d && code !== 0x3a) break;
      hash = (Math.imul(hash, 31) + code) | 0;
    }
    let slot = hash & (NAME_SLOTS - 1);
    for (let known = this.slots[slot]; known !== undefined; known = this.slots[slot]) {
      if (known.length === end - start && text.startsWith(known, start)) return known;
      slot = (slot + 1) & (NAME_SLOTS - 1);
    }
    const name = text.slice(start, end);
    if (name in Object.prototype || name === 'prototype') return undefined;
    if (this.count < NAME_SLOTS / 2 && name.length <= MAX_KEPT_NAME) {
      // An object key is a flat internalized copy: kept, it holds on to no part of the text.
      this.slots[slot] = Object.keys({ [name]: 0 })[0]!;
      this.count++;
    }
    return name;
  }
}

/** Slots of the NameTable (a power of two). Graph v1.0 has 60 distinct names. */
const NAME_SLOTS = 1024;
/** Longer names (none in real CSDL) are sliced each time, not kept. */
const MAX_KEPT_NAME = 100;
const names = new NameTable();

const REFERENCE = /&(?:#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);/y;

/** `&` at `at` starts a character reference or one of the five predefined entities. */
function isReference(text: string, at: number): boolean {
  REFERENCE.lastIndex = at;
  return REFERENCE.test(text);
}
