import { standardTermType, standardVocabularyByAlias, standardVocabularyType, type VocabularyType } from '../../vocabularies/index.ts';
import { isObject, modelMembers, typeText, type JsonObject } from './json-element.ts';

/**
 * What CSDL JSON annotation values need to be read as the XML reader reads them: a JSON
 * string can be a string, an enum member, a path or a decimal, and only the type of the term
 * (or of the record property) tells which (CSDL JSON 14.3). Terms and types come from the
 * standard vocabularies and from the document itself.
 */
export class TermTypes {
  private readonly terms = new Map<string, string>();
  private readonly types = new Map<string, VocabularyType>();

  constructor(readonly aliases: Record<string, string>) {}

  /** `Core.Description` -> `Org.OData.Core.V1.Description` (aliases of this document). */
  qualify(name: string): string {
    const dot = name.lastIndexOf('.');
    if (dot === -1) return name;
    const prefix = name.slice(0, dot);
    return `${Object.hasOwn(this.aliases, prefix) ? this.aliases[prefix] : prefix}${name.slice(dot)}`;
  }

  qualifyType(type: string): string {
    const inner = /^Collection\((.+)\)$/.exec(type)?.[1];
    return inner === undefined ? this.qualify(type) : `Collection(${this.qualify(inner)})`;
  }

  /** Records the terms and types a document's schemas declare. */
  addSchema(namespace: string, schema: JsonObject): void {
    for (const [name, member] of modelMembers(schema)) {
      if (!isObject(member)) continue;
      const qualified = `${namespace}.${name}`;
      const type = this.declaredType(member);
      if (member['$Kind'] === 'Term') this.terms.set(qualified, this.qualifyType(typeText(member)!));
      else if (type) this.types.set(qualified, type);
    }
  }

  private declaredType(member: JsonObject): VocabularyType | undefined {
    switch (member['$Kind']) {
      case 'TypeDefinition':
        return { kind: 'typeDefinition', underlying: this.qualify(String(member['$UnderlyingType'] ?? 'Edm.String')) };
      case 'EnumType':
        return { kind: 'enum', members: modelMembers(member).map(([name]) => name) };
      case 'ComplexType':
      case 'EntityType': {
        const properties: Record<string, string> = {};
        for (const [name, property] of modelMembers(member)) {
          if (isObject(property)) properties[name] = this.qualifyType(typeText(property)!);
        }
        const base = typeof member['$BaseType'] === 'string' ? { base: this.qualify(member['$BaseType']) } : {};
        return { kind: 'complex', ...base, properties };
      }
      default:
        return undefined;
    }
  }

  /**
   * The type of a term. A standard alias the document uses without declaring it (`Core.` with
   * no edmx:Reference, as Olingo's test services write) still types the value; the term's
   * name is left as written.
   */
  termType(term: string): string | undefined {
    const qualified = this.qualify(term);
    const found = this.terms.get(qualified) ?? standardTermType(qualified);
    if (found !== undefined || qualified !== term) return found;
    const dot = term.lastIndexOf('.');
    const vocabulary = standardVocabularyByAlias(term.slice(0, dot));
    return vocabulary ? standardTermType(`${vocabulary}${term.slice(dot)}`) : undefined;
  }

  type(qualifiedName: string): VocabularyType | undefined {
    return this.types.get(qualifiedName) ?? standardVocabularyType(qualifiedName);
  }

  /** A type with its type definitions followed to the primitive underneath. */
  resolve(type: string | undefined): { name: string; info?: VocabularyType } | undefined {
    for (let name = type, depth = 0; name !== undefined && depth < 10; depth++) {
      const info = this.type(name);
      if (info?.kind !== 'typeDefinition') return info ? { name, info } : { name };
      name = info.underlying;
    }
    return undefined;
  }

  /** The type of a record property, looked up through the record type's base types. */
  propertyType(recordType: string | undefined, property: string): string | undefined {
    const seen = new Set<string>();
    for (let name = recordType; name !== undefined && !seen.has(name); ) {
      seen.add(name);
      const info = this.type(name);
      if (info?.kind !== 'complex') return undefined;
      if (Object.hasOwn(info.properties, property)) return info.properties[property];
      name = info.base;
    }
    return undefined;
  }
}
