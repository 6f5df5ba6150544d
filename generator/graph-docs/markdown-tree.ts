/**
 * Markdown -> the page reader's tree (markdown-nodes.ts), parsed with @lezer/markdown
 * (CommonMark with the GFM table extension; see docs/decisions/0018). Lezer gives every
 * node, inline ones too, as a range of the source, so positions are exact; this file turns
 * those ranges into mdast-shaped nodes with the values mdast gives (escapes and character
 * references decoded, container prefixes taken out of code and HTML, reference links only
 * where a definition exists), so every file:line:col stays what it was with micromark.
 */
import type { TreeCursor } from '@lezer/common';
import type { Code, Html, PhrasingContent, Point, Root, RootContent, Table, TableCell, TableRow, Text } from './markdown-nodes.ts';
import { columnsBetween, isSpace, lineStartOffsets, skipColumns } from './markdown-columns.ts';
import { markdownParser } from './markdown-parser.ts';
import { altText, decodeReference, decodeText, normalizeLabel, trimText } from './markdown-text.ts';

/** Nodes that only delimit their parent; their text is never content. */
const MARKS = new Set(['HeaderMark', 'QuoteMark', 'ListMark', 'LinkMark', 'EmphasisMark', 'CodeMark', 'TableDelimiter', 'LinkTitle', 'LinkLabel', 'URL']);

/** A container a line passes through before a block's content: `>` or a list item's indent. */
type Container = { kind: 'quote' } | { kind: 'item'; indent: number };

/** Rounds of parsing with undefined references masked; each round can only uncover nested ones. */
const MAX_ROUNDS = 4;

export function parseMarkdown(text: string): Root {
  let parsed = forLezer(text);
  for (let round = 1; ; round++) {
    const reader = new TreeReader(text, parsed);
    const root = reader.root();
    if (reader.unresolved.length === 0 || round === MAX_ROUNDS) return root;
    parsed = mask(parsed, reader.unresolved);
  }
}

/**
 * Lezer ends lines at `\n` only: a `\r` ending is made `\n`, and the `\r` of `\r\n` a space
 * (the same length, so every offset still points into the real text).
 */
function forLezer(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, (ending) => (ending.length === 2 ? ' \n' : '\n')) : text;
}

/**
 * Lezer reads every `[label]` as a link, defined or not; CommonMark only a defined one. An
 * undefined one still counts for lezer, so it can swallow the link around it
 * (`[f(a[, b])](#f)`) or split emphasis: the text is parsed again with its brackets masked.
 */
function mask(text: string, offsets: number[]): string {
  const chars = text.split('');
  for (const offset of offsets) chars[offset] = '\uE000';
  return chars.join('');
}

class TreeReader {
  /** Brackets of undefined references whose reading by lezer may differ from CommonMark's. */
  readonly unresolved: number[] = [];
  private readonly starts: number[];
  private readonly definitions: Set<string>;
  private readonly cursor: TreeCursor;
  private inCell = false;
  /** The containers of the block being read, for taking their prefixes out of inline HTML and code. */
  private containers: Container[] = [];
  /** Where the leaf block being read starts. */
  private leafFrom = 0;

  /** `text` is the page; `parsed` the same length text lezer reads (line endings, masks). */
  constructor(
    private readonly text: string,
    parsed: string,
  ) {
    this.starts = lineStartOffsets(text);
    const tree = markdownParser.parse(parsed);
    this.cursor = tree.cursor();
    this.definitions = text.includes(']:') ? this.collectDefinitions(tree.cursor()) : new Set();
  }

  root(): Root {
    return { type: 'root', children: this.blocks([]) };
  }

  /** Labels of link reference definitions (`[label]: url`), normalised as CommonMark compares them. */
  private collectDefinitions(cursor: TreeCursor): Set<string> {
    const labels = new Set<string>();
    do {
      if (cursor.name === 'LinkLabel' && cursor.node.parent?.name === 'LinkReference') {
        labels.add(normalizeLabel(this.text.slice(cursor.from + 1, cursor.to - 1)));
      }
    } while (cursor.next());
    return labels;
  }

  private point(offset: number): Point {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }

  private at(offset: number): { start: Point } {
    return { start: this.point(offset) };
  }

