import { XMLParser } from 'fast-xml-parser';
import { createDiagnostic } from '../diagnostics/diagnostic.ts';
import type { LineIndex } from '../diagnostics/line-index.ts';
import { UserInputError } from '../diagnostics/user-error.ts';
import { positionOf, type XmlElement } from './xml-element.ts';

/** OData V4's namespaces (CSDL XML 3.1, 3.2). */
export const EDMX_NAMESPACE = 'http://docs.oasis-open.org/odata/ns/edmx';
export const EDM_NAMESPACE = 'http://docs.oasis-open.org/odata/ns/edm';

/**
 * XML names the model reads are matched by namespace URI (Namespaces in XML 1.0), not by
 * prefix. After `canonicalizeNamespaces`, an element's key is its canonical name:
 * `edmx:Local` in the EDMX namespace, `Local` in the EDM namespace, and `{uri}Local`
 * (`{}Local` for no namespace) in any other, so that no foreign element reads as CSDL.
 * Attributes keep their names: CSDL's attributes are unqualified, and a prefixed attribute
 * (`sap:label`, `m:HasStream`) never matches one of them.
 */
export function canonicalName(uri: string | undefined, local: string): string {
  if (uri === EDMX_NAMESPACE) return `edmx:${local}`;
  if (uri === EDM_NAMESPACE) return local;
  return `{${uri ?? ''}}${local}`;
}

/** `{uri}Local` -> uri (undefined for a canonical EDM/EDMX name). */
export function namespaceOf(canonical: string): { uri: string | undefined; local: string } {
  if (canonical.startsWith('{')) {
    const close = canonical.indexOf('}');
    const uri = canonical.slice(1, close);
    return { uri: uri === '' ? undefined : uri, local: canonical.slice(close + 1) };
  }
  if (canonical.startsWith('edmx:')) return { uri: EDMX_NAMESPACE, local: canonical.slice(5) };
  return { uri: EDM_NAMESPACE, local: canonical };
}

