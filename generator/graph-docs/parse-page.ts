/**
 * One Graph reference page (markdown) -> DocPage. Never throws on bad input: malformed
 * YAML, JSON or HTTP is reported to the collector and the rest of the page is still read.
 */
import type { DiagnosticCollector } from '../diagnostics/collector.ts';
import { collectCodeBlocks } from './code-blocks.ts';
import { parseFrontMatter, splitFrontMatter } from './front-matter.ts';
import { parseRequestLines } from './http-block.ts';
import { flattenBlocks, nodePosition, parseMarkdown, plainText, type Block } from './markdown.ts';
import { readProse } from './page-text.ts';
import { parseTable } from './tables.ts';
import { splitLines } from './text-span.ts';
import type { DocCodeBlock, DocLink, DocPage, DocPropertyTable } from './types.ts';

export function parsePage(file: string, text: string, diagnostics: DiagnosticCollector): DocPage {
  const { body, yaml } = splitFrontMatter(text.replace(/^\uFEFF/, ''));
  const sourceLines = splitLines(body);
  const blocks = flattenBlocks(parseMarkdown(body));
  const { annotations, codeBlocks } = collectCodeBlocks(file, sourceLines, blocks, diagnostics);
  const page: DocPage = {
    file,
    kind: 'other',
    headings: headings(file, blocks),
    annotations,
    codeBlocks,
    tables: [],
    methodTables: [],
    requestLines: codeBlocks.filter(isRequestSection).flatMap((code) => parseRequestLines(code.span)),
    links: [],
    ...readProse(file, blocks),
  };
  if (yaml) {
    const frontMatter = parseFrontMatter(file, yaml, diagnostics);
    if (frontMatter) page.frontMatter = frontMatter;
    const docType = frontMatter?.data.doc_type;
    if (typeof docType === 'string') page.docType = docType;
  }
  for (const block of blocks) {
    if (block.type !== 'table') continue;
    const parsed = parseTable(file, block.node, block.section, diagnostics);
    if (parsed?.kind === 'properties') page.tables.push(parsed.table);
    if (parsed?.kind === 'methods') page.methodTables.push(parsed.table);
  }
  if (!page.requestBody) {
    const table = page.tables.find((t) => isSection(t.section, /^request body$/i));
    if (table) page.requestBody = { kind: 'properties', source: table.source };
  }
  page.kind = pageKind(page);
  page.links = collectLinks(page);
  return page;
}

function headings(file: string, blocks: Block[]): DocPage['headings'] {
  return blocks.flatMap((block) =>
    block.type === 'heading' && !block.tab
      ? [{ text: plainText(block.node), depth: block.node.depth, source: nodePosition(file, block.node) }]
      : [],
  );
}

function isSection(section: string[], pattern: RegExp): boolean {
  return section[0] !== undefined && pattern.test(section[0]);
}

function isRequestSection(code: DocCodeBlock): boolean {
  return isSection(code.section, /^http requests?$/i);
}

function pageKind(page: DocPage): DocPage['kind'] {
  if (page.docType === 'resourcePageType') return 'resource';
  if (page.docType === 'apiPageType') return 'api';
  if (page.annotations.some((a) => a.blockType?.toLowerCase() === 'resource')) return 'resource';
  if (page.requestLines.length) return 'api';
  return 'other';
}

/** Links the reader may follow, by why the page makes them. */
function collectLinks(page: DocPage): DocLink[] {
  const links: DocLink[] = [];
  const add = (url: string | undefined, role: DocLink['role'], source: DocLink['source']) => {
    if (url !== undefined) links.push({ url, role, source });
  };
  if (page.inheritsFrom) add(page.inheritsFrom.link, 'base-type', page.inheritsFrom.source);
  for (const table of page.methodTables) {
    for (const row of table.rows) {
      add(row.link, 'method', row.source);
      add(row.returnType?.link, 'response-type', row.source);
    }
  }
  for (const table of page.tables) for (const row of table.rows) add(row.type?.link, tableRole(table), row.typeSource);
  if (page.success?.responseType) add(page.success.responseType.link, 'response-type', page.success.source);
  if (page.requestBody?.type) add(page.requestBody.type.link, 'request-type', page.requestBody.source);
  return links;
}

function tableRole(table: DocPropertyTable): DocLink['role'] {
  return table.kind === 'relationship' ? 'relationship-type' : 'property-type';
}
