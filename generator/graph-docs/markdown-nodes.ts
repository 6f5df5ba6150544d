/**
 * The markdown tree the page reader works on: the part of mdast (the syntax tree of
 * CommonMark with GFM tables) that Graph pages need, with where each node starts. Node and
 * field names follow mdast, so the readers read like any mdast code; only start positions
 * are kept (1-based line and column, columns counted in characters as micromark does).
 */

export interface Point {
  line: number;
  column: number;
}

interface Positioned {
  position: { start: Point };
}

export interface Root {
  type: 'root';
  children: RootContent[];
}

export interface Heading extends Positioned {
  type: 'heading';
  depth: number;
  children: PhrasingContent[];
}

export interface Paragraph extends Positioned {
  type: 'paragraph';
  children: PhrasingContent[];
}

/** A fenced or indented code block; `value` is its content without container prefixes. */
export interface Code extends Positioned {
  type: 'code';
  lang: string | null;
  value: string;
}

/** An HTML block, or HTML inside a paragraph (a tag or a comment), as written. */
export interface Html extends Positioned {
  type: 'html';
  value: string;
}

export interface Table extends Positioned {
  type: 'table';
  children: TableRow[];
}

export interface TableRow extends Positioned {
  type: 'tableRow';
  children: TableCell[];
}

/** A cell starts at its leading pipe (at the row start when the row has none). */
export interface TableCell extends Positioned {
  type: 'tableCell';
  children: PhrasingContent[];
}

/** Blocks that hold other blocks; the reader opens them up. */
export interface Container extends Positioned {
  type: 'blockquote' | 'list' | 'listItem';
  children: RootContent[];
}

/** Blocks no reader looks into (thematic breaks, link definitions). */
export interface OtherBlock extends Positioned {
  type: 'thematicBreak' | 'definition';
}

export interface Text extends Positioned {
  type: 'text';
  value: string;
}

export interface InlineCode extends Positioned {
  type: 'inlineCode';
  value: string;
}

export interface Emphasis extends Positioned {
  type: 'emphasis' | 'strong';
  children: PhrasingContent[];
}

export interface Link extends Positioned {
  type: 'link';
  url: string;
  children: PhrasingContent[];
}

/** `[text][label]`, `[text][]` or `[text]` whose label a definition on the page defines. */
export interface LinkReference extends Positioned {
  type: 'linkReference';
  children: PhrasingContent[];
}

export interface Image extends Positioned {
  type: 'image';
  url: string;
  alt: string;
}

/** An image by a defined label: mdast gives it no children, so it has no visible text. */
export interface ImageReference extends Positioned {
  type: 'imageReference';
  alt: string;
}

export interface Break extends Positioned {
  type: 'break';
}

export type PhrasingContent = Text | InlineCode | Emphasis | Link | LinkReference | Image | ImageReference | Break | Html;

export type RootContent = Heading | Paragraph | Code | Html | Table | TableRow | TableCell | Container | OtherBlock | PhrasingContent;

export type Nodes = Root | RootContent;
