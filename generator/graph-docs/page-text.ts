/**
 * Facts Graph pages state in prose: the title, the `Namespace:` line, the intro, "Inherits
 * from [x]", what the Response section says succeeds, and what the Request body section asks.
 */
import { linksIn, nodePosition, plainText, type Block, type Paragraph } from './markdown.ts';
import { parseTypeText } from './type-text.ts';
import type { DocPage, DocRequestBody, DocSuccess, DocTypeLink, DocTypeRef, SectionPath } from './types.ts';

type Prose = Pick<DocPage, 'title' | 'namespace' | 'description' | 'inheritsFrom' | 'success' | 'requestBody'>;

export function readProse(file: string, blocks: Block[]): Prose {
  const prose: Prose = {};
  for (const block of blocks) {
    if (block.type === 'heading' && !block.tab && block.node.depth === 1 && !prose.title) {
      prose.title = { text: plainText(block.node), source: nodePosition(file, block.node) };
    }
    if (block.type !== 'paragraph') continue;
    const text = plainText(block.node);
    const source = nodePosition(file, block.node);
    const namespace = /^Namespace:\s*([\w.]+)/i.exec(text);
    if (namespace && !prose.namespace) prose.namespace = { text: namespace[1]!, source };
    else if (!prose.description && isIntro(block.section, text)) prose.description = { text, source };
    setOnce(prose, 'inheritsFrom', () => inheritsFrom(file, block.node));
    const h2 = block.section[0] ?? '';
    if (/^responses?$/i.test(h2)) setOnce(prose, 'success', () => success(file, block.node, text));
    if (/^request body$/i.test(h2)) setOnce(prose, 'requestBody', () => requestBody(file, block.node, text));
  }
  return prose;
}

/** The first finding wins; absent findings leave no `undefined` keys in the plain data. */
function setOnce<K extends keyof Prose>(prose: Prose, key: K, find: () => Prose[K]): void {
  if (prose[key] !== undefined) return;
  const value = find();
  if (value !== undefined) prose[key] = value;
}

function isIntro(section: SectionPath, text: string): boolean {
  // Paragraphs under the title only; includes (`[!INCLUDE ...]`) and notes are not the intro.
  return section.length === 0 && text !== '' && !/^\[!|^>|^Namespace:|^Inherits from/i.test(text);
}

function inheritsFrom(file: string, node: Paragraph): DocTypeLink | undefined {
  const children = node.children;
  for (let i = 0; i + 1 < children.length; i++) {
    const child = children[i]!;
    const next = children[i + 1]!;
    if (child.type === 'text' && /\binherits from\s*$/i.test(child.value) && next.type === 'link') {
      return { name: plainText(next), link: next.url, source: nodePosition(file, next) };
    }
  }
  const match = /\binherits from\s+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)/i.exec(plainText(node));
  return match ? { name: match[1]!, source: nodePosition(file, node) } : undefined;
}

const STATUS = /\b([1-5]\d\d)(?:\s+([A-Za-z][A-Za-z -]*?))?\s+(?:response code|status code)/i;

/** "returns a `200 OK` response code and a [x](...) object in the response body". */
function success(file: string, node: Paragraph, text: string): DocSuccess | undefined {
  const match = STATUS.exec(text);
  if (!match) return undefined;
  const code = node.children.find((c) => c.type === 'inlineCode' && c.value.trim().startsWith(match[1]!));
  const result: DocSuccess = { status: Number(match[1]), reason: match[2] ?? '', source: nodePosition(file, code ?? node) };
  const after = text.slice(match.index + match[0].length);
  if (/response body/i.test(after)) {
    const type = typeAfterStatus(node, after);
    if (type) result.responseType = type;
  }
  return result;
}

/** The first link after the status sentence names the type; "collection of" makes it a collection. */
function typeAfterStatus(node: Paragraph, after: string): DocTypeRef | undefined {
  const link = linksIn(node).find((l) => after.includes(l.text));
  if (!link) return undefined;
  const before = after.slice(0, after.indexOf(link.text));
  const type = parseTypeText(link.text, link);
  if (type && /collection of\s*$/i.test(before)) type.collection = true;
  return type;
}

function requestBody(file: string, node: Paragraph, text: string): DocRequestBody | undefined {
  const source = nodePosition(file, node);
  if (/do not supply a request body|don't supply a request body|no request body/i.test(text)) return { kind: 'none', source };
  if (!/request body/i.test(text)) return undefined;
  const link = linksIn(node)[0];
  const type = link ? parseTypeText(link.text, link) : undefined;
  if (!type) return undefined;
  if (/collection of\s*$/i.test(text.slice(0, text.indexOf(link!.text)))) type.collection = true;
  return { kind: 'type', type, source };
}
