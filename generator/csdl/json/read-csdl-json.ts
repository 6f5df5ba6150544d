import { createDiagnostic } from '../../diagnostics/diagnostic.ts';
import { LineIndex } from '../../diagnostics/line-index.ts';
import { UserInputError } from '../../diagnostics/user-error.ts';
import { parseJsonWithPositions } from '../../graph-docs/json-positions.ts';
import type { ParsedXml } from '../parse-xml.ts';
import type { XmlElement } from '../xml-element.ts';
import { readJsonAnnotations, type AnnotationContext } from './json-annotations.ts';
import { append, attributeText, childPointer, ElementFactory, isObject, modelMembers, typeText, type JsonObject } from './json-element.ts';
import { TermTypes } from './json-types.ts';

/**
 * Reads a CSDL JSON document (OData CSDL JSON 4.01, what `$metadata?$format=json` returns)
 * into the element tree of the equivalent CSDL XML document, so that the one set of model
 * builders reads both forms into the same model. Refuses (UserInputError, with line and
 * column) text that is not JSON, JSON that is not CSDL, and versions before 4.0.
 */
export function parseCsdlJson(file: string, rawText: string): ParsedXml {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lines = new LineIndex(file, text);
  const parsed = parseJsonWithPositions(text);
  if (parsed.error) {
    throw new UserInputError([createDiagnostic('csdl/malformed-json', lines.position(parsed.error.offset), { reason: parsed.error.message })]);
  }
  const document = parsed.value;
  if (!isObject(document)) throw notCsdl(lines, 0, `the JSON value is ${Array.isArray(document) ? 'an array' : 'not an object'}`);
  const version = document['$Version'];
  if (typeof version !== 'string') {
    const hint = Object.hasOwn(document, '@odata.context') ? ' (it looks like an OData response, not $metadata)' : '';
    throw notCsdl(lines, 0, `it has no "$Version" member${hint}`);
  }
  const at = (pointer: string) => lines.position(parsed.pointers[pointer]?.key ?? parsed.pointers[pointer]?.start ?? 0);
  if (!version.startsWith('4.')) {
    throw new UserInputError([
      createDiagnostic('csdl/unsupported-version', at('/$Version'), { version: `OData ${version}`, evidence: `"$Version": "${version}"` }),
    ]);
  }
  const factory = new ElementFactory(parsed.pointers);
  const types = new TermTypes(aliasesOf(document));
  for (const [namespace, schema] of schemasOf(document)) types.addSchema(namespace, schema);
  const reader = new JsonDocumentReader({ factory, types });
  return { rootTag: 'edmx:Edmx', root: reader.document(document), lines };
}

function notCsdl(lines: LineIndex, offset: number, reason: string): UserInputError {
  return new UserInputError([createDiagnostic('csdl/not-csdl-json', lines.position(offset), { reason })]);
}

function schemasOf(document: JsonObject): [string, JsonObject][] {
  return Object.entries(document).filter((entry): entry is [string, JsonObject] => !entry[0].startsWith('$') && isObject(entry[1]));
}

/** Aliases of included documents and of the document's schemas (CSDL JSON 3.4, 5.1). */
function aliasesOf(document: JsonObject): Record<string, string> {
  const aliases: Record<string, string> = Object.create(null);
  const references = document['$Reference'];
  for (const reference of isObject(references) ? Object.values(references) : []) {
    const includes = isObject(reference) ? reference['$Include'] : undefined;
    for (const include of Array.isArray(includes) ? includes : []) {
      if (isObject(include) && typeof include['$Alias'] === 'string' && typeof include['$Namespace'] === 'string') {
        aliases[include['$Alias']] = include['$Namespace'];
      }
    }
  }
  for (const [namespace, schema] of schemasOf(document)) {
    if (typeof schema['$Alias'] === 'string') aliases[schema['$Alias']] = namespace;
  }
  return aliases;
}

/** JSON members that are not plain attributes: read by the code for their element. */
const STRUCTURE = new Set([
  '$Kind', '$Type', '$Collection', '$Nullable', '$Key', '$ReferentialConstraint', '$OnDelete', '$Parameter', '$ReturnType',
  '$NavigationPropertyBinding', '$Annotations', '$Alias', '$EntityType', '$Action', '$Function',
]);

const TEMPORAL = new Set(['Edm.DateTimeOffset', 'Edm.Duration', 'Edm.TimeOfDay']);

/** A temporal value's precision is 0 when absent, in either form (CSDL 7.2.3); converters write the 0 out. */
function dropDefaultPrecision(element: XmlElement, object: JsonObject): void {
  if (object['$Precision'] === 0 && TEMPORAL.has(String(object['$Type']))) delete element.$!['Precision'];
}

class JsonDocumentReader {
  constructor(private readonly context: AnnotationContext) {}

  private get factory(): ElementFactory {
    return this.context.factory;
  }

