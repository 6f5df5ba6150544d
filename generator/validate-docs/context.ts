/**
 * What every check of validate-docs reads: the model the pages are checked against (the
 * CSDL's, merged with the docs; or the docs' own), every page read, the validator, the
 * operation index, and the collector findings go to. Checks never print; they report.
 */
import type { DiagnosticCollector } from '../diagnostics/collector.ts';
import type { Validator } from '../emit/validators/index.ts';
import type { DocPage } from '../graph-docs/types.ts';
import { lookupType } from '../model/queries.ts';
import type { Model, SchemaType } from '../model/types.ts';
import type { OperationIndex } from './operation-match.ts';

export interface CheckContext {
  model: Model;
  /** Every page read, linked ones included: checks look across pages (base types, links). */
  pages: DocPage[];
  validator: Validator;
  operations: OperationIndex;
  /** A CSDL gives the schema: the docs are checked against it, not against themselves. */
  csdl: boolean;
  findings: DiagnosticCollector;
}

/** How messages name what the pages are checked against. */
export function schemaName(context: CheckContext): string {
  return context.csdl ? 'CSDL' : 'pages read';
}

/** The namespace a page's unqualified type names live in. */
export function pageNamespace(page: DocPage): string {
  return page.namespace?.text.trim() || 'microsoft.graph';
}

/**
 * A type named the way pages name them: qualified or not, `#`-prefixed or not, and in any
 * case (docs links and annotations differ from the schema in case). Exact matches win.
 */
export function findType(model: Model, written: string, namespace: string): SchemaType | undefined {
  const name = written.trim().replace(/^#/, '');
  const qualified = name.includes('.') ? name : `${namespace}.${name}`;
  const exact = lookupType(model, qualified) ?? lookupType(model, name);
  if (exact) return exact;
  return lowerIndex(model).get(qualified.toLowerCase());
}

const lowerIndexes = new WeakMap<Model, Map<string, SchemaType>>();

function lowerIndex(model: Model): Map<string, SchemaType> {
  let index = lowerIndexes.get(model);
  if (!index) {
    index = new Map();
    for (const [name, type] of Object.entries(model.types)) if (!index.has(name.toLowerCase())) index.set(name.toLowerCase(), type);
    lowerIndexes.set(model, index);
  }
  return index;
}

/** `microsoft.graph.user` -> `user`: pages and schema may differ in the namespace part only. */
export function simpleName(name: string): string {
  return name.replace(/^#/, '').split('.').pop() ?? name;
}

/** Same type by simple name, ignoring case (pages rarely qualify names). */
export function sameTypeName(a: string, b: string): boolean {
  return simpleName(a).toLowerCase() === simpleName(b).toLowerCase();
}

/** An annotation's blockType, lower-cased (pages write `Request`, `request`). */
export function blockTypeOf(annotation: { blockType?: string } | undefined): string | undefined {
  return annotation?.blockType?.toLowerCase();
}
