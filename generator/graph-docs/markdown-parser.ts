/**
 * The lezer markdown parser as pages are read: CommonMark with the GFM table extension, and
 * one correction. Lezer's rule for an HTML block of type 7 (CommonMark 4.6: a line holding
 * only a complete open or closing tag) leaves out self-closing tags, so `<br />` alone on a
 * line became a paragraph; micromark, and CommonMark, make it an HTML block.
 */
import { parser as commonMark, Table as gfmTable, type BlockContext, type BlockParser, type Element, type Line } from '@lezer/markdown';

/** A self-closing open tag alone on its line (CommonMark 6.6 open tag, `/>` form). */
const SELF_CLOSING_TAG = /^[ \t]*<[a-z][a-z\d-]*(?:\s+[a-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/>[ \t]*$/i;
/** Type 1 starts (`<pre`, `<script`, ...) end at their closing tag, not at a blank line: lezer's own rule reads them. */
const RAW_TEXT_START = /^<(?:script|pre|style|textarea)(?:\s|>|$)/i;
const BLANK = /^[ \t]*$/;

const selfClosingTagBlock: BlockParser = {
  name: 'SelfClosingTagBlock',
  before: 'HTMLBlock',
  parse(cx: BlockContext, line: Line): boolean {
    if (line.next !== 60 /* < */) return false;
    const rest = line.text.slice(line.pos);
    if (RAW_TEXT_START.test(rest) || !SELF_CLOSING_TAG.test(rest)) return false;
    const from = cx.lineStart + line.pos;
    const marks: Element[] = [];
    // As lezer's HTMLBlock: up to a blank line, or to the line that leaves a container.
    while (!BLANK.test(line.text) && cx.nextLine()) {
      if (lineDepth(line) < cx.depth) break;
      marks.push(...line.markers);
    }
    cx.addElement(cx.elt('HTMLBlock', from, cx.prevLineEnd(), marks));
    return true;
  },
};

/** How many containers the line continues; lezer keeps it on the line without declaring it. */
function lineDepth(line: Line): number {
  return (line as unknown as { depth?: number }).depth ?? Number.POSITIVE_INFINITY;
}

export const markdownParser = commonMark.configure([gfmTable, { parseBlock: [selfClosingTagBlock] }]);