  /** The block children of the node under the cursor. */
  private blocks(containers: Container[]): RootContent[] {
    const c = this.cursor;
    const children: RootContent[] = [];
    if (!c.firstChild()) return children;
    do {
      const block = this.block(containers);
      if (block) children.push(block);
    } while (c.nextSibling());
    c.parent();
    return children;
  }

  private block(containers: Container[]): RootContent | undefined {
    const c = this.cursor;
    const { name, from, to } = c;
    const position = this.at(from);
    this.containers = containers;
    this.leafFrom = from;
    switch (name) {
      case 'Blockquote':
        return { type: 'blockquote', position, children: this.blocks([...containers, { kind: 'quote' }]) };
      case 'BulletList':
      case 'OrderedList':
        return { type: 'list', position, children: this.blocks(containers) };
      case 'ListItem':
        return { type: 'listItem', position, children: this.blocks([...containers, { kind: 'item', indent: this.itemIndent(containers) }]) };
      case 'Paragraph':
        return { type: 'paragraph', position, children: this.phrasing(from, this.trimEnd(from, to)) };
      case 'FencedCode':
        return this.fencedCode(containers);
      case 'CodeBlock':
        return this.indentedCode(containers);
      case 'HTMLBlock':
      case 'CommentBlock':
      case 'ProcessingInstructionBlock':
        return { type: 'html', position, value: this.linesWithout(from, to, containers) } satisfies Html;
      case 'Table':
        return this.table();
      case 'HorizontalRule':
        return { type: 'thematicBreak', position };
      case 'LinkReference':
        return { type: 'definition', position };
      case 'QuoteMark':
      case 'ListMark':
        return undefined;
      default: {
        const depth = /^(?:ATX|Setext)Heading([1-6])$/.exec(name)?.[1];
        if (depth) return { type: 'heading', position, depth: Number(depth), children: this.headingContent() };
        return undefined;
      }
    }
  }

  /** A heading's inline content: without its `#` sequences or setext underline, and the spaces around them. */
  private headingContent(): PhrasingContent[] {
    const c = this.cursor;
    let { from, to } = c;
    const nodeFrom = from;
    this.eachChild(() => {
      if (c.name !== 'HeaderMark') return;
      if (c.from === nodeFrom) from = c.to;
      else to = Math.min(to, c.from);
    });
    while (from < to && isSpace(this.text.charCodeAt(from))) from++;
    while (to > from && isSpace(this.text.charCodeAt(to - 1))) to--;
    return this.phrasing(from, to);
  }

  /** Columns from the container's content start to the item's content (CommonMark 5.2). */
  private itemIndent(containers: Container[]): number {
    const c = this.cursor;
    const line = this.lineOf(c.from);
    const base = this.contentStart(line, containers);
    let indent = 0;
    this.eachChild(() => {
      if (c.name !== 'ListMark' || indent) return;
      const lineEnd = this.lineEnd(line);
      let after = c.to;
      while (after < lineEnd && (this.text[after] === ' ' || this.text[after] === '\t')) after++;
      const spaces = columnsBetween(this.text, this.starts[line]!, c.to, after);
      const gap = after === lineEnd || spaces > 4 ? 1 : spaces;
      indent = columnsBetween(this.text, this.starts[line]!, base.offset, c.to) + gap;
    });
    return indent;
  }

  private fencedCode(containers: Container[]): Code {
    const c = this.cursor;
    const { from, to } = c;
    const first = this.lineOf(from);
    let lang: string | null = null;
    let closing = -1;
    this.eachChild(() => {
      if (c.name === 'CodeInfo') lang = decodeText(this.text.slice(c.from, c.to).split(/[ \t]/)[0]!) || null;
      else if (c.name === 'CodeMark' && c.from > from) closing = this.lineOf(c.from);
    });
    const last = closing === -1 ? this.lineOf(to) : closing - 1;
    const start = this.contentStart(first, containers);
    const fenceIndent = start.virtual + columnsBetween(this.text, this.starts[first]!, start.offset, from);
    const lines: string[] = [];
    for (let line = first + 1; line <= last; line++) lines.push(this.lineContent(line, containers, fenceIndent));
    return { type: 'code', position: this.at(from), lang, value: this.joinLines(lines, first + 1) };
  }

