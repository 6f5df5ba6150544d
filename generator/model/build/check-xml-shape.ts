import { childElements, decodeEntities, positionOf, textOf, type XmlElement } from '../../csdl/xml-element.ts';
import type { DiagnosticCollector } from '../../diagnostics/collector.ts';
import type { LineIndex } from '../../diagnostics/line-index.ts';

/**
 * What a reader silently skips: attributes CSDL does not define on an element (a misspelt
 * `Nulable="false"` changes the model without a word), child elements it does not define
 * there (a `<Proprety>` is a property lost), and text where CSDL allows only elements. All
 * are warnings at the element; attribute values CSDL types are checked too (errors). Prefixed attributes (`xmlns:*`, `sap:label`,
 * `m:HasStream`) are other vocabularies' business, and so are foreign elements.
 */
const FACETS = ['MaxLength', 'Precision', 'Scale', 'Unicode', 'SRID'];
/** Attributes that hold an annotation's value (CSDL XML 14.4). */
const EXPRESSIONS = [
  'Binary', 'Bool', 'Date', 'DateTimeOffset', 'Decimal', 'Duration', 'EnumMember', 'Float', 'Guid', 'Int', 'String', 'TimeOfDay',
  'AnnotationPath', 'ModelElementPath', 'NavigationPropertyPath', 'Path', 'PropertyPath', 'UrlRef',
];

/** CSDL XML 4.01 elements (canonical names, see csdl/namespaces.ts) and their attributes. */
const ATTRIBUTES: Record<string, readonly string[]> = {
  'edmx:Edmx': ['Version'],
  'edmx:Reference': ['Uri'],
  'edmx:Include': ['Namespace', 'Alias'],
  'edmx:IncludeAnnotations': ['TermNamespace', 'Qualifier', 'TargetNamespace'],
  'edmx:DataServices': [],
  Schema: ['Namespace', 'Alias'],
  EntityType: ['Name', 'BaseType', 'Abstract', 'OpenType', 'HasStream'],
  ComplexType: ['Name', 'BaseType', 'Abstract', 'OpenType'],
  Key: [],
  PropertyRef: ['Name', 'Alias'],
  Property: ['Name', 'Type', 'Nullable', 'DefaultValue', ...FACETS],
  NavigationProperty: ['Name', 'Type', 'Nullable', 'Partner', 'ContainsTarget'],
  ReferentialConstraint: ['Property', 'ReferencedProperty'],
  OnDelete: ['Action'],
  EnumType: ['Name', 'UnderlyingType', 'IsFlags'],
  Member: ['Name', 'Value'],
  TypeDefinition: ['Name', 'UnderlyingType', ...FACETS],
  Action: ['Name', 'IsBound', 'EntitySetPath'],
  Function: ['Name', 'IsBound', 'IsComposable', 'EntitySetPath'],
  Parameter: ['Name', 'Type', 'Nullable', ...FACETS],
  ReturnType: ['Type', 'Nullable', ...FACETS],
  Term: ['Name', 'Type', 'BaseTerm', 'Nullable', 'DefaultValue', 'AppliesTo', ...FACETS],
  EntityContainer: ['Name', 'Extends'],
  EntitySet: ['Name', 'EntityType', 'IncludeInServiceDocument'],
  Singleton: ['Name', 'Type', 'Nullable'],
  NavigationPropertyBinding: ['Path', 'Target'],
  ActionImport: ['Name', 'Action', 'EntitySet'],
  FunctionImport: ['Name', 'Function', 'EntitySet', 'IncludeInServiceDocument'],
  Annotations: ['Target', 'Qualifier'],
  Annotation: ['Term', 'Qualifier', ...EXPRESSIONS],
  Record: ['Type'],
  PropertyValue: ['Property', ...EXPRESSIONS],
  Collection: [],
};
const ALLOWED = new Map(Object.entries(ATTRIBUTES).map(([tag, names]) => [tag, new Set(names)]));

/** The CSDL children each element may have; elements holding expressions (Annotation, ...) are not listed. */
const CALLABLE = ['Parameter', 'ReturnType', 'Annotation'];
const CHILDREN: Record<string, readonly string[]> = {
  'edmx:Edmx': ['edmx:Reference', 'edmx:DataServices'],
  'edmx:Reference': ['edmx:Include', 'edmx:IncludeAnnotations', 'Annotation'],
  'edmx:Include': ['Annotation'],
  'edmx:IncludeAnnotations': [],
  'edmx:DataServices': ['Schema'],
  Schema: ['EntityType', 'ComplexType', 'EnumType', 'TypeDefinition', 'Action', 'Function', 'Term', 'EntityContainer', 'Annotations', 'Annotation'],
  EntityType: ['Key', 'Property', 'NavigationProperty', 'Annotation'],
  ComplexType: ['Property', 'NavigationProperty', 'Annotation'],
  Key: ['PropertyRef'],
  PropertyRef: [],
  Property: ['Annotation'],
  NavigationProperty: ['ReferentialConstraint', 'OnDelete', 'Annotation'],
  ReferentialConstraint: ['Annotation'],
  OnDelete: ['Annotation'],
  EnumType: ['Member', 'Annotation'],
  Member: ['Annotation'],
  TypeDefinition: ['Annotation'],
  Action: CALLABLE,
  Function: CALLABLE,
  Parameter: ['Annotation'],
  ReturnType: ['Annotation'],
  Term: ['Annotation'],
  EntityContainer: ['EntitySet', 'Singleton', 'ActionImport', 'FunctionImport', 'Annotation'],
  EntitySet: ['NavigationPropertyBinding', 'Annotation'],
  Singleton: ['NavigationPropertyBinding', 'Annotation'],
  NavigationPropertyBinding: [],
  ActionImport: ['Annotation'],
  FunctionImport: ['Annotation'],
  Annotations: ['Annotation'],
  Record: ['PropertyValue', 'Annotation'],
};
const CHILDREN_ALLOWED = new Map(Object.entries(CHILDREN).map(([tag, names]) => [tag, new Set(names)]));

