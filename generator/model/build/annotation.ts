import { attribute, childElements, childTags, decodeEntities, textOf, type XmlElement } from '../../csdl/xml-element.ts';
import type { Annotation, AnnotationValue } from '../types.ts';
import { at, qualify, type BuildContext } from './context.ts';

/**
 * Annotations and their values (CSDL XML 14.3-14.4), kept as written in the shape of
 * CSDL JSON so that every annotation survives, interpreted or not.
 */
export function readAnnotations(element: XmlElement, context: BuildContext, blockQualifier?: string): Annotation[] {
  const elements = childElements(element, 'Annotation');
  // Most elements have none (asked of every element read): a fresh empty list, which external annotations may fill.
  if (elements.length === 0) return [];
  return elements.map((annotation) => readAnnotation(annotation, context, blockQualifier));
}

/** `blockQualifier`: the Qualifier of an `<Annotations>` block, which its annotations take (CSDL XML 14.2.2). */
function readAnnotation(element: XmlElement, context: BuildContext, blockQualifier?: string): Annotation {
  const result: Annotation = {
    term: qualify(attribute(element, 'Term') ?? '', context),
    value: expressionValue(element, context),
    source: at(element, context),
  };
  const qualifier = attribute(element, 'Qualifier') ?? blockQualifier;
  if (qualifier !== undefined) result.qualifier = qualifier;
  return result;
}

/** Constant expressions that can appear as an attribute or as a child element. */
const CONSTANTS = [
  'String', 'Bool', 'Int', 'Float', 'Decimal', 'Date', 'DateTimeOffset', 'TimeOfDay', 'Duration', 'Guid', 'Binary',
] as const;
const PATHS = [
  'EnumMember', 'Path', 'PropertyPath', 'NavigationPropertyPath', 'AnnotationPath', 'ModelElementPath', 'UrlRef',
] as const;

function constantValue(kind: string, text: string): AnnotationValue {
  switch (kind) {
    case 'Bool':
      return text === 'true';
    case 'Int':
    case 'Float':
    case 'Decimal': {
      const number = Number(text);
      return Number.isFinite(number) ? number : text;
    }
    default:
      return text;
  }
}

/** Expression attributes by precedence: the constants, then the paths, each in its list's order. */
const EXPRESSION_RANK = new Map<string, number>([...CONSTANTS, ...PATHS].map((kind, rank) => [kind, rank]));

/** The value of an element holding an expression (Annotation or PropertyValue). */
function expressionValue(element: XmlElement, context: BuildContext): AnnotationValue {
  // One look at each attribute; should several hold a value, the first by precedence wins.
  const attributes = element.$;
  let kind: string | undefined;
  let rank = EXPRESSION_RANK.size;
  for (const name in attributes) {
    const candidate = EXPRESSION_RANK.get(name);
    if (candidate === undefined || candidate >= rank) continue;
    kind = name;
    rank = candidate;
  }
  if (kind !== undefined) {
    const value = decodeEntities(attributes![kind]!);
    return rank < CONSTANTS.length ? constantValue(kind, value) : pathValue(kind, value, context);
  }
  const tag = firstExpressionTag(element);
  if (tag === undefined) return attributes?.['Term'] === undefined ? null : true; // a bare term means true (Core tags)
  return childExpression(tag, childElements(element, tag)[0]!, context);
}

/** The first child tag (`childTags` order) other than Annotation, without listing them all. */
function firstExpressionTag(element: XmlElement): string | undefined {
  for (const key in element) if (key !== '$' && key !== '#text' && key !== 'Annotation') return key;
  return undefined;
}

function childExpression(tag: string, child: XmlElement, context: BuildContext): AnnotationValue {
  if ((CONSTANTS as readonly string[]).includes(tag)) return constantValue(tag, textOf(child));
  if ((PATHS as readonly string[]).includes(tag)) return pathValue(tag, textOf(child), context);
  if (tag === 'Record') return recordValue(child, context);
  if (tag === 'Collection') return collectionValue(child, context);
  if (tag === 'Null') return null;
  // Dynamic expressions (Apply, If, Cast, ...): keep their structure generically.
  return { [`$${tag}`]: genericValue(child, context) };
}

/** A path expression; enum members (`Core.Permission/Read Core.Permission/Write`) with their aliases resolved. */
function pathValue(kind: string, text: string, context: BuildContext): AnnotationValue {
  if (kind !== 'EnumMember') return { [`$${kind}`]: text };
  const members = text.trim().split(/\s+/).map((member) => {
    const slash = member.indexOf('/');
    return slash === -1 ? member : qualify(member.slice(0, slash), context) + member.slice(slash);
  });
  return { $EnumMember: members.join(' ') };
}

function recordValue(element: XmlElement, context: BuildContext): AnnotationValue {
  const record: Record<string, AnnotationValue> = {};
  const type = attribute(element, 'Type');
  if (type !== undefined) record['@type'] = qualify(type, context);
  for (const propertyValue of childElements(element, 'PropertyValue')) {
    const name = attribute(propertyValue, 'Property');
    if (name !== undefined) record[name] = expressionValue(propertyValue, context);
  }
  return record;
}

function collectionValue(element: XmlElement, context: BuildContext): AnnotationValue {
  const items: AnnotationValue[] = [];
  for (const tag of childTags(element)) {
    for (const child of childElements(element, tag)) items.push(childExpression(tag, child, context));
  }
  return items;
}

function genericValue(element: XmlElement, context: BuildContext): AnnotationValue {
  const value: Record<string, AnnotationValue> = {};
  for (const name of Object.keys(element.$ ?? {})) value[name] = attribute(element, name)!;
  for (const tag of childTags(element)) {
    value[tag] = childElements(element, tag).map((child) => childExpression(tag, child, context));
  }
  if (element['#text']) value['#text'] = textOf(element);
  return value;
}
