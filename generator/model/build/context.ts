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
  /**
   * Names and type references already resolved in this document, by their text: Graph writes
   * `Edm.String` ten thousand times. One string per name also means one hash and one flattening
   * where later stages look names up.
   */
  resolved: ResolvedNames;
}

export interface ResolvedNames {
  names: Map<string, string>;
  types: Map<string, TypeReference>;
  /** Whether some alias of the document has a dot (no valid one has); known once the aliases are read. */
  dottedAlias?: boolean;
}

export function resolvedNames(): ResolvedNames {
  return { names: new Map(), types: new Map() };
}

type Aliases = Pick<BuildContext, 'aliases'> & { resolved?: ResolvedNames };

export function at(element: XmlElement, context: BuildContext): SourcePosition {
  return positionOf(element, context.lines);
}

/** Resolves an alias-qualified name (`graph.user`) to its namespace-qualified form. */
export function qualify(name: string, context: Aliases): string {
  const dot = name.lastIndexOf('.');
  if (dot === -1) return name;
  const { resolved } = context;
  if (resolved) {
    // An alias is a SimpleIdentifier (CSDL XML 4.01, Alias of edmx:Include and edm:Schema), so a
    // name with two dots has none: it stays as written, found without hashing it (unless the
    // document declares a dotted alias all the same).
    resolved.dottedAlias ??= Object.keys(context.aliases).some((alias) => alias.includes('.'));
    if (!resolved.dottedAlias && name.indexOf('.') !== dot) return name;
    const known = resolved.names.get(name);
    if (known !== undefined) return known;
  }
  const prefix = name.slice(0, dot);
  // Only an alias changes a name; any other is returned as it is, not rebuilt.
  const qualified = Object.hasOwn(context.aliases, prefix) ? `${context.aliases[prefix]}.${name.slice(dot + 1)}` : name;
  resolved?.names.set(name, qualified);
  return qualified;
}

const COLLECTION = /^Collection\((.+)\)$/;

/** Parses `Collection(graph.user)` or `Edm.String` into a resolved type reference (shared: copy it, do not change it). */
export function typeReference(typeText: string, context: Aliases): TypeReference {
  const cache = context.resolved?.types;
  const known = cache?.get(typeText);
  if (known !== undefined) return known;
  const match = COLLECTION.exec(typeText.trim());
  const inner = match ? match[1]!.trim() : typeText.trim();
  const reference = { type: qualify(inner, context), collection: Boolean(match) };
  cache?.set(typeText, reference);
  return reference;
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