  document(document: JsonObject): XmlElement {
    const root = this.factory.element('', { Version: String(document['$Version']) });
    const references = document['$Reference'];
    if (isObject(references)) {
      for (const [uri, reference] of Object.entries(references)) {
        if (isObject(reference)) append(root, 'edmx:Reference', this.reference(uri, reference, childPointer('/$Reference', uri)));
      }
    }
    const services = this.factory.element('');
    for (const [namespace, schema] of schemasOf(document)) append(services, 'Schema', this.schema(namespace, schema, childPointer('', namespace)));
    append(root, 'edmx:DataServices', services);
    return root;
  }

  private reference(uri: string, reference: JsonObject, pointer: string): XmlElement {
    const element = this.factory.element(pointer, { Uri: uri });
    for (const [key, tag] of [['$Include', 'edmx:Include'], ['$IncludeAnnotations', 'edmx:IncludeAnnotations']] as const) {
      const items = reference[key];
      if (!Array.isArray(items)) continue;
      items.forEach((item, index) => {
        if (isObject(item)) append(element, tag, this.factory.element(childPointer(childPointer(pointer, key), index), keywordAttributes(item)));
      });
    }
    readJsonAnnotations(element, reference, pointer, this.context);
    return element;
  }

  /** The `$...` members of an object that map one-to-one onto XML attributes. */
  private attributes(object: JsonObject, extra: Record<string, string> = {}): Record<string, string> {
    const attributes: Record<string, string> = { ...extra };
    for (const [key, value] of Object.entries(object)) {
      if (!key.startsWith('$') || STRUCTURE.has(key)) continue;
      const text = attributeText(value);
      if (text !== undefined) attributes[key.slice(1)] = text;
    }
    return attributes;
  }

  private schema(namespace: string, schema: JsonObject, pointer: string): XmlElement {
    const element = this.factory.element(pointer, { Namespace: namespace });
    if (typeof schema['$Alias'] === 'string') element.$!['Alias'] = schema['$Alias'];
    readJsonAnnotations(element, schema, pointer, this.context);
    for (const [name, member] of modelMembers(schema)) {
      const memberPointer = childPointer(pointer, name);
      if (Array.isArray(member)) {
        member.forEach((overload, index) => {
          if (isObject(overload)) this.schemaMember(element, name, overload, childPointer(memberPointer, index));
        });
      } else if (isObject(member)) this.schemaMember(element, name, member, memberPointer);
    }
    const blocks = schema['$Annotations'];
    if (isObject(blocks)) {
      for (const [target, block] of Object.entries(blocks)) {
        const blockPointer = childPointer(childPointer(pointer, '$Annotations'), target);
        if (!isObject(block)) continue;
        const annotations = this.factory.element(blockPointer, { Target: target });
        readJsonAnnotations(annotations, block, blockPointer, this.context);
        append(element, 'Annotations', annotations);
      }
    }
    return element;
  }

  private schemaMember(schema: XmlElement, name: string, member: JsonObject, pointer: string): void {
    // The kind becomes an element name: only a plain word (never `__proto__`) is taken as one.
    const kind = typeof member['$Kind'] === 'string' && /^[A-Za-z][A-Za-z0-9]*$/.test(member['$Kind']) ? member['$Kind'] : 'Unknown';
    const element = this.factory.element(pointer, this.attributes(member, { Name: name }));
    switch (kind) {
      case 'EntityType':
      case 'ComplexType':
        this.structuredType(element, member, pointer);
        break;
      case 'EnumType':
        this.enumType(element, member, pointer);
        break;
      case 'Action':
      case 'Function':
        this.callable(element, member, pointer);
        break;
      case 'EntityContainer':
        this.container(element, member, pointer);
        break;
      case 'Term':
        element.$!['Type'] = typeText(member)!;
        this.nullable(element, member);
        break;
      default:
        break; // TypeDefinition: attributes only; an unknown $Kind stays an unknown element
    }
    readJsonAnnotations(element, member, pointer, this.context);
    append(schema, kind, element);
  }

  /** CSDL JSON's `$Nullable` means false when absent (7.2.1), CSDL XML's true: say it explicitly. */
  private nullable(element: XmlElement, object: JsonObject, absent: 'false' | 'unstated' = 'false'): void {
    const value = object['$Nullable'];
    if (value !== undefined) element.$!['Nullable'] = String(value);
    else if (absent === 'false') element.$!['Nullable'] = 'false';
  }