  private indentedCode(containers: Container[]): Code {
    const { from, to } = this.cursor;
    const first = this.lineOf(from);
    const last = this.lineOf(to);
    const lines: string[] = [];
    for (let line = first; line <= last; line++) lines.push(this.lineContent(line, containers, 4));
    while (lines.length > 1 && lines[lines.length - 1]!.trim() === '') lines.pop();
    const start = this.contentStart(first, containers);
    return { type: 'code', position: this.at(start.offset), lang: null, value: this.joinLines(lines, first) };
  }

  private table(): Table {
    const c = this.cursor;
    const table: Table = { type: 'table', position: this.at(c.from), children: [] };
    this.eachChild(() => {
      if (c.name === 'TableHeader' || c.name === 'TableRow') table.children.push(this.tableRow());
    });
    return table;
  }

  /**
   * The cells of a row. Lezer gives no node for an empty cell, so cells are read between
   * the pipes: a cell starts at its leading pipe, an empty one too, as in mdast.
   */
  private tableRow(): TableRow {
    const c = this.cursor;
    const row: TableRow = { type: 'tableRow', position: this.at(c.from), children: [] };
    let pipe: number | undefined;
    let filled = false;
    if (!c.firstChild()) return row;
    do {
      if (c.name === 'TableDelimiter') {
        if (pipe !== undefined && !filled) row.children.push({ type: 'tableCell', position: this.at(pipe), children: [] });
        pipe = c.from;
        filled = false;
      } else if (c.name === 'TableCell') {
        this.inCell = true;
        this.leafFrom = c.from;
        const cell: TableCell = { type: 'tableCell', position: this.at(pipe ?? c.from), children: this.phrasing(c.from, c.to) };
        this.inCell = false;
        row.children.push(cell);
        filled = true;
      }
    } while (c.nextSibling());
    c.parent();
    return row;
  }

  /**
   * Inline content between `from` and `to` of the node under the cursor: the gaps between
   * its inline children are text, marks (`#`, `>`, `*`, `[`) are not. Text, escapes and
   * character references run together into one text node, as mdast has them.
   */
  private phrasing(from: number, to: number): PhrasingContent[] {
    const c = this.cursor;
    const out: PhrasingContent[] = [];
    let pos = from;
    if (c.firstChild()) {
      do {
        if (c.to <= from || c.from >= to) continue;
        if (c.from > pos) this.pushText(out, this.text.slice(pos, c.from), pos);
        pos = c.to;
        if (!MARKS.has(c.name)) this.inline(out);
      } while (c.nextSibling());
      c.parent();
    }
    if (to > pos) this.pushText(out, this.text.slice(pos, to), pos);
    return trimText(out);
  }

  private inline(out: PhrasingContent[]): void {
    const c = this.cursor;
    const { name, from, to } = c;
    const position = this.at(from);
    switch (name) {
      case 'Escape':
        this.pushText(out, this.text.slice(from + 1, to), from);
        return;
      case 'Entity':
        this.pushText(out, decodeReference(this.text.slice(from, to)), from);
        return;
      case 'HardBreak':
        out.push({ type: 'break', position });
        return;
      case 'Emphasis':
      case 'StrongEmphasis':
        out.push({ type: name === 'Emphasis' ? 'emphasis' : 'strong', position, children: this.between('EmphasisMark') });
        return;
      case 'InlineCode':
        out.push({ type: 'inlineCode', position, value: this.codeSpan() });
        return;
      case 'HTMLTag':
      case 'Comment':
      case 'ProcessingInstruction':
        // micromark takes up to 3 spaces of a continuation line's indent out of inline HTML.
        out.push({ type: 'html', position, value: this.linesWithout(from, to, this.containers).replace(/(\r\n|\n|\r)[ \t]{1,3}/g, '$1') });
        return;
      case 'Link':
      case 'Image':
        this.link(out, name === 'Image');
        return;
      case 'Autolink': {
        const url = this.childText('URL') ?? '';
        const href = /^[^@\s]+@[^@\s]+$/.test(url) && !/^[a-z][a-z\d+.-]*:/i.test(url) ? `mailto:${url}` : url;
        out.push({ type: 'link', position, url: href, children: [{ type: 'text', position: this.at(from + 1), value: url }] });
        return;
      }
      default:
        this.pushText(out, this.text.slice(from, to), from);
    }
  }

