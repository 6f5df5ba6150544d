import type { DiagnosticCollector } from '../diagnostics/collector.ts';
import type { Model, SourcePosition } from '../model/types.ts';
import { isStandardVocabularyReference } from '../vocabularies/index.ts';
import { parseCsdl } from './parse-csdl.ts';
import { attribute, childElements, positionOf } from './xml-element.ts';

/** One `edmx:Reference` (CSDL XML 3.3) or `$Reference` member (CSDL JSON 3.3). */
export interface CsdlReference {
  uri: string;
  /** Namespaces it includes (edmx:Include) and those whose annotations it includes (edmx:IncludeAnnotations). */
  namespaces: string[];
  source: SourcePosition;
}

/** A CSDL document to read, given by the user or reached through a reference. */
export interface CsdlSource {
  /** A file path or an http(s) URL: what diagnostics name. */
  file: string;
  text: string;
  /** Reached through a reference: its entity container is not this service's. */
  referenced?: boolean;
}

/** How the documents a reference points at are found: files beside the document, or URLs already fetched. */
export interface ReferenceLoader {
  /** The document at `uri` as seen from the document `from`, or why there is none. */
  load(uri: string, from: string): CsdlSource | { unavailable: string };
  /** The identity of a location (an absolute path), so a document is read once however it is named. */
  key?(file: string): string;
}

export interface FollowedReferences {
  files: CsdlSource[];
  /** References neither standard nor found, with why, for `reportUnresolvedReferences`. */
  unresolved: { reference: CsdlReference; reason: string }[];
}

/** A cheap look at the text: only documents that may have references are parsed for them here. */
function mayHaveReferences(text: string): boolean {
  const head = text.slice(0, Math.max(0, text.indexOf('DataServices')) || 4096);
  return text.trimStart().startsWith('{') ? text.includes('"$Reference"') : /Reference\b/.test(head);
}

/** The references of one document, read by namespace URI like everything else (parse-csdl.ts). */
export function readReferences(file: string, text: string): CsdlReference[] {
  if (!mayHaveReferences(text)) return [];
  const { root, lines } = parseCsdl(file, text, { keep: true });
  return childElements(root, 'edmx:Reference').map((reference) => ({
    uri: attribute(reference, 'Uri') ?? '',
    namespaces: [
      ...childElements(reference, 'edmx:Include').map((include) => attribute(include, 'Namespace') ?? ''),
      ...childElements(reference, 'edmx:IncludeAnnotations').map((include) => attribute(include, 'TermNamespace') ?? ''),
    ].filter(Boolean),
    source: positionOf(reference, lines),
  }));
}

/**
 * Follows references from the given documents, breadth first: the OASIS standard
 * vocabularies are known without their files (generator/vocabularies/), any other reference
 * is loaded through `loader` once (by the location it resolves to) and its own references
 * followed in turn. What cannot be loaded is returned, to be reported once the model shows
 * whether the user gave the namespaces some other way (another --csdl).
 */
export function followReferences(given: CsdlSource[], loader: ReferenceLoader): FollowedReferences {
  const files = [...given];
  const key = (file: string) => loader.key?.(file) ?? file;
  const seen = new Set(given.map((source) => key(source.file)));
  const unresolved: FollowedReferences['unresolved'] = [];
  for (let index = 0; index < files.length; index++) {
    const { file, text } = files[index]!;
    for (const reference of readReferences(file, text)) {
      if (isStandardVocabularyReference(reference.uri, reference.namespaces)) continue;
      const loaded = loader.load(reference.uri, file);
      if ('unavailable' in loaded) {
        unresolved.push({ reference, reason: loaded.unavailable });
        continue;
      }
      if (seen.has(key(loaded.file))) continue;
      seen.add(key(loaded.file));
      files.push({ ...loaded, referenced: true });
    }
  }
  return { files, unresolved };
}

/**
 * One diagnostic per reference that was not read and whose namespaces the model does not
 * have from another input. A warning when the model uses a type of it (those uses are errors
 * of their own); otherwise only its annotations are uninterpreted, which is told as info.
 */
export function reportUnresolvedReferences(unresolved: FollowedReferences['unresolved'], model: Model, diagnostics: DiagnosticCollector): void {
  const have = new Set(model.schemas.map((schema) => schema.namespace));
  const reported = new Set<string>();
  // Walking every type for the namespaces in use costs ~15 ms on Graph: only when a report needs it.
  let used: Set<string> | undefined;
  for (const { reference, reason } of unresolved) {
    const missing = reference.namespaces.filter((namespace) => !have.has(namespace));
    if ((reference.namespaces.length > 0 && missing.length === 0) || reported.has(reference.uri)) continue;
    reported.add(reference.uri);
    const args = { uri: reference.uri, namespaces: missing.join(', ') || '(none included)', reason };
    used ??= usedNamespaces(model);
    const inUse = used;
    const code = missing.some((namespace) => inUse.has(namespace)) ? 'csdl/unresolved-reference' : 'csdl/unread-vocabulary';
    diagnostics.report(code, reference.source, args);
  }
}

/** Namespaces of the types the model's properties, parameters and return types use. */
function usedNamespaces(model: Model): Set<string> {
  const namespaces = new Set<string>();
  const add = (type: string | undefined) => {
    if (type !== undefined) namespaces.add(type.slice(0, type.lastIndexOf('.')));
  };
  for (const type of Object.values(model.types)) {
    if (type.kind === 'enum' || type.kind === 'typeDefinition') add(type.underlyingType);
    else {
      add(type.baseType);
      for (const property of [...type.properties, ...type.navigationProperties]) add(property.type);
    }
  }
  for (const callable of [...model.actions, ...model.functions]) {
    for (const parameter of callable.parameters) add(parameter.type);
    add(callable.returnType?.type);
  }
  return namespaces;
}
