import { attribute, childElements, type XmlElement } from '../../csdl/xml-element.ts';

/**
 * Qualified names of the terms a document declares (CSDL XML 14.1). The model does not hold
 * terms; their names tell an annotation that targets a term (not kept) from one whose target
 * does not exist.
 */
export function termNames(root: XmlElement, into: Set<string>): void {
  for (const services of childElements(root, 'edmx:DataServices')) {
    for (const schema of childElements(services, 'Schema')) {
      const namespace = attribute(schema, 'Namespace');
      for (const term of childElements(schema, 'Term')) {
        const name = attribute(term, 'Name');
        if (namespace === undefined || name === undefined) continue;
        into.add(`${namespace}.${name}`);
      }
    }
  }
}
