import { STANDARD_VOCABULARIES, type Vocabulary, type VocabularyType } from './standard-vocabularies.ts';

export type { Vocabulary, VocabularyType };

/** Where the OData TC publishes the standard vocabularies (edmx:Reference Uri of most services). */
const PUBLISHED = /^https?:\/\/(?:oasis-tcs\.github\.io\/odata-vocabularies\/vocabularies|docs\.oasis-open\.org\/odata\/odata-vocabularies\/v\d[.\d]*\/vocabularies|docs\.oasis-open\.org\/odata\/odata\/v4\.0\/os\/vocabularies)\/(Org\.OData\.\w+\.V1)\.(?:xml|json)$/;

/** The standard vocabulary with this namespace, if it is one. */
export function standardVocabulary(namespace: string): Vocabulary | undefined {
  return Object.hasOwn(STANDARD_VOCABULARIES, namespace) ? STANDARD_VOCABULARIES[namespace] : undefined;
}

/** True when a reference's URI is one of the published standard vocabularies (or it includes only those). */
export function isStandardVocabularyReference(uri: string, includedNamespaces: string[]): boolean {
  const published = PUBLISHED.exec(uri);
  if (published && standardVocabulary(published[1]!)) return true;
  return includedNamespaces.length > 0 && includedNamespaces.every((namespace) => standardVocabulary(namespace) !== undefined);
}

/** The namespace of the standard vocabulary with this usual alias (`Core` -> `Org.OData.Core.V1`). */
export function standardVocabularyByAlias(alias: string): string | undefined {
  return Object.entries(STANDARD_VOCABULARIES).find(([, vocabulary]) => vocabulary.alias === alias)?.[0];
}

function split(qualifiedName: string): [string, string] {
  const dot = qualifiedName.lastIndexOf('.');
  return [qualifiedName.slice(0, dot), qualifiedName.slice(dot + 1)];
}

/** A type of a standard vocabulary by qualified name (`Org.OData.Core.V1.Tag`). */
export function standardVocabularyType(qualifiedName: string): VocabularyType | undefined {
  const [namespace, name] = split(qualifiedName);
  const vocabulary = standardVocabulary(namespace);
  return vocabulary && Object.hasOwn(vocabulary.types, name) ? vocabulary.types[name] : undefined;
}

/** The type of a standard term by qualified name (`Org.OData.Core.V1.Description` -> `Edm.String`). */
export function standardTermType(qualifiedName: string): string | undefined {
  const [namespace, name] = split(qualifiedName);
  const vocabulary = standardVocabulary(namespace);
  return vocabulary && Object.hasOwn(vocabulary.terms, name) ? vocabulary.terms[name] : undefined;
}