/** What the values of CSDL's typed attributes may be (CSDL XML 4.01, 6-13), as the reason when one is not. */
const BOOLEAN = (value: string) => (value === 'true' || value === 'false' || value === '1' || value === '0' ? undefined : 'expected true or false');
const COUNT = /^\d+$/;
const VALUES: Record<string, (value: string) => string | undefined> = {
  Abstract: BOOLEAN,
  ContainsTarget: BOOLEAN,
  HasStream: BOOLEAN,
  IncludeInServiceDocument: BOOLEAN,
  IsBound: BOOLEAN,
  IsComposable: BOOLEAN,
  IsFlags: BOOLEAN,
  Nullable: BOOLEAN,
  OpenType: BOOLEAN,
  Unicode: BOOLEAN,
  MaxLength: (value) => (value === 'max' || (COUNT.test(value) && value !== '0') ? undefined : 'expected a positive integer or max'),
  Precision: (value) => (COUNT.test(value) ? undefined : 'expected a non-negative integer'),
  Scale: (value) => (COUNT.test(value) || value === 'variable' || value === 'floating' ? undefined : 'expected a non-negative integer, variable or floating'),
  SRID: (value) => (COUNT.test(value) || value === 'variable' ? undefined : 'expected a non-negative integer or variable'),
};
const MEMBER_VALUE = /^-?\d+$/;

export function checkXmlShape(root: XmlElement, rootTag: string, lines: LineIndex, diagnostics: DiagnosticCollector): void {
  // A stack of elements to visit and, beside it, their tags (no pair allocated per element).
  const tags = [rootTag];
  const elements = [root];
  for (let element = elements.pop(); element; element = elements.pop()) {
    const tag = tags.pop()!;
    const allowed = ALLOWED.get(tag);
    if (!allowed) continue; // A foreign element, or an expression (String, Apply, If, ...): not walked into.
    checkElement(tag, element, allowed, lines, diagnostics);
    const children = CHILDREN_ALLOWED.get(tag);
    for (const child in element) {
      if (child === '$' || child === '#text') continue; // the keys `childTags` leaves out
      if (children && !children.has(child) && !isForeign(child)) {
        const suggestion = closest(child, children);
        diagnostics.report('csdl/unknown-element', positionOf(childElements(element, child)[0]!, lines, positionOf(element, lines)), {
          element: child,
          parent: tag,
          suggestion: suggestion ? ` (did you mean <${suggestion}>?)` : '',
        });
        continue;
      }
      for (const item of childElements(element, child)) {
        tags.push(child);
        elements.push(item);
      }
    }
  }
}

/** `{uri}Local`, or `prefix:Local` with a prefix other than edmx (see csdl/namespaces.ts). */
function isForeign(tag: string): boolean {
  return tag.startsWith('{') || (tag.includes(':') && !tag.startsWith('edmx:'));
}

function checkElement(tag: string, element: XmlElement, allowed: Set<string>, lines: LineIndex, diagnostics: DiagnosticCollector): void {
  // Called for every element the build reads: no key list or text copy unless there is something to look at.
  const attributes = element.$;
  for (const attribute in attributes) {
    if (allowed.has(attribute)) {
      checkValue(tag, element, attribute, attributes[attribute]!, lines, diagnostics);
      continue;
    }
    if (attribute.includes(':') || attribute === 'xmlns') continue;
    const suggestion = closest(attribute, allowed);
    diagnostics.report('csdl/unknown-attribute', positionOf(element, lines), {
      element: tag,
      attribute,
      suggestion: suggestion ? ` (did you mean ${suggestion}?)` : '',
    });
  }
  const text = element['#text'] === undefined ? '' : textOf(element).trim();
  if (text !== '') {
    diagnostics.report('csdl/stray-text', positionOf(element, lines), { element: tag, text: text.length > 40 ? `${text.slice(0, 40)}...` : text });
  }
}

const MEMBER_RULE = (text: string) => (MEMBER_VALUE.test(text) ? undefined : 'expected an integer');

/** `raw`: the attribute's value as written; decoded only when CSDL types the attribute. */
function checkValue(tag: string, element: XmlElement, attribute: string, raw: string, lines: LineIndex, diagnostics: DiagnosticCollector): void {
  const rule = tag === 'Member' && attribute === 'Value' ? MEMBER_RULE : Object.hasOwn(VALUES, attribute) ? VALUES[attribute] : undefined;
  if (!rule) return;
  const value = decodeEntities(raw);
  const reason = rule(value);
  if (reason) diagnostics.report('csdl/invalid-attribute', positionOf(element, lines), { element: tag, attribute, value, reason });
}

/** The allowed name a misspelling most likely meant: same letters but for case, or at most two edits away. */
function closest(name: string, allowed: Set<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0 : editDistance(candidate, name);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