const DECLARATION = /\bxmlns(?::([^\s=/>]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const METADATA = XMLParser.getMetaDataSymbol() as unknown as symbol;

/**
 * Rewrites the parsed tree's element keys to canonical names. Documents written with the
 * usual prefixes (`edmx:` for EDMX, the default namespace for EDM, nothing rebound) are
 * already canonical and are returned as they are: the common case costs one scan of the
 * text for `xmlns`. Anything else (`ns0:`, a default EDMX namespace, rebound prefixes) is
 * rewritten in one walk with the declarations in scope. `elementNames` (every element's tag,
 * as plain-reader.ts collects them) answers which prefixes name elements without searching
 * the text for them.
 */
export function canonicalizeNamespaces(
  text: string,
  rootTag: string,
  root: XmlElement,
  lines: LineIndex,
  elementNames?: ReadonlySet<string>,
): { rootTag: string; root: XmlElement } {
  if (isAlreadyCanonical(text, rootTag, root, elementNames)) return { rootTag, root };
  const scope = new Map<string, string | undefined>([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  const rootScope = withDeclarations(scope, root);
  const canonicalRoot = resolveName(rootTag, rootScope, root, lines);
  return { rootTag: canonicalRoot, root: rewrite(root, rootScope, lines) };
}

/**
 * True when every declaration in the text binds `edmx` to EDMX, the default namespace to
 * EDM, or another prefix to another URI (or to EDM/EDMX without naming any element with it),
 * the root is `edmx:Edmx` declaring `edmx`, and each
 * schema is in scope of a default EDM declaration. Declarations inside comments or values
 * can only make this false, never wrongly true.
 */
function isAlreadyCanonical(text: string, rootTag: string, root: XmlElement, elementNames: ReadonlySet<string> | undefined): boolean {
  if (rootTag !== 'edmx:Edmx' || root.$?.['xmlns:edmx'] !== EDMX_NAMESPACE) return false;
  // Each prefix is looked up once (Graph declares `xmlns:edm` 68 times).
  const used = new Map<string, boolean>();
  const usesPrefixOnce = (prefix: string) =>
    used.get(prefix) ?? used.set(prefix, elementNames ? namesUsePrefix(elementNames, prefix) : usesPrefix(text, prefix)).get(prefix)!;
  for (let at = text.indexOf('xmlns'); at !== -1; at = text.indexOf('xmlns', at + 5)) {
    DECLARATION.lastIndex = at;
    const match = DECLARATION.exec(text);
    if (!match || match.index !== at) continue;
    const prefix = match[1] ?? '';
    const uri = match[2] ?? match[3] ?? '';
    if (prefix === 'edmx' ? uri !== EDMX_NAMESPACE : prefix === '' ? uri !== EDM_NAMESPACE : isCsdlNamespace(uri) && usesPrefixOnce(prefix)) {
      return false;
    }
  }
  const rootDefault = root.$?.['xmlns'] === EDM_NAMESPACE;
  return childrenOf(root, 'edmx:DataServices').every((services) => {
    const inScope = rootDefault || services.$?.['xmlns'] === EDM_NAMESPACE;
    return childTagsOf(services).every(
      (tag) => tag.includes(':') || (inScope || childrenOf(services, tag).every((schema) => schema.$?.['xmlns'] === EDM_NAMESPACE)),
    );
  });
}

function isCsdlNamespace(uri: string): boolean {
  return uri === EDM_NAMESPACE || uri === EDMX_NAMESPACE;
}

/**
 * Whether any element is named with this prefix. Graph declares `xmlns:edm` (the EDM namespace)
 * on 68 annotations and never uses it: such a declaration changes no element's name.
 */
function usesPrefix(text: string, prefix: string): boolean {
  return text.includes(`<${prefix}:`) || text.includes(`</${prefix}:`);
}

/**
 * The same from the elements' tags: exact where the text search is conservative (it also
 * finds `<edm:` in a comment), and much cheaper than two searches of a text in which `<` is
 * every few characters.
 */
function namesUsePrefix(elementNames: ReadonlySet<string>, prefix: string): boolean {
  for (const name of elementNames) if (name.startsWith(`${prefix}:`)) return true;
  return false;
}

function childrenOf(element: XmlElement, tag: string): XmlElement[] {
  const value = element[tag];
  return Array.isArray(value) ? value.filter((child): child is XmlElement => typeof child === 'object') : [];
}

function childTagsOf(element: XmlElement): string[] {
  return Object.keys(element).filter((key) => key !== '$' && key !== '#text');
}

function withDeclarations(scope: Map<string, string | undefined>, element: XmlElement): Map<string, string | undefined> {
  const attributes = element.$;
  if (!attributes) return scope;
  let inner: Map<string, string | undefined> | undefined;
  for (const [name, value] of Object.entries(attributes)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    inner ??= new Map(scope);
    // `xmlns=""` undeclares the default namespace.
    inner.set(name === 'xmlns' ? '' : name.slice(6), value === '' ? undefined : value);
  }
  return inner ?? scope;
}

function resolveName(tag: string, scope: Map<string, string | undefined>, element: XmlElement, lines: LineIndex): string {
  const colon = tag.indexOf(':');
  const prefix = colon === -1 ? '' : tag.slice(0, colon);
  const local = tag.slice(colon + 1);
  const uri = scope.get(prefix);
  if (prefix !== '' && uri === undefined) {
    throw new UserInputError([
      createDiagnostic('csdl/malformed-xml', positionOf(element, lines), {
        reason: `the namespace prefix "${prefix}" of <${tag}> is not declared`,
      }),
    ]);
  }
  return canonicalName(uri, local);
}

function rewrite(element: XmlElement, scope: Map<string, string | undefined>, lines: LineIndex): XmlElement {
  const result: XmlElement = {};
  const metadata = (element as unknown as Record<symbol, unknown>)[METADATA];
  if (metadata !== undefined) (result as unknown as Record<symbol, unknown>)[METADATA] = metadata;
  for (const key of Object.keys(element)) {
    const value = element[key];
    if (key === '$' || key === '#text' || !Array.isArray(value)) {
      result[key] = value;
      continue;
    }
    for (const child of value as (XmlElement | string)[]) {
      const childScope = typeof child === 'object' ? withDeclarations(scope, child) : scope;
      const name = resolveName(key, childScope, typeof child === 'object' ? child : element, lines);
      const rewritten = typeof child === 'object' ? rewrite(child, childScope, lines) : child;
      const list = (result[name] ??= []) as (XmlElement | string)[];
      list.push(rewritten);
    }
  }
  return result;
}
