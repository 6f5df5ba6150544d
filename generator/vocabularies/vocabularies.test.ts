import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../csdl/parse-xml.ts';
import { attribute, childElements } from '../csdl/xml-element.ts';
import { CORPUS, CORPUS_SKIP_REASON } from '../testing/corpus.ts';
import { isStandardVocabularyReference, standardTermType, standardVocabularyType } from './index.ts';
import { STANDARD_VOCABULARIES, type Vocabulary } from './standard-vocabularies.ts';

/** The table's entry for one vocabulary file, read with the project's own XML reader. */
function fromFile(path: string): [string, Vocabulary] {
  const { root } = parseXml(path, readFileSync(path, 'utf8'));
  const aliases: Record<string, string> = {};
  for (const reference of childElements(root, 'edmx:Reference')) {
    for (const include of childElements(reference, 'edmx:Include')) aliases[attribute(include, 'Alias')!] = attribute(include, 'Namespace')!;
  }
  const [schema] = childElements(childElements(root, 'edmx:DataServices')[0]!, 'Schema');
  const namespace = attribute(schema!, 'Namespace')!;
  aliases[attribute(schema!, 'Alias')!] = namespace;
  const qualify = (type = 'Edm.String') => {
    const inner = /^Collection\((.*)\)$/.exec(type)?.[1] ?? type;
    const dot = inner.lastIndexOf('.');
    const full = (aliases[inner.slice(0, dot)] ?? inner.slice(0, dot)) + inner.slice(dot);
    return inner === type ? full : `Collection(${full})`;
  };
  const vocabulary: Vocabulary = { alias: attribute(schema!, 'Alias')!, terms: {}, types: {} };
  for (const term of childElements(schema!, 'Term')) vocabulary.terms[attribute(term, 'Name')!] = qualify(attribute(term, 'Type'));
  for (const type of childElements(schema!, 'TypeDefinition')) {
    vocabulary.types[attribute(type, 'Name')!] = { kind: 'typeDefinition', underlying: qualify(attribute(type, 'UnderlyingType')) };
  }
  for (const type of childElements(schema!, 'EnumType')) {
    const members = childElements(type, 'Member').map((member) => attribute(member, 'Name')!);
    vocabulary.types[attribute(type, 'Name')!] = { kind: 'enum', ...(attribute(type, 'IsFlags') === 'true' ? { flags: true } : {}), members };
  }
  for (const type of childElements(schema!, 'ComplexType')) {
    const properties: Record<string, string> = {};
    for (const tag of ['Property', 'NavigationProperty']) {
      for (const property of childElements(type, tag)) properties[attribute(property, 'Name')!] = qualify(attribute(property, 'Type'));
    }
    const base = attribute(type, 'BaseType');
    vocabulary.types[attribute(type, 'Name')!] = {
      kind: 'complex',
      ...(base ? { base: qualify(base) } : {}),
      ...(attribute(type, 'Abstract') === 'true' ? { abstract: true } : {}),
      properties,
    };
  }
  return [namespace, vocabulary];
}

const FILES = ['oasis-core-vocab.xml', 'oasis-capabilities-vocab.xml', 'oasis-authorization-vocab.xml'].map((name) => join(CORPUS, 'csdl-other', name));

describe(`standard vocabularies${CORPUS_SKIP_REASON}`, () => {
  it.skipIf(!FILES.every((path) => existsSync(path))).each(FILES)('the table agrees with %s', (path) => {
    const [namespace, vocabulary] = fromFile(path);
    expect(STANDARD_VOCABULARIES[namespace]).toEqual(vocabulary);
  });

  it('knows all nine vocabularies the issue names, by namespace and by published URI', () => {
    for (const name of ['Core', 'Capabilities', 'Validation', 'Measures', 'Aggregation', 'Authorization', 'JSON', 'Temporal', 'Repeatability']) {
      expect(isStandardVocabularyReference(`https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.${name}.V1.xml`, [])).toBe(true);
      expect(STANDARD_VOCABULARIES[`Org.OData.${name}.V1`]?.alias).toBe(name);
    }
    expect(isStandardVocabularyReference('https://example.com/vocabularies/Org.OData.Core.V1.xml', ['Org.OData.Core.V1'])).toBe(true);
    expect(isStandardVocabularyReference('https://example.com/$metadata', ['com.example.Other'])).toBe(false);
  });

  it('answers term and type look-ups', () => {
    expect(standardTermType('Org.OData.Core.V1.Permissions')).toBe('Org.OData.Core.V1.Permission');
    expect(standardVocabularyType('Org.OData.Core.V1.Permission')).toMatchObject({ kind: 'enum', flags: true });
    expect(standardVocabularyType('Org.OData.Capabilities.V1.NavigationPropertyRestriction')).toMatchObject({
      kind: 'complex',
      properties: { NavigationProperty: 'Edm.NavigationPropertyPath' },
    });
    expect(standardTermType('Org.OData.Core.V1.NoSuchTerm')).toBeUndefined();
  });
});
