import { namespaceOf } from '../../csdl/namespaces.ts';
import type { ParsedXml } from '../../csdl/parse-xml.ts';
import { attribute, childElements, type XmlElement } from '../../csdl/xml-element.ts';
import type { DiagnosticCollector } from '../../diagnostics/collector.ts';
import type { Annotation, Callable, EntityContainer, Schema, SchemaType, SourcePosition } from '../types.ts';
import { readAnnotations } from './annotation.ts';
import { readCallable } from './callable.ts';
import { at, qualify, requiredAttribute, resolvedNames, typeReference, type BuildContext } from './context.ts';
import { readEntityContainer } from './entity-container.ts';
import { readEnumType } from './enum-type.ts';
import { readStructuredType } from './structured-type.ts';
import { readTypeDefinition } from './type-definition.ts';

/** An `<Annotations Target="...">` block (CSDL XML 14.2), its target resolved. */
export interface ExternalAnnotations {
  target: string;
  annotations: Annotation[];
  source: SourcePosition;
}

/** Everything one CSDL document declares, before the documents are joined. */
export interface CsdlDocument {
  schemas: Schema[];
  types: SchemaType[];
  callables: Callable[];
  containers: EntityContainer[];
  externalAnnotations: ExternalAnnotations[];
}

/** Reads one `edmx:Edmx` document (CSDL XML 3). */
export function readDocument(parsed: ParsedXml, diagnostics: DiagnosticCollector): CsdlDocument {
  const document: CsdlDocument = { schemas: [], types: [], callables: [], containers: [], externalAnnotations: [] };
  const base: BuildContext = { diagnostics, lines: parsed.lines, aliases: Object.create(null), namespace: '', resolved: resolvedNames() };
  if (parsed.rootTag !== 'edmx:Edmx') {
    const { uri, local } = namespaceOf(parsed.rootTag);
    diagnostics.report('csdl/not-edmx', at(parsed.root, base), {
      element: local,
      namespace: uri === undefined ? ' in no namespace' : ` in the namespace ${uri}`,
    });
    return document;
  }
  const schemaElements = childElements(parsed.root, 'edmx:DataServices').flatMap((services) =>
    childElements(services, 'Schema'),
  );
  collectAliases(parsed.root, schemaElements, base.aliases);
  for (const element of schemaElements) readSchema(element, { ...base, namespace: '' }, document);
  return document;
}

/** Aliases of included vocabularies (edmx:Include) and of the document's own schemas. */
function collectAliases(root: XmlElement, schemas: XmlElement[], aliases: Record<string, string>): void {
  for (const reference of childElements(root, 'edmx:Reference')) {
    for (const include of childElements(reference, 'edmx:Include')) {
      const namespace = attribute(include, 'Namespace');
      const alias = attribute(include, 'Alias');
      if (namespace && alias) aliases[alias] = namespace;
    }
  }
  for (const schema of schemas) {
    const namespace = attribute(schema, 'Namespace');
    const alias = attribute(schema, 'Alias');
    if (namespace && alias) aliases[alias] = namespace;
  }
}

function readSchema(element: XmlElement, context: BuildContext, document: CsdlDocument): void {
  context.namespace = requiredAttribute(element, 'Namespace', 'Schema', context);
  const schema: Schema = { namespace: context.namespace, annotations: readAnnotations(element, context), source: at(element, context) };
  const alias = attribute(element, 'Alias');
  if (alias !== undefined) schema.alias = alias;
  document.schemas.push(schema);
  for (const item of childElements(element, 'EntityType')) document.types.push(readStructuredType(item, 'entity', context));
  for (const item of childElements(element, 'ComplexType')) document.types.push(readStructuredType(item, 'complex', context));
  for (const item of childElements(element, 'EnumType')) document.types.push(readEnumType(item, context));
  for (const item of childElements(element, 'TypeDefinition')) document.types.push(readTypeDefinition(item, context));
  for (const item of childElements(element, 'Action')) document.callables.push(readCallable(item, 'action', context));
  for (const item of childElements(element, 'Function')) document.callables.push(readCallable(item, 'function', context));
  for (const item of childElements(element, 'EntityContainer')) document.containers.push(readEntityContainer(item, context));
  for (const item of childElements(element, 'Annotations')) {
    document.externalAnnotations.push({
      target: qualifyTarget(requiredAttribute(item, 'Target', 'Annotations', context), context),
      annotations: readAnnotations(item, context, attribute(item, 'Qualifier')),
      source: at(item, context),
    });
  }
}

/**
 * Resolves aliases in a target path: `graph.user/manager` and
 * `graph.assign(graph.user)/param` both become namespace-qualified.
 */
export function qualifyTarget(target: string, context: Pick<BuildContext, 'aliases' | 'resolved'>): string {
  // Most targets (Graph: 4,867 of 4,918) name no alias, signature or cast: they stay as written.
  if (!target.includes('(')) {
    const slash = target.indexOf('/');
    const head = slash === -1 ? target : target.slice(0, slash);
    if (qualify(head, context) === head && (slash === -1 || !target.includes('.', slash))) return target;
  }
  const [head = '', ...rest] = target.split('/');
  const open = head.indexOf('(');
  const name = open === -1 ? head : head.slice(0, open);
  const signature =
    open === -1
      ? ''
      : `(${head
          .slice(open + 1, -1)
          .split(',')
          .filter(Boolean)
          .map((parameter) => qualifyParameterType(parameter.trim(), context))
          .join(',')})`;
  const casts = rest.map((segment) => (segment.includes('.') ? qualify(segment.trim(), context) : segment)); // type casts in a path
  return [qualify(name, context) + signature, ...casts].join('/');
}

function qualifyParameterType(type: string, context: Pick<BuildContext, 'aliases' | 'resolved'>): string {
  const reference = typeReference(type, context);
  return reference.collection ? `Collection(${reference.type})` : reference.type;
}
