import type { JsonValue } from '../../graph-docs/json-positions.ts';
import type { XmlElement } from '../xml-element.ts';
import { append, attributeText, childPointer, isObject, type ElementFactory, type JsonObject } from './json-element.ts';
import type { TermTypes } from './json-types.ts';

export interface AnnotationContext {
  factory: ElementFactory;
  types: TermTypes;
}

/** Dynamic expressions whose operands are a JSON array (CSDL JSON 14.4.2-14.4.6). */
const LIST_OPERATORS = ['And', 'Or', 'Eq', 'Ne', 'Gt', 'Ge', 'Lt', 'Le', 'Has', 'In', 'Add', 'Sub', 'Mul', 'Div', 'DivBy', 'Mod', 'If', 'Apply'];
const SINGLE_OPERATORS = ['Not', 'Neg', 'Cast', 'IsOf', 'LabeledElement', 'UrlRef'];
const PATH_TYPES: Record<string, string> = {
  'Edm.PropertyPath': 'PropertyPath',
  'Edm.NavigationPropertyPath': 'NavigationPropertyPath',
  'Edm.AnyPropertyPath': 'PropertyPath',
  'Edm.AnnotationPath': 'AnnotationPath',
  'Edm.ModelElementPath': 'ModelElementPath',
};
const NUMERIC_TYPES = new Set(['Edm.Decimal', 'Edm.Double', 'Edm.Single', 'Edm.Int64', 'Edm.Int32', 'Edm.Int16', 'Edm.Byte', 'Edm.SByte']);

/**
 * The annotations of a JSON object (`"@Core.Description": ...`, `"@Term#Qualifier": ...`), or
 * of one of its members (`"Red@Core.Description"` with `prefix` "Red"), as `<Annotation>`
 * children of `target`. Annotations of annotations (`@A@B`) are not kept, as in CSDL XML
 * where the reader keeps only an annotation's value.
 */
export function readJsonAnnotations(target: XmlElement, object: JsonObject, pointer: string, context: AnnotationContext, prefix = ''): void {
  for (const [key, value] of Object.entries(object)) {
    if (!key.startsWith(`${prefix}@`)) continue;
    const name = key.slice(prefix.length + 1);
    if (name.includes('@')) continue;
    const hash = name.indexOf('#');
    const term = hash === -1 ? name : name.slice(0, hash);
    const annotationPointer = childPointer(pointer, key);
    const annotation = context.factory.element(annotationPointer, { Term: term });
    if (hash !== -1) annotation.$!['Qualifier'] = name.slice(hash + 1);
    const [tag, child] = expression(value, context.types.termType(term), annotationPointer, context);
    append(annotation, tag, child);
    append(target, 'Annotation', annotation);
  }
}

/** One annotation value as the XML expression element that gives the same model value. */
function expression(value: JsonValue, type: string | undefined, pointer: string, context: AnnotationContext): [string, XmlElement] {
  const { factory, types } = context;
  if (value === null) return ['Null', factory.element(pointer)];
  if (typeof value === 'boolean') return ['Bool', factory.text(pointer, String(value))];
  const inner = type === undefined ? undefined : (/^Collection\((.+)\)$/.exec(type)?.[1] ?? type);
  const resolved = types.resolve(inner);
  if (typeof value === 'number') return [Number.isInteger(value) && resolved?.name !== 'Edm.Decimal' ? 'Int' : 'Decimal', factory.text(pointer, String(value))];
  if (typeof value === 'string') return stringExpression(value, inner, resolved, pointer, context);
  if (Array.isArray(value)) {
    const collection = factory.element(pointer);
    value.forEach((item, index) => {
      const [tag, child] = expression(item, inner, childPointer(pointer, index), context);
      append(collection, tag, child);
    });
    return ['Collection', collection];
  }
  return objectExpression(value, inner, pointer, context);
}

function stringExpression(
  value: string,
  type: string | undefined,
  resolved: ReturnType<TermTypes['resolve']>,
  pointer: string,
  { factory }: AnnotationContext,
): [string, XmlElement] {
  if (resolved?.info?.kind === 'enum' && type !== undefined) {
    // "Read,Write" -> "Org.OData.Core.V1.Permission/Read Org.OData.Core.V1.Permission/Write"
    const members = value.split(',').map((member) => `${resolved.name}/${member.trim()}`);
    return ['EnumMember', factory.text(pointer, members.join(' '))];
  }
  const path = resolved ? PATH_TYPES[resolved.name] : undefined;
  if (path) return [path, factory.text(pointer, value)];
  if (resolved && NUMERIC_TYPES.has(resolved.name) && value.trim() !== '' && Number.isFinite(Number(value))) {
    return ['Decimal', factory.text(pointer, value)];
  }
  return ['String', factory.text(pointer, value)];
}

function objectExpression(value: JsonObject, type: string | undefined, pointer: string, context: AnnotationContext): [string, XmlElement] {
  const { factory } = context;
  for (const key of ['Path', 'PropertyPath', 'NavigationPropertyPath', 'AnnotationPath', 'ModelElementPath', 'LabeledElementReference']) {
    const text = value[`$${key}`];
    if (typeof text === 'string') return [key, factory.text(pointer, text)];
  }
  for (const operator of [...LIST_OPERATORS, ...SINGLE_OPERATORS]) {
    if (!Object.hasOwn(value, `$${operator}`)) continue;
    const element = factory.element(pointer, operatorAttributes(value));
    const operands = value[`$${operator}`]!;
    const list = LIST_OPERATORS.includes(operator) && Array.isArray(operands) ? operands : [operands];
    list.forEach((operand, index) => {
      const [tag, child] = expression(operand, undefined, childPointer(childPointer(pointer, `$${operator}`), index), context);
      append(element, tag, child);
    });
    return [operator, element];
  }
  if (Object.hasOwn(value, '$Null')) return ['Null', factory.element(pointer)];
  return recordExpression(value, type, pointer, context);
}

/** `$Function`, `$Type`, `$Name` and facets of a dynamic expression, as XML attributes. */
function operatorAttributes(value: JsonObject): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const key of ['Function', 'Type', 'Name', 'MaxLength', 'Precision', 'Scale', 'SRID']) {
    const text = value[`$${key}`] === undefined ? undefined : attributeText(value[`$${key}`]!);
    if (text !== undefined) attributes[key] = key === 'Type' && value['$Collection'] === true ? `Collection(${text})` : text;
  }
  return attributes;
}

function recordExpression(value: JsonObject, type: string | undefined, pointer: string, context: AnnotationContext): [string, XmlElement] {
  const { factory, types } = context;
  const record = factory.element(pointer);
  // CSDL JSON 4.01 writes the record type as "@type"; 4.0-era writers (the TC's converter too) as "@odata.type".
  const typeValue = value['@type'] ?? value['@odata.type'];
  const declared = typeof typeValue === 'string' ? typeValue.slice(typeValue.indexOf('#') + 1) : undefined;
  if (declared !== undefined) record.$!['Type'] = declared;
  const recordType = declared !== undefined ? types.qualify(declared) : type;
  for (const [property, propertyValue] of Object.entries(value)) {
    if (property.includes('@')) continue;
    const propertyPointer = childPointer(pointer, property);
    const element = factory.element(propertyPointer, { Property: property });
    const [tag, child] = expression(propertyValue, types.propertyType(recordType, property), propertyPointer, context);
    append(element, tag, child);
    append(record, 'PropertyValue', element);
  }
  return ['Record', record];
}
