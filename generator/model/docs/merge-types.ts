/**
 * Docs types against CSDL types. CSDL is authoritative for shape: conflicts are warnings at
 * the docs position with the CSDL position as `related`. The docs only fill in what CSDL
 * leaves out: descriptions, and the cues of the properties table.
 */
import type { DiagnosticCollector } from '../../diagnostics/collector.ts';
import type { DiagnosticCode } from '../../diagnostics/codes.ts';
import { formatPosition, type DiagnosticArgs } from '../../diagnostics/diagnostic.ts';
import { findNavigationProperty, findProperty, isOpenType, keyProperties, lookupStructuredType } from '../queries.ts';
import type { Model, Origin, Property, SourcePosition, StructuredType, TypeReference } from '../types.ts';
import type { DocPropertyInfo, DocTypeInfo } from './doc-types.ts';
import { simpleName } from './names.ts';

interface Conflict {
  diagnostics: DiagnosticCollector;
  type: string;
}

/** Mutates `model`, which must be the caller's own copy. */
export function mergeDocTypes(model: Model, infos: DocTypeInfo[], diagnostics: DiagnosticCollector): void {
  const lowerNames = new Map(Object.keys(model.types).map((name) => [name.toLowerCase(), name]));
  for (const info of infos) {
    const name = info.qualifiedName in model.types ? info.qualifiedName : lowerNames.get(info.qualifiedName.toLowerCase());
    const csdl = name === undefined ? undefined : lookupStructuredType(model, name);
    if (!csdl) {
      diagnostics.report('merge/type-only-in-docs', info.source, { type: info.qualifiedName });
      continue;
    }
    const conflict: Conflict = { diagnostics, type: csdl.qualifiedName };
    compareShape(model, info, csdl, conflict);
    compareProperties(model, info, csdl, conflict);
    if (csdl.description === undefined && info.description !== undefined) csdl.description = info.description;
    addOrigin(csdl);
  }
}

function report(conflict: Conflict, code: DiagnosticCode, at: SourcePosition, other: SourcePosition, args: DiagnosticArgs): void {
  conflict.diagnostics.report(code, at, { type: conflict.type, other: formatPosition(other), ...args }, [other]);
}

function compareShape(model: Model, info: DocTypeInfo, csdl: StructuredType, conflict: Conflict): void {
  const annotation = info.annotation;
  if (info.keyProperty !== undefined) {
    const key = csdl.kind === 'entity' ? keyProperties(model, csdl) : [];
    if (key.length !== 1 || key[0] !== info.keyProperty) {
      const at = annotation.fieldSources.keyProperty ?? info.source;
      report(conflict, 'merge/key-mismatch', at, csdl.source, { docs: info.keyProperty, csdl: key.length ? key.join(', ') : `(none: ${csdl.kind} type)` });
    }
  }
  if (annotation.openType !== undefined && annotation.openType !== isOpenType(model, csdl)) {
    const at = annotation.fieldSources.openType ?? info.source;
    report(conflict, 'merge/open-type-mismatch', at, csdl.source, { docs: String(annotation.openType), csdl: String(isOpenType(model, csdl)) });
  }
  if (info.baseType && info.baseType.name !== csdl.baseType) {
    report(conflict, 'merge/base-type-mismatch', info.baseType.source, csdl.source, { docs: info.baseType.name, csdl: csdl.baseType ?? '(none)' });
  }
}

function compareProperties(model: Model, info: DocTypeInfo, csdl: StructuredType, conflict: Conflict): void {
  const key = csdl.kind === 'entity' ? keyProperties(model, csdl) : [];
  const documented = new Set<string>();
  for (const doc of [...info.properties, ...info.navigation]) {
    documented.add(doc.name);
    const declared = declaredProperty(csdl, doc.name);
    const property = declared ?? findProperty(model, csdl, doc.name) ?? findNavigationProperty(model, csdl, doc.name);
    if (!property) {
      report(conflict, 'merge/property-only-in-docs', doc.source, csdl.source, { property: doc.name });
      continue;
    }
    if (doc.typeKnown && !sameType(doc.type, property)) {
      report(conflict, 'merge/property-type-mismatch', doc.source, property.source, { property: doc.name, docs: show(doc.type), csdl: show(property) });
    }
    if (doc.cues.includes('Key') && !key.includes(property.name)) {
      report(conflict, 'merge/key-cue-on-non-key', doc.source, csdl.source, { property: doc.name, key: key.length ? key.join(', ') : '(none)' });
    }
    // Inherited properties are enriched on the type that declares them, not here.
    if (declared) enrich(declared, doc);
  }
  const documentedAt = info.propertyTable ?? info.relationshipTable;
  if (!documentedAt) return;
  for (const property of [...csdl.properties, ...csdl.navigationProperties]) {
    if (!documented.has(property.name)) report(conflict, 'merge/property-only-in-csdl', documentedAt, property.source, { property: property.name });
  }
}

function declaredProperty(type: StructuredType, name: string): Property | undefined {
  return type.properties.find((p) => p.name === name) ?? type.navigationProperties.find((p) => p.name === name);
}

/** Pages name types without their namespace, so simple names are compared, ignoring case. */
function sameType(doc: TypeReference, csdl: TypeReference): boolean {
  return doc.collection === csdl.collection && simpleName(doc.type).toLowerCase() === simpleName(csdl.type).toLowerCase();
}

function show(type: TypeReference): string {
  return type.collection ? `Collection(${type.type})` : type.type;
}

function enrich(property: Property, doc: DocPropertyInfo): void {
  if (property.description === undefined && doc.description !== undefined) property.description = doc.description;
  if (property.kind === 'property' && doc.cues.length) property.docCues = [...doc.cues];
  addOrigin(property);
}

function addOrigin(element: { origin: Origin[] }): void {
  if (!element.origin.includes('docs')) element.origin = [...element.origin, 'docs'];
}