  /**
   * `[text](url)`, `![alt](url)`, and the reference forms. A reference whose label no
   * definition defines is not a link in CommonMark (6.3): its brackets stay text.
   */
  private link(out: PhrasingContent[], image: boolean): void {
    const c = this.cursor;
    const { from, to } = c;
    const marks: { from: number; to: number }[] = [];
    let url: string | undefined;
    let label: string | undefined;
    if (c.firstChild()) {
      do {
        const name = c.name;
        if (name === 'LinkMark') marks.push({ from: c.from, to: c.to });
        else if (name === 'URL') url = this.text.slice(c.from, c.to);
        else if (name === 'LinkLabel') label = this.text.slice(c.from + 1, c.to - 1);
      } while (c.nextSibling());
      c.parent();
    }
    const open = marks[0];
    const close = marks[1];
    if (!open || !close) {
      this.pushText(out, this.text.slice(from, to), from);
      return;
    }
    const children = this.phrasing(open.to, close.from);
    const position = this.at(from);
    const inline = marks[2] !== undefined && this.text[marks[2].from] === '(';
    if (inline) {
      const href = decodeText((url ?? '').replace(/^<([\s\S]*)>$/, '$1'));
      if (image) out.push({ type: 'image', position, url: href, alt: altText(children) });
      else out.push({ type: 'link', position, url: href, children });
      return;
    }
    const key = normalizeLabel(label || this.text.slice(open.to, close.from));
    if (this.definitions.has(key)) {
      if (image) out.push({ type: 'imageReference', position, alt: altText(children) });
      else out.push({ type: 'linkReference', position, children });
      return;
    }
    this.noteUnresolved(from, to, open, close, marks, image, children);
    this.pushText(out, this.text.slice(from, open.to), from);
    for (const child of children) {
      const last = out[out.length - 1];
      if (child.type === 'text' && last?.type === 'text') last.value += child.value;
      else out.push(child);
    }
    this.pushText(out, this.text.slice(close.from, to), close.from);
  }

  /**
   * An undefined reference is read right only when nothing around it depends on it: no
   * `[` before it in its block (an enclosing link) and no emphasis delimiter inside it.
   */
  private noteUnresolved(
    from: number,
    to: number,
    open: { from: number; to: number },
    close: { from: number; to: number },
    marks: { from: number; to: number }[],
    image: boolean,
    children: PhrasingContent[],
  ): void {
    const before = this.text.slice(this.leafFrom, from);
    const inside = this.text.slice(open.to, close.from);
    if (!before.includes('[') && !/[*_]/.test(inside) && children.every((child) => child.type === 'text' || child.type === 'inlineCode')) return;
    this.unresolved.push(image ? open.from + 1 : open.from, close.from);
    for (const mark of marks.slice(2)) if (this.text[mark.from] === '[' || this.text[mark.from] === ']') this.unresolved.push(mark.from);
    if (to > close.to && this.text[to - 1] === ']' && !marks.some((mark) => mark.from === to - 1)) this.unresolved.push(to - 1);
  }

  /** Inline children between the first pair of `mark` children (emphasis delimiters). */
  private between(mark: string): PhrasingContent[] {
    const c = this.cursor;
    let open: number | undefined;
    let close: number | undefined;
    this.eachChild(() => {
      if (c.name !== mark) return;
      if (open === undefined) open = c.to;
      else close = c.from;
    });
    return open === undefined || close === undefined ? [] : this.phrasing(open, close);
  }

  /** A code span's content: line endings read as spaces, one padding space stripped (CommonMark 6.1). */
  private codeSpan(): string {
    const c = this.cursor;
    const marks: { from: number; to: number }[] = [];
    this.eachChild(() => {
      if (c.name === 'CodeMark') marks.push({ from: c.from, to: c.to });
    });
    const open = marks[0];
    const close = marks[marks.length - 1];
    if (!open || !close || open === close) return '';
    // As micromark: line endings stay; one space or line ending of padding goes (CommonMark 6.1).
    let value = this.linesWithout(open.to, close.from, this.containers);
    if (/^[ \r\n][\s\S]*[^ \r\n][\s\S]*[ \r\n]$/.test(value)) value = value.slice(1, -1);
    // GFM tables: a pipe escaped inside a cell's code span is the pipe itself.
    return this.inCell ? value.replace(/\\\|/g, '|') : value;
  }

