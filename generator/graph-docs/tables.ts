/**
 * The tables Graph pages use to describe shape: Property|Type|Description (also Relationship
 * and Parameter) and Method|Return type|Description. Other tables (permissions, headers) are
 * not read here.
 */
import type { DiagnosticCollector } from '../diagnostics/collector.ts';
import { linksIn, nodePosition, plainText, type Table } from './markdown.ts';
import { findCues, findInheritedFrom, isNoneType, parseTypeText } from './type-text.ts';
import type { DocMethodRow, DocMethodTable, DocPropertyRow, DocPropertyTable, SectionPath } from './types.ts';

type TableCell = Table['children'][number]['children'][number];

export type ParsedTable = { kind: 'properties'; table: DocPropertyTable } | { kind: 'methods'; table: DocMethodTable };

const PROPERTY_KINDS: Record<string, DocPropertyTable['kind']> = {
  property: 'property',
  relationship: 'relationship',
  parameter: 'parameter',
};

export function parseTable(file: string, node: Table, section: SectionPath, diagnostics: DiagnosticCollector): ParsedTable | undefined {
  const [header, ...rows] = node.children;
  if (!header) return undefined;
  const titles = header.children.map((cell) => plainText(cell).toLowerCase());
  const source = nodePosition(file, node);
  const kind = PROPERTY_KINDS[titles[0] ?? ''];
  if (kind && titles[1] === 'type') {
    const parsed = rows.map((row) => propertyRow(file, row.children, nodePosition(file, row), diagnostics));
    return { kind: 'properties', table: { kind, section, source, rows: parsed.filter((r) => r !== undefined) } };
  }
  if (titles[0] === 'method' && titles[1] === 'return type') {
    const parsed = rows.map((row) => methodRow(file, row.children, nodePosition(file, row), diagnostics));
    return { kind: 'methods', table: { section, source, rows: parsed.filter((r) => r !== undefined) } };
  }
  return undefined;
}

function propertyRow(
  file: string,
  cells: TableCell[],
  source: DocPropertyRow['source'],
  diagnostics: DiagnosticCollector,
): DocPropertyRow | undefined {
  const nameText = cells[0] ? plainText(cells[0]) : '';
  const name = /^[^\s(]+/.exec(nameText)?.[0];
  if (!name) return undefined;
  const typeCell = cells[1];
  const typeText = typeCell ? plainText(typeCell) : '';
  const typeSource = typeCell ? cellPosition(file, typeCell) : source;
  const description = cells[2] ? plainText(cells[2]) : '';
  const row: DocPropertyRow = { name, nameText, typeText, description, cues: findCues(description, nameText), source, typeSource };
  const type = typeCell ? parseTypeText(typeText, linksIn(typeCell)[0]) : undefined;
  if (type) row.type = type;
  else diagnostics.report('docs/unknown-type-text', typeSource, { text: typeText });
  const inheritedFrom = findInheritedFrom(description);
  if (inheritedFrom) row.inheritedFrom = inheritedFrom;
  return row;
}

function methodRow(
  file: string,
  cells: TableCell[],
  source: DocMethodRow['source'],
  diagnostics: DiagnosticCollector,
): DocMethodRow | undefined {
  if (!cells[0]) return undefined;
  const link = linksIn(cells[0])[0];
  const returnCell = cells[1];
  const returnTypeText = returnCell ? plainText(returnCell) : '';
  const row: DocMethodRow = { name: plainText(cells[0]), returnTypeText, description: cells[2] ? plainText(cells[2]) : '', source };
  if (link) row.link = link.url;
  if (returnCell && !isNoneType(returnTypeText)) {
    const type = parseTypeText(returnTypeText, linksIn(returnCell)[0]);
    if (type) row.returnType = type;
    else diagnostics.report('docs/unknown-type-text', cellPosition(file, returnCell), { text: returnTypeText });
  }
  return row;
}

/** Where the cell's content starts (the cell node itself starts at its leading pipe). */
function cellPosition(file: string, cell: TableCell): DocPropertyRow['source'] {
  return nodePosition(file, cell.children[0] ?? cell);
}
