import type { DiagnosticCollector } from '../../diagnostics/collector.ts';
import type { LineIndex } from '../../diagnostics/line-index.ts';
import { attribute, positionOf, type XmlElement } from '../../csdl/xml-element.ts';
import type { SourcePosition, TypeReference } from '../types.ts';

/** What the builders of one CSDL document share. */
export interface BuildContext {
  diagnostics: DiagnosticCollector;
  lines: LineIndex;
  /** Alias -> namespace, for this document (CSDL 3.3: aliases are document-scoped). */
  aliases: Record<string, string>;
  /** Namespace of the schema being read. */
  namespace: string;
}

export function at(element: XmlElement, context: BuildContext): SourcePosition {
  return positionOf(element, context.lines);
}

/** Resolves an alias-qualified name (`graph.user`) to its namespace-qualified form. */
export function qualify(name: string, context: Pick<BuildContext, 'aliases'>): string {
  const dot = name.lastIndexOf('.');
  if (dot === -1) return name;
  const prefix = name.slice(0, dot);
  const namespace = Object.hasOwn(context.aliases, prefix) ? context.aliases[prefix] : prefix;
  return `${namespace}.${name.slice(dot + 1)}`;
}

const COLLECTION = /^Collection\((.+)\)$/;

/** Parses `Collection(graph.user)` or `Edm.String` into a resolved type reference. */
export function typeReference(typeText: string, context: Pick<BuildContext, 'aliases'>): TypeReference {
  const match = COLLECTION.exec(typeText.trim());
  const inner = match ? match[1]!.trim() : typeText.trim();
  return { type: qualify(inner, context), collection: Boolean(match) };
}

/** Reads a boolean attribute (xs:boolean: true, false, 1, 0); absent gives `fallback`. Other values are reported by check-xml-shape.ts. */
export function booleanAttribute(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (value === 'true' || value === '1') return true;
  return value === 'false' || value === '0' ? false : fallback;
}

/** Reads an attribute CSDL requires; a missing one is reported and read as ''. */
export function requiredAttribute(element: XmlElement, name: string, tag: string, context: BuildContext): string {
  const value = attribute(element, name);
  if (value !== undefined) return value;
  context.diagnostics.report('csdl/missing-attribute', at(element, context), { element: tag, attribute: name });
  return '';
}
