import { parseCsdl } from '../../csdl/parse-csdl.ts';
import type { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { formatPosition } from '../../diagnostics/diagnostic.ts';
import { deriveOperations } from '../operations/derive-operations.ts';
import { declaredUrlConventions } from '../operations/url-conventions.ts';
import { attribute } from '../../csdl/xml-element.ts';
import type { Callable, Model, SchemaType, SourcePosition } from '../types.ts';
import { applyExternalAnnotations } from './external-annotations.ts';
import { checkReferences } from './check-references.ts';
import { checkSchema } from './check-schema.ts';
import { checkXmlShape } from './check-xml-shape.ts';
import { termNames } from './term-names.ts';
import { interpretAnnotations } from './interpret-annotations.ts';
import { readDocument, type CsdlDocument, type ExternalAnnotations } from './read-document.ts';

export interface InputFile {
  file: string;
  text: string;
  /** Reached through an edmx:Reference (generator/csdl/references.ts): its entity container is not this service's. */
  referenced?: boolean;
}

export function emptyModel(): Model {
  return { schemas: [], types: {}, actions: [], functions: [], operations: [], examples: [], inputs: [] };
}

/**
 * Builds the model from CSDL documents: reads each, joins them, attaches external
 * annotations, interprets vocabulary terms, checks references and derives operations.
 * Malformed XML throws UserInputError; everything else is a diagnostic.
 */
export function buildModel(files: InputFile[], diagnostics: DiagnosticCollector): Model {
  const model = emptyModel();
  const external: ExternalAnnotations[] = [];
  const terms = new Set<string>();
  const firstSeen: Record<string, SourcePosition> = Object.create(null);
  const typesByName = new Map<string, SchemaType>();
  let serviceVersion: string | undefined;
  for (const { file, text, referenced } of files) {
    model.inputs.push(file);
    const parsed = parseCsdl(file, text);
    const document = readDocument(parsed, diagnostics);
    checkXmlShape(parsed.root, parsed.rootTag, parsed.lines, diagnostics);
    termNames(parsed.root, terms);
    if (!referenced && isAnotherService(model, document, diagnostics)) continue;
    model.schemas.push(...document.schemas);
    for (const type of document.types) {
      if (registerName(type.qualifiedName, type.source, firstSeen, diagnostics)) typesByName.set(type.qualifiedName, type);
    }
    for (const callable of document.callables) addCallable(model, callable, firstSeen, diagnostics);
    for (const container of referenced ? [] : document.containers) {
      if (model.entityContainer) {
        diagnostics.report('csdl/duplicate-name', container.source, {
          name: `entity container ${container.qualifiedName}`,
          first: formatPosition(model.entityContainer.source),
        });
      } else {
        model.entityContainer = container;
        serviceVersion = attribute(parsed.root, 'Version');
      }
    }
    external.push(...document.externalAnnotations);
  }
  // By name in UTF-16 code unit order: the default sort's, on the names alone (each is registered once).
  for (const name of [...typesByName.keys()].sort()) model.types[name] = typesByName.get(name)!;
  applyExternalAnnotations(model, external, diagnostics, terms);
  interpretAnnotations(model);
  model.urlConventions = declaredUrlConventions(model.entityContainer, serviceVersion);
  checkReferences(model, diagnostics);
  checkSchema(model, diagnostics);
  model.operations = deriveOperations(model);
  return model;
}

/**
 * One run builds one service. A document whose entity container is not the one already read
 * belongs to another service: say so once, and leave it out rather than report each of its
 * names as defined twice (README, "One service per run").
 */
function isAnotherService(model: Model, document: CsdlDocument, diagnostics: DiagnosticCollector): boolean {
  const first = model.entityContainer;
  const other = document.containers.find((container) => container.qualifiedName !== first?.qualifiedName);
  if (!first || !other || other.source.file === first.source.file) return false;
  diagnostics.report('csdl/several-services', other.source, {
    container: other.qualifiedName,
    first: first.qualifiedName,
    at: formatPosition(first.source),
  });
  return true;
}

/** Types share one name space per schema (CSDL XML 4.1); the first definition wins. */
function registerName(
  name: string,
  source: SourcePosition,
  firstSeen: Record<string, SourcePosition>,
  diagnostics: DiagnosticCollector,
): boolean {
  const first = firstSeen[name];
  if (first) {
    diagnostics.report('csdl/duplicate-name', source, { name, first: formatPosition(first) });
    return false;
  }
  firstSeen[name] = source;
  return true;
}

/**
 * Actions and functions may be overloaded. CSDL wants their names distinct from type names,
 * but Graph has both a complex type and a function named `image`: warn and keep both.
 */
function addCallable(
  model: Model,
  callable: Callable,
  typeNames: Record<string, SourcePosition>,
  diagnostics: DiagnosticCollector,
): void {
  const clash = typeNames[callable.qualifiedName];
  if (clash) diagnostics.report('csdl/name-clash', callable.source, { name: callable.qualifiedName, first: formatPosition(clash) });
  (callable.kind === 'action' ? model.actions : model.functions).push(callable);
}
