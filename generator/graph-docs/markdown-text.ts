import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { PhrasingContent } from './markdown-nodes.ts';

/**
 * Text values as mdast gives them: escapes and character references decoded (CommonMark 2.4,
 * 2.5), text trimmed around line endings, image alt text, and reference labels normalised.
 */
/** mdast text: no whitespace around line endings inside, none at the ends of the block. */
export function trimText(nodes: PhrasingContent[]): PhrasingContent[] {
  for (const node of nodes) {
    if (node.type === 'text' && (node.value.includes('\n') || node.value.includes('\r'))) {
      node.value = node.value.replace(/[ \t]*(\r\n|\n|\r)[ \t]*/g, '$1');
    }
  }
  return nodes;
}

export function altText(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) => ('value' in node ? node.value : 'alt' in node ? node.alt : 'children' in node ? altText(node.children) : ''))
    .join('');
}

/** `&amp;`, `&#123;`, `&#x1F;` -> the character; an unknown name stays as written. */
export function decodeReference(reference: string): string {
  const body = reference.slice(1, -1);
  if (body[0] !== '#') {
    const decoded = decodeNamedCharacterReference(body);
    return decoded === false ? reference : decoded;
  }
  const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
  // CommonMark 2.5: NUL, surrogates and code points past U+10FFFF read as U+FFFD.
  if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

const ESCAPABLE = /\\([!-/:-@[-`{-~])|&(#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{0,31});/g;

/** Backslash escapes and character references decoded, as in link destinations and info strings. */
export function decodeText(value: string): string {
  if (!value.includes('\\') && !value.includes('&')) return value;
  return value.replace(ESCAPABLE, (match, escaped: string | undefined) => (escaped !== undefined ? escaped : decodeReference(match)));
}

/** CommonMark 4.7: labels match case-insensitively, with inner whitespace collapsed. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}
