/**
 * The markdown layer: the mdast-shaped tree of markdown-tree.ts (CommonMark with GFM
 * tables), flattened into the sequence of leaf blocks a reader sees (container blocks such
 * as block quotes and lists are opened up), each with the headings it sits under.
 */
import type { SourcePosition } from '../model/types.ts';
import type { Code, Heading, Html, Nodes, Paragraph, Root, RootContent, Table } from './markdown-nodes.ts';
import type { SectionPath } from './types.ts';

export type { Code, Heading, Html, Nodes, Paragraph, PhrasingContent, Table } from './markdown-nodes.ts';
export { parseMarkdown } from './markdown-tree.ts';

export type Block =
  | { type: 'heading'; node: Heading; section: SectionPath; tab: boolean }
  | { type: 'paragraph'; node: Paragraph; section: SectionPath }
  | { type: 'code'; node: Code; section: SectionPath }
  | { type: 'html'; node: Html; section: SectionPath }
  | { type: 'table'; node: Table; section: SectionPath }
  | { type: 'other'; node: RootContent; section: SectionPath };

const CONTAINERS = new Set(['blockquote', 'list', 'listItem', 'footnoteDefinition']);

/** Leaf blocks in document order; inline HTML (a comment inside a paragraph) follows its paragraph. */
export function flattenBlocks(root: Root): Block[] {
  const blocks: Block[] = [];
  const headings: { depth: number; text: string }[] = [];
  let titleSeen = false;
  const section = (): SectionPath => headings.map((h) => h.text);
  const visit = (node: RootContent): void => {
    if (CONTAINERS.has(node.type) && 'children' in node) {
      for (const child of node.children as RootContent[]) visit(child);
      return;
    }
    switch (node.type) {
      case 'heading': {
        const tab = isTabHeading(node);
        const title = !tab && !titleSeen && node.depth === 1;
        titleSeen ||= title;
        if (!tab) {
          while (headings.length && headings[headings.length - 1]!.depth >= node.depth) headings.pop();
          // The page title is above every section, so it is left out of section paths.
          if (!title) headings.push({ depth: node.depth, text: plainText(node) });
        }
        blocks.push({ type: 'heading', node, section: section(), tab });
        return;
      }
      case 'paragraph':
        blocks.push({ type: 'paragraph', node, section: section() });
        for (const child of node.children) if (child.type === 'html') blocks.push({ type: 'html', node: child, section: section() });
        return;
      case 'code':
      case 'html':
      case 'table':
        blocks.push({ type: node.type, node, section: section() } as Block);
        return;
      default:
        blocks.push({ type: 'other', node, section: section() });
    }
  };
  for (const child of root.children) visit(child);
  return blocks;
}

/** `# [HTTP](#tab/http)`: the tab strip between a code block and its siblings in other languages. */
export function isTabHeading(node: Heading): boolean {
  const meaningful = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return meaningful.length === 1 && meaningful[0]!.type === 'link' && meaningful[0]!.url.startsWith('#tab/');
}

/** Visible text: link and emphasis text kept, inline code unquoted, whitespace collapsed. */
export function plainText(node: Nodes): string {
  const raw = rawText(node);
  // Most cell and heading texts have no runs of whitespace to collapse.
  return /\s\s|[^\S ]/.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw.trim();
}

function rawText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
    case 'html':
      return ' ';
    case 'image':
      return node.alt ?? '';
    default: {
      if (!('children' in node)) return '';
      const children = node.children as Nodes[];
      if (children.length === 1) return rawText(children[0]!);
      let text = '';
      for (const child of children) text += rawText(child);
      return text;
    }
  }
}

export function nodePosition(file: string, node: RootContent): SourcePosition {
  return { file, line: node.position.start.line, column: node.position.start.column };
}

/** The links in a node, depth first. */
export function linksIn(node: Nodes): { text: string; url: string; node: RootContent }[] {
  if (node.type === 'link') return [{ text: plainText(node), url: node.url, node }];
  if (!('children' in node)) return [];
  return (node.children as Nodes[]).flatMap(linksIn);
}

/** Whether the code node was written with a fence (``` or ~~~), not indented. */
export function isFenced(sourceLines: string[], node: Code): boolean {
  const line = sourceLines[(node.position?.start.line ?? 1) - 1] ?? '';
  return /^[\s>]*(?:[-*+]\s+|\d+[.)]\s+)?(`{3,}|~{3,})/.test(line);
}