  private childText(name: string): string | undefined {
    const c = this.cursor;
    let found: string | undefined;
    this.eachChild(() => {
      if (found === undefined && c.name === name) found = this.text.slice(c.from, c.to);
    });
    return found;
  }

  /**
   * Appends text, run together with a text node just before it. A new text node starts
   * after the spaces that end a line or indent one, which are not text in mdast.
   */
  private pushText(out: PhrasingContent[], value: string, offset: number): void {
    if (value === '') return;
    const last = out[out.length - 1];
    if (last?.type === 'text') {
      last.value += value;
      return;
    }
    let skip = 0;
    const first = value.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      const atLineStart = offset === 0 || this.text[offset - 1] === '\n' || this.text[offset - 1] === '\r' || last?.type === 'break';
      skip = (atLineStart ? /^[ \t]*/ : /^[ \t]*(?=[\r\n])/).exec(value)?.[0].length ?? 0;
    }
    if (skip === value.length) return;
    out.push({ type: 'text', position: this.at(offset + skip), value: value.slice(skip) } satisfies Text);
  }

  private trimEnd(from: number, to: number): number {
    while (to > from && isSpace(this.text.charCodeAt(to - 1))) to--;
    return to;
  }

  /** Calls `visit` with the cursor on each child of the node under it, then puts it back. */
  private eachChild(visit: () => void): void {
    const c = this.cursor;
    if (!c.firstChild()) return;
    do visit();
    while (c.nextSibling());
    c.parent();
  }

  private lineOf(offset: number): number {
    return this.point(offset).line - 1;
  }

  private lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    return this.text[next - 2] === '\r' && this.text[next - 1] === '\n' ? next - 2 : next - 1;
  }

  /** Where a line's content starts inside its containers (`>` markers and item indents taken off). */
  private contentStart(line: number, containers: Container[]): { offset: number; virtual: number } {
    const lineStart = this.starts[line]!;
    const end = this.lineEnd(line);
    let offset = lineStart;
    let virtual = 0;
    for (const container of containers) {
      if (container.kind === 'quote') {
        const skipped = skipColumns(this.text, lineStart, offset, end, 3, virtual);
        if (this.text[skipped.offset] !== '>') return skipped;
        const after = skipColumns(this.text, lineStart, skipped.offset + 1, end, 1, 0);
        offset = after.offset;
        virtual = after.virtual;
      } else {
        const skipped = skipColumns(this.text, lineStart, offset, end, container.indent, virtual);
        offset = skipped.offset;
        virtual = skipped.virtual;
      }
    }
    return { offset, virtual };
  }

  /** A line of a block's content: container prefixes taken off, then up to `indent` columns of space. */
  private lineContent(line: number, containers: Container[], indent: number): string {
    const start = this.contentStart(line, containers);
    const end = this.lineEnd(line);
    const skipped = skipColumns(this.text, this.starts[line]!, start.offset, end, indent, start.virtual);
    return ' '.repeat(skipped.virtual) + this.text.slice(skipped.offset, end);
  }

  /** The source from `from` to `to` with the container prefixes of the lines after the first taken off. */
  private linesWithout(from: number, to: number, containers: Container[]): string {
    const first = this.lineOf(from);
    const last = this.lineOf(to);
    // A `\r` before `\n` was a space for lezer; it is not part of the line.
    to = Math.min(to, this.lineEnd(last));
    if (first === last || containers.length === 0) return this.text.slice(from, to);
    const lines = [this.text.slice(from, this.lineEnd(first))];
    for (let line = first + 1; line <= last; line++) {
      const start = this.contentStart(line, containers);
      lines.push(' '.repeat(start.virtual) + this.text.slice(start.offset, Math.min(to, this.lineEnd(line))));
    }
    return this.joinLines(lines, first);
  }

  /** Lines joined with the line endings the source has after each. */
  private joinLines(lines: string[], firstLine: number): string {
    let value = '';
    for (let index = 0; index < lines.length; index++) {
      if (index > 0) {
        const end = this.lineEnd(firstLine + index - 1);
        value += this.text.slice(end, this.starts[firstLine + index] ?? end);
      }
      value += lines[index];
    }
    return value;
  }
}
