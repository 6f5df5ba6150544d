/**
 * A deliberately simple second reading of CSDL XML for tests, sharing no code with the model:
 * a regex scan of tags that keeps, per schema type, its kind, base type, declared properties and
 * navigation properties with their types, and enum member names. Aliases are resolved.
 */
export interface OutlineType {
  kind: string;
  baseType?: string;
  properties: Map<string, string>;
  navigation: Map<string, string>;
  members: Set<string>;
}

export type Outline = Map<string, OutlineType>;

const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const TYPE_TAGS = new Set(['EntityType', 'ComplexType', 'EnumType', 'TypeDefinition']);

function attributesOf(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of text.matchAll(ATTRIBUTE)) result[match[1]!] = match[2] ?? match[3] ?? '';
  return result;
}

export function outline(xml: string): Outline {
  const text = xml.replace(/<!--[\s\S]*?-->/g, '');
  const aliases: Record<string, string> = {};
  const raw: [string, OutlineType][] = [];
  const stack: string[] = [];
  let namespace = '';
  let current: OutlineType | undefined;
  for (const match of text.matchAll(TAG)) {
    const [, closing, tag, attributeText, selfClosing] = match;
    if (closing) {
      stack.pop();
      if (TYPE_TAGS.has(tag!)) current = undefined;
      continue;
    }
    const attributes = attributesOf(attributeText!);
    const parent = stack[stack.length - 1];
    if (tag === 'Schema') {
      namespace = attributes['Namespace']!;
      if (attributes['Alias']) aliases[attributes['Alias']] = namespace;
    } else if (TYPE_TAGS.has(tag!) && parent === 'Schema') {
      current = { kind: tag!, properties: new Map(), navigation: new Map(), members: new Set() };
      if (attributes['BaseType']) current.baseType = attributes['BaseType'];
      raw.push([`${namespace}.${attributes['Name']}`, current]);
    } else if (current && tag === 'Property' && (parent === 'EntityType' || parent === 'ComplexType')) {
      current.properties.set(attributes['Name']!, attributes['Type']!);
    } else if (current && tag === 'NavigationProperty') {
      current.navigation.set(attributes['Name']!, attributes['Type']!);
    } else if (current && tag === 'Member' && parent === 'EnumType') {
      current.members.add(attributes['Name']!);
    }
    if (!selfClosing) stack.push(tag!);
  }
  const resolve = (name: string): string => {
    const collection = /^Collection\((.*)\)$/.exec(name);
    if (collection) return `Collection(${resolve(collection[1]!)})`;
    const dot = name.lastIndexOf('.');
    const prefix = name.slice(0, dot);
    return dot > 0 && aliases[prefix] ? `${aliases[prefix]}.${name.slice(dot + 1)}` : name;
  };
  const result: Outline = new Map();
  for (const [name, type] of raw) {
    if (result.has(name)) continue;
    if (type.baseType) type.baseType = resolve(type.baseType);
    for (const map of [type.properties, type.navigation]) for (const [key, value] of map) map.set(key, resolve(value));
    result.set(name, type);
  }
  return result;
}

/** Whether a base type of `name` (not the type itself) declares `member`, and with which type. */
export function inheritedFrom(types: Outline, name: string, member: string, which: 'properties' | 'navigation'): string | undefined {
  const seen = new Set([name]);
  for (let base = types.get(name)?.baseType; base && !seen.has(base); base = types.get(base)?.baseType) {
    seen.add(base);
    const found = types.get(base)?.[which].get(member);
    if (found !== undefined) return found;
  }
  return undefined;
}
