import { XMLParser } from 'fast-xml-parser';

/**
 * Rewrites CSDL XML without changing what it means: attributes in reverse order, elements
 * reversed wherever order carries no meaning, tabs instead of spaces. Kept in order: Parameter
 * lists (the binding parameter comes first), Collection items, key properties, and members of
 * an enum that count up without explicit values. Attribute values and text are written as
 * they were read (entity references included), so only order and layout change.
 */
const REORDERABLE = new Set(['edmx:DataServices', 'Schema', 'EntityType', 'ComplexType', 'EntityContainer', 'Annotations', 'Record']);

type Node = Record<string, unknown> & { ':@'?: Record<string, string>; '#text'?: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
});

export function reformat(xml: string): string {
  const nodes = parser.parse(xml.replace(/^\uFEFF/, '')) as Node[];
  return `<?xml version="1.0" encoding="utf-8"?>\n${nodes.flatMap((node) => write(rewrite(node), 0)).join('\n')}\n`;
}

function tagOf(node: Node): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text');
}

function rewrite(node: Node): Node {
  const tag = tagOf(node);
  if (!tag) return node;
  let children = (node[tag] as Node[]).map(rewrite);
  const countsUp = tag === 'EnumType' && children.some((child) => tagOf(child) === 'Member' && child[':@']?.['Value'] === undefined);
  if (REORDERABLE.has(tag) || (tag === 'EnumType' && !countsUp)) children = [...children].reverse();
  const result: Node = { [tag]: children };
  if (node[':@']) result[':@'] = Object.fromEntries(Object.entries(node[':@']).reverse());
  return result;
}

function write(node: Node, depth: number): string[] {
  const indent = '\t'.repeat(depth);
  const tag = tagOf(node);
  if (!tag) return [`${indent}${node['#text'] ?? ''}`];
  const attributes = Object.entries(node[':@'] ?? {})
    .map(([name, value]) => (value.includes('"') ? ` ${name}='${value}'` : ` ${name}="${value}"`))
    .join('');
  const children = node[tag] as Node[];
  if (children.length === 0) return [`${indent}<${tag}${attributes} />`];
  if (children.length === 1 && !tagOf(children[0]!)) return [`${indent}<${tag}${attributes}>${children[0]!['#text'] ?? ''}</${tag}>`];
  return [`${indent}<${tag}${attributes}>`, ...children.flatMap((child) => write(child, depth + 1)), `${indent}</${tag}>`];
}
