/**
 * A fast look at whether XML text is well-formed, for the common case: true only for a
 * document in a plain subset of XML 1.0 (Extensible Markup Language 1.0, sections 2.1, 2.4,
 * 2.5, 2.7, 3.1, 4.1): one root element; ASCII names; attributes quoted, separated by
 * whitespace, each named once, without `<` in a value; every end tag matching its start tag;
 * character and predefined entity references only; comments and CDATA sections closed; no
 * text outside the root; an XML declaration only at the very start, no other processing
 * instruction, no DOCTYPE. Every such document is one the validator accepts (a test checks
 * this on random mutations of real files); false says only "not plain", and the validator
 * then decides and says where the problem is. Real CSDL is plain: Graph v1.0 (3.5 MB) is
 * checked in a fraction of the validator's time, with no allocation per character.
 * plain-reader.ts reads most plain documents in a pass that checks the same; this one is for
 * those it leaves to fast-xml-parser (CDATA, deep nesting, ...), which then need no validator.
 */
export function isPlainWellFormed(text: string): boolean {
  const length = text.length;
  const open: string[] = [];
  const attributes: string[] = [];
  let rootSeen = false;
  let nextAmpersand = text.indexOf('&');
  let at = 0;
  if (text.startsWith('<?xml') && isSpace(text.charCodeAt(5))) {
    const end = text.indexOf('?>', 5);
    if (end === -1) return false;
    at = end + 2;
  }
  while (at < length) {
    const tag = text.indexOf('<', at);
    const textEnd = tag === -1 ? length : tag;
    // Character data: only whitespace outside the root; references checked inside it.
    if (open.length === 0) {
      for (let index = at; index < textEnd; index++) if (!isSpace(text.charCodeAt(index))) return false;
    } else {
      while (nextAmpersand !== -1 && nextAmpersand < textEnd) {
        if (!isReference(text, nextAmpersand)) return false;
        nextAmpersand = text.indexOf('&', nextAmpersand + 1);
      }
    }
    if (tag === -1) break;
    const next = text.charCodeAt(tag + 1);
    if (next === EXCLAMATION) {
      if (text.startsWith('<!--', tag)) {
        const end = text.indexOf('-->', tag + 4);
        if (end === -1) return false;
        at = end + 3;
      } else if (open.length > 0 && text.startsWith('<![CDATA[', tag)) {
        const end = text.indexOf(']]>', tag + 9);
        if (end === -1) return false;
        at = end + 3;
      } else {
        return false;
      }
      if (nextAmpersand !== -1 && nextAmpersand < at) nextAmpersand = text.indexOf('&', at);
      continue;
    }
    if (next === SLASH) {
      const name = open.pop();
      if (name === undefined || !text.startsWith(name, tag + 2)) return false;
      let index = tag + 2 + name.length;
      while (index < length && isSpace(text.charCodeAt(index))) index++;
      if (text.charCodeAt(index) !== GREATER) return false;
      at = index + 1;
      continue;
    }
    // A start tag (or an empty-element tag).
    if (open.length === 0 && rootSeen) return false;
    const nameEnd = nameEndAt(text, tag + 1);
    if (nameEnd === tag + 1) return false;
    attributes.length = 0;
    let index = nameEnd;
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
        if (text.charCodeAt(index + 1) !== GREATER) return false;
        closed = empty = true;
        index += 2;
        break;
      }
      // An attribute: whitespace before it, then name = "value".
      if (!isSpace(code)) return false;
      while (index < length && isSpace(text.charCodeAt(index))) index++;
      const first = text.charCodeAt(index);
      if (first === GREATER || first === SLASH) continue;
      const attributeEnd = nameEndAt(text, index);
      if (attributeEnd === index) return false;
      const attribute = text.slice(index, attributeEnd);
      if (attributes.includes(attribute)) return false;
      attributes.push(attribute);
      index = attributeEnd;
      while (index < length && isSpace(text.charCodeAt(index))) index++;
      if (text.charCodeAt(index) !== EQUALS) return false;
      index++;
      while (index < length && isSpace(text.charCodeAt(index))) index++;
      const quote = text.charCodeAt(index);
      if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) return false;
      const valueEnd = text.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", index + 1);
      if (valueEnd === -1) return false;
      const less = text.indexOf('<', index + 1);
      if (less !== -1 && less < valueEnd) return false;
      while (nextAmpersand !== -1 && nextAmpersand < valueEnd) {
        if (nextAmpersand > index && !isReference(text, nextAmpersand)) return false;
        nextAmpersand = text.indexOf('&', nextAmpersand + 1);
      }
      index = valueEnd + 1;
      // After a value: whitespace, `>` or `/>` (checked by the loop).
      const after = text.charCodeAt(index);
      if (after !== GREATER && after !== SLASH && !isSpace(after)) return false;
    }
    if (!closed) return false;
    rootSeen = true;
    if (!empty) open.push(text.slice(tag + 1, nameEnd));
    at = index;
    if (nextAmpersand !== -1 && nextAmpersand < at) nextAmpersand = text.indexOf('&', at);
  }
  return rootSeen && open.length === 0;
}

const EXCLAMATION = 0x21;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const GREATER = 0x3e;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

/** Where an ASCII name starting at `start` ends (`start` when there is none): a letter or `_`, then letters, digits, `_ . - :`. */
function nameEndAt(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (!((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a) || first === 0x5f)) return start;
  let index = start + 1;
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const letterOrDigit = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
    if (!letterOrDigit && code !== 0x5f && code !== 0x2e && code !== 0x2d && code !== 0x3a) break;
  }
  return index;
}

const REFERENCE = /&(?:#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);/y;

/** `&` at `at` starts a character reference or one of the five predefined entities. */
function isReference(text: string, at: number): boolean {
  REFERENCE.lastIndex = at;
  return REFERENCE.test(text);
}
