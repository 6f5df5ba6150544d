import { describe, expect, it } from 'vitest';
import { flattenBlocks, linksIn, plainText, type Block } from './markdown.ts';
import type { RootContent } from './markdown-nodes.ts';
import { parseMarkdown } from './markdown-tree.ts';

// Each expectation is what micromark + mdast-util-from-markdown (the parser before lezer) gave.
const blocks = (markdown: string) => flattenBlocks(parseMarkdown(markdown));
const at = (node: RootContent) => `${node.position.start.line}:${node.position.start.column}`;
const summary = (block: Block) => [block.type, at(block.node)];

describe('markdown tree', () => {
  it('reads headings, paragraphs, code and HTML blocks at the positions mdast gives', () => {
    const read = blocks('# Title\n\nIntro *text*.\n\n<!-- { "blockType": "request" } -->\n  ```http\n  GET /x\n  ```\n');
    expect(read.map(summary)).toEqual([
      ['heading', '1:1'],
      ['paragraph', '3:1'],
      ['html', '5:1'],
      ['code', '6:3'],
    ]);
    const code = read[3]!.node;
    expect(code).toMatchObject({ lang: 'http', value: 'GET /x' });
    expect(plainText(read[1]!.node)).toBe('Intro text.');
  });

  it('takes container prefixes out of code in list items and block quotes', () => {
    const read = blocks('- item\n  ```json\n  {\n    "a": 1\n  }\n  ```\n\n> ```http\n> GET /y\n> ```\n');
    const codes = read.filter((block) => block.type === 'code').map((block) => block.node);
    expect(codes).toMatchObject([
      { value: '{\n  "a": 1\n}', position: { start: { line: 2, column: 3 } } },
      { value: 'GET /y', position: { start: { line: 8, column: 3 } } },
    ]);
  });

  it('reads a self-closing tag alone on its line as an HTML block (CommonMark 4.6, type 7)', () => {
    expect(blocks('<br />\n\ntext\n').map(summary)).toEqual([
      ['html', '1:1'],
      ['paragraph', '3:1'],
    ]);
  });

  it('keeps the brackets of an undefined reference as text, and the link around it', () => {
    const [paragraph] = blocks('See [f(a[, b])](#f) and [!NOTE] here.\n');
    expect(plainText(paragraph!.node)).toBe('See f(a[, b]) and [!NOTE] here.');
    expect(linksIn(paragraph!.node).map((link) => [link.text, link.url, at(link.node as RootContent)])).toEqual([['f(a[, b])', '#f', '1:5']]);
  });

  it('reads references with a definition as references, not links', () => {
    const [paragraph] = blocks('[foo] and [bar][foo] and [x](y.md)\n\n[foo]: http://z\n');
    expect(paragraph!.node.type === 'paragraph' && paragraph!.node.children.map((child) => child.type)).toEqual([
      'linkReference',
      'text',
      'linkReference',
      'text',
      'link',
    ]);
  });

  it('gives an empty table cell the position of its leading pipe', () => {
    const [table] = blocks('| Property | Type | Description |\n|:--|--|---|\n| a | [x](y.md) collection | |\n|  | String | d \\| e |\n');
    expect(table!.type).toBe('table');
    const rows = table!.node.type === 'table' ? table!.node.children : [];
    expect(rows.map((row) => row.children.map((cell) => [plainText(cell), at(cell.children[0] ?? cell)]))).toEqual([
      [
        ['Property', '1:3'],
        ['Type', '1:14'],
        ['Description', '1:21'],
      ],
      [
        ['a', '3:3'],
        ['x collection', '3:7'],
        ['', '3:28'],
      ],
      [
        ['', '4:1'],
        ['String', '4:6'],
        ['d | e', '4:15'],
      ],
    ]);
  });

  it('decodes escapes and character references as mdast does', () => {
    const [paragraph] = blocks('a &amp; &copy; &#65; &#x42; &bogus; \\* \\_\n');
    expect(plainText(paragraph!.node)).toBe('a & © A B &bogus; * _');
  });

  it('keeps positions and values in CRLF files', () => {
    const read = blocks('Line one\r\nline two [x](y.md)\r\n\r\n```json\r\n{\r\n  "a": 1\r\n}\r\n```\r\n');
    expect(linksIn(read[0]!.node).map((link) => at(link.node as RootContent))).toEqual(['2:10']);
    expect(read[1]!.node).toMatchObject({ value: '{\r\n  "a": 1\r\n}', position: { start: { line: 4, column: 1 } } });
  });
});