  private structuredType(element: XmlElement, type: JsonObject, pointer: string): void {
    const key = type['$Key'];
    if (Array.isArray(key)) {
      const keyElement = this.factory.element(childPointer(pointer, '$Key'));
      key.forEach((item, index) => {
        const refPointer = childPointer(childPointer(pointer, '$Key'), index);
        if (typeof item === 'string') append(keyElement, 'PropertyRef', this.factory.element(refPointer, { Name: item }));
        else if (isObject(item)) {
          for (const [alias, path] of Object.entries(item)) {
            append(keyElement, 'PropertyRef', this.factory.element(refPointer, { Name: String(path), Alias: alias }));
          }
        }
      });
      append(element, 'Key', keyElement);
    }
    for (const [name, member] of modelMembers(type)) {
      if (!isObject(member)) continue;
      const memberPointer = childPointer(pointer, name);
      const navigation = member['$Kind'] === 'NavigationProperty';
      const property = this.factory.element(memberPointer, this.attributes(member, { Name: name, Type: typeText(member)! }));
      dropDefaultPrecision(property, member);
      // Collection-valued navigation has no nullability (CSDL JSON 8.1): leave it to the XML default.
      this.nullable(property, member, navigation && member['$Collection'] === true ? 'unstated' : 'false');
      if (navigation) this.navigationDetails(property, member, memberPointer);
      readJsonAnnotations(property, member, memberPointer, this.context);
      append(element, navigation ? 'NavigationProperty' : 'Property', property);
    }
  }

  private navigationDetails(property: XmlElement, navigation: JsonObject, pointer: string): void {
    const constraints = navigation['$ReferentialConstraint'];
    if (isObject(constraints)) {
      for (const [dependent, principal] of modelMembers(constraints)) {
        const at = childPointer(childPointer(pointer, '$ReferentialConstraint'), dependent);
        append(property, 'ReferentialConstraint', this.factory.element(at, { Property: dependent, ReferencedProperty: String(principal) }));
      }
    }
    if (typeof navigation['$OnDelete'] === 'string') {
      append(property, 'OnDelete', this.factory.element(childPointer(pointer, '$OnDelete'), { Action: navigation['$OnDelete'] }));
    }
  }

  private enumType(element: XmlElement, type: JsonObject, pointer: string): void {
    for (const [name, value] of modelMembers(type)) {
      const memberPointer = childPointer(pointer, name);
      const member = this.factory.element(memberPointer, { Name: name, Value: attributeText(value) ?? '' });
      readJsonAnnotations(member, type, pointer, this.context, name);
      append(element, 'Member', member);
    }
  }

  private callable(element: XmlElement, callable: JsonObject, pointer: string): void {
    const parameters = callable['$Parameter'];
    if (Array.isArray(parameters)) {
      parameters.forEach((parameter, index) => {
        if (!isObject(parameter)) return;
        const at = childPointer(childPointer(pointer, '$Parameter'), index);
        const element_ = this.factory.element(at, this.attributes(parameter, { Type: typeText(parameter)! }));
        dropDefaultPrecision(element_, parameter);
        this.nullable(element_, parameter);
        readJsonAnnotations(element_, parameter, at, this.context);
        append(element, 'Parameter', element_);
      });
    }
    const returnType = callable['$ReturnType'];
    if (isObject(returnType)) {
      const at = childPointer(pointer, '$ReturnType');
      const element_ = this.factory.element(at, this.attributes(returnType, { Type: typeText(returnType)! }));
      dropDefaultPrecision(element_, returnType);
      this.nullable(element_, returnType);
      readJsonAnnotations(element_, returnType, at, this.context);
      append(element, 'ReturnType', element_);
    }
  }

  private container(element: XmlElement, container: JsonObject, pointer: string): void {
    for (const [name, child] of modelMembers(container)) {
      if (!isObject(child)) continue;
      const at = childPointer(pointer, name);
      const [tag, extra] = containerChild(child);
      const item = this.factory.element(at, this.attributes(child, { Name: name, ...extra }));
      if (tag === 'Singleton' && child['$Nullable'] !== undefined) item.$!['Nullable'] = String(child['$Nullable']);
      const bindings = child['$NavigationPropertyBinding'];
      if (isObject(bindings)) {
        for (const [path, target] of Object.entries(bindings)) {
          const bindingAt = childPointer(childPointer(at, '$NavigationPropertyBinding'), path);
          append(item, 'NavigationPropertyBinding', this.factory.element(bindingAt, { Path: path, Target: String(target) }));
        }
      }
      readJsonAnnotations(item, child, at, this.context);
      append(element, tag, item);
    }
  }
}

/** Every `$...` member as an attribute (`$Namespace`, `$Alias`, `$TermNamespace`, ...). */
function keywordAttributes(object: JsonObject): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(object)) {
    const text = key.startsWith('$') ? attributeText(value) : undefined;
    if (text !== undefined) attributes[key.slice(1)] = text;
  }
  return attributes;
}

/** Which container child a JSON member is (CSDL JSON 13): by the keyword it carries. */
function containerChild(child: JsonObject): [string, Record<string, string>] {
  if (typeof child['$Action'] === 'string') return ['ActionImport', { Action: child['$Action'] }];
  if (typeof child['$Function'] === 'string') return ['FunctionImport', { Function: child['$Function'] }];
  const type = typeof child['$Type'] === 'string' ? child['$Type'] : '';
  if (child['$Collection'] === true) return ['EntitySet', { EntityType: type }];
  return ['Singleton', { Type: type }];
}
