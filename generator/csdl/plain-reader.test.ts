import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { CORPUS, PROJECT_ROOT } from '../testing/corpus.ts';
import { seededRandom } from './__fixtures__/seeded-random.ts';
import { parser } from './parse-xml.ts';
import { readPlainDocument } from './plain-reader.ts';

const METADATA = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** The same tree as fast-xml-parser's: deep-equal with the metadata symbols, key order too. */
function expectSameTree(text: string, label: string): void {
  const ours = readPlainDocument(text);
  expect(ours, `${label}: read by the plain reader`).toBeDefined();
  const theirs: unknown = parser.parse(text);
  expect(JSON.stringify(ours), `${label}: keys, key order, values`).toBe(JSON.stringify(theirs));
  expect(isDeepStrictEqual(ours, theirs), `${label}: deep-equal with the metadata`).toBe(true);
}

/** Every element tag in a tree fast-xml-parser built. */
function tagsIn(tree: unknown, into = new Set<string>()): Set<string> {
  if (typeof tree !== 'object' || tree === null) return into;
  for (const [key, value] of Object.entries(tree)) {
    if (key === '$' || !Array.isArray(value)) continue;
    into.add(key);
    for (const child of value) tagsIn(child, into);
  }
  return into;
}

function xmlFilesIn(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.xml')).map((name) => join(folder, name)) : [];
}

/** The repository's own XML fixtures (not node_modules, build output or installed peers). */
function repositoryXmlFiles(folder = PROJECT_ROOT): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || ['node_modules', 'dist', 'peers', 'generated'].includes(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...repositoryXmlFiles(path));
    else if (entry.name.endsWith('.xml')) found.push(path);
  }
  return found;
}

const withoutBom = (text: string) => text.replace(/^\uFEFF/, '');
const CORPUS_FILES = [...xmlFilesIn(join(CORPUS, 'csdl')), ...xmlFilesIn(join(CORPUS, 'csdl-other'))];
const REPOSITORY_FILES = repositoryXmlFiles();

describe('readPlainDocument builds what fast-xml-parser builds', () => {
  it('sees a difference in the metadata (the comparison is not blind to it)', () => {
    const ours = readPlainDocument('<a><b x="1"/></a>')!;
    const b = (ours['a']![0] as Record<string, Record<symbol, { startIndex: number }>[]>)['b']![0]!;
    expect(b[METADATA]).toEqual({ startIndex: 3, endIndex: 13 });
    b[METADATA]!.startIndex = 4;
    expect(isDeepStrictEqual(ours, parser.parse('<a><b x="1"/></a>'))).toBe(false);
  });

  describe.skipIf(CORPUS_FILES.length === 0)('the corpus (../shared/corpus/csdl, csdl-other)', () => {
    it.each(CORPUS_FILES.map((file) => [relative(CORPUS, file), file]))('%s', (name, file) => {
      expectSameTree(withoutBom(readFileSync(file, 'utf8')), name);
    });
  });
  if (CORPUS_FILES.length === 0) it.skip('the corpus: ../shared/corpus is missing, its files are not compared', () => {});

  it.each(REPOSITORY_FILES.map((file) => [relative(PROJECT_ROOT, file), file]))('the fixture %s', (name, file) => {
    expectSameTree(withoutBom(readFileSync(file, 'utf8')), name);
  });

  it.each([...REPOSITORY_FILES, ...CORPUS_FILES].map((file) => [relative(PROJECT_ROOT, file), file]))('collects the tags of %s', (_name, file) => {
    const text = withoutBom(readFileSync(file, 'utf8'));
    const elementNames = new Set<string>();
    readPlainDocument(text, elementNames);
    expect([...elementNames].sort()).toEqual([...tagsIn(parser.parse(text))].sort());
  });

  it.each([
    ['text beside children, trimmed piece by piece and joined', '<a> x <b/> y <c>z</c>\n w </a>'],
    ['text running on across comments', '<a> x <!-- c --> y <!-- d --><b/>  <!-- e -->  </a>'],
    ['CRLF and lone CR in text, values and between tags (offsets as in the text)', '<a\r\n b="1\r\n2\r3">\r\n x\r\ny\r\n<c\r\n/>\r</a>\r\n'],
    ['both quote kinds, whitespace around =, the other quote inside', `<a b = 'it"s' c\n=\t"it's" d="x > y"/>`],
    ['self-closing with and without space, empty and text-only elements', '<a><b/><b /><c></c><d>t</d><e x=""/><f x="1">t</f><g x="1"></g></a>'],
    ['siblings of one tag interleaved with others (first-seen key order)', '<a><b i="1"/><c/><b i="2"/>t<d/><c>x</c></a>'],
    ['references left as written', '<a b="&amp;&lt;&#38;&#x26;&quot;&apos;">&gt; &amp;amp; &#x1F600; &#0;</a>'],
    ['values and text with spaces to trim, tabs, Unicode spaces at the edges', '<a b=" x " c="\t\ty\n" d="\u00a0z\u00a0" e="  ">\u00a0 t \u2003</a>'],
    ['a text of Unicode spaces only', '<a><b>\u00a0\u2028</b></a>'],
    ['an XML declaration, comments outside the root, end tags with whitespace', '<?xml version="1.0" encoding="utf-8" standalone=\'yes\'?>\n<!-- c --><x:a xmlns:x="u"><x:b></x:b\n></x:a >\n<!-- d -->\n'],
    ['an empty root', '<root/>'],
    ['a text-only root', '<root>only text</root>'],
    ['non-ASCII text and values', '<a b="é€😀">ü 😀 \u4e2d</a>'],
    ['nesting 100 deep (as deep as it reads)', `${'<e>'.repeat(100)}x${'</e>'.repeat(100)}`],
  ])('%s', (_name, text) => {
    expectSameTree(text, _name);
  });

  it.each([
    ['a CDATA section', '<a><![CDATA[x]]></a>'],
    ['a processing instruction', '<a><?pi x?></a>'],
    ['a DOCTYPE', '<!DOCTYPE a><a/>'],
    ['a DOCTYPE inside a comment (refused there too)', '<a><!-- <!doctype x> --></a>'],
    ['an ENTITY declaration inside a comment', '<!-- <!ENTITY x "y"> --><a/>'],
    ['nesting deeper than fast-xml-parser allows', `${'<e>'.repeat(101)}${'</e>'.repeat(101)}`],
    ['an element fast-xml-parser renames', '<a><toString/></a>'],
    ['an element it refuses', '<a><constructor/></a>'],
    ['an element named prototype', '<a><prototype/></a>'],
    ['an element named __proto__', '<__proto__/>'],
    ['an attribute named __proto__', '<a __proto__="x"/>'],
    ['an attribute named hasOwnProperty', '<a hasOwnProperty="x"/>'],
    ['an attribute named prototype', '<a prototype="x"/>'],
    ['an XML declaration with other pseudo-attributes', '<?xml version="1.0" constructor="x"?><a/>'],
    ['an XML declaration with ?> in a value', '<?xml version="1?>"?><a/>'],
    ['a document that is not plain', '<a><b></a></b>'],
    ['no root', '<!-- only a comment -->'],
  ])('leaves it to fast-xml-parser: %s', (_name, text) => {
    expect(readPlainDocument(text)).toBeUndefined();
  });

  it('reads a name every object inherits but fast-xml-parser keeps as it is only through fast-xml-parser', () => {
    const text = '<a><isPrototypeOf/><isPrototypeOf/></a>';
    expect(readPlainDocument(text)).toBeUndefined();
    expect(JSON.stringify(parser.parse(text))).toBe('{"a":[{"isPrototypeOf":["",""]}]}');
  });

  it('reads documents with more distinct names than it keeps, and very long names, the same', () => {
    const many = Array.from({ length: 700 }, (_, index) => `<n${index} a${index}="${index}"/>`).join('');
    const long = `${'L'.repeat(150)}`;
    expectSameTree(`<root>${many}<${long} ${long}="x">t</${long}></root>`, 'many names');
    // With the kept names full: a refused name is still refused, and the next document starts afresh.
    expect(readPlainDocument(`<root>${many}<toString/></root>`)).toBeUndefined();
    expectSameTree('<edmx:Edmx Version="4.0"><edmx:DataServices/></edmx:Edmx>', 'after many names');
  });

  it('2000 seeded random plain documents: each read, each the same tree', () => {
    const next = seededRandom(20261204);
    for (let index = 0; index < 2000; index++) expectSameTree(randomDocument(next), `document ${index}`);
  });

  it('1500 seeded random mutations of real files: what it reads is plain and the same tree; the rest it declines', () => {
    const next = seededRandom(20261205);
    const sources = [...REPOSITORY_FILES, ...CORPUS_FILES.filter((file) => !file.includes('graph-v1.0'))].map((file) =>
      withoutBom(readFileSync(file, 'utf8')),
    );
    let read = 0;
    let declined = 0;
    for (let index = 0; index < 1500; index++) {
      let text = sources[index % sources.length]!;
      for (let edit = 0, edits = 1 + Math.floor(next() * 3); edit < edits; edit++) text = mutate(text, next);
      if (readPlainDocument(text) === undefined) {
        declined++;
        continue;
      }
      read++;
      // What it reads must be well-formed: the validator agrees.
      expect(XMLValidator.validate(text, { allowBooleanAttributes: false }), `case ${index} is well-formed`).toBe(true);
      expectSameTree(text, `case ${index}`);
    }
    // Both sides must be exercised, or the test checks nothing.
    expect(read).toBeGreaterThan(100);
    expect(declined).toBeGreaterThan(100);
  });
});

const NAMES = ['a', 'b', 'Property', 'edmx:Edmx', 'x.y-z_1', '_u', 'Annotation'];
const VALUE_PIECES = ['v', ' ', '\t', '\n', '\r\n', '\r', '&amp;', '&#x41;', '&#65;', '&quot;', '>', '=', '/', 'é', '\u00a0', '😀', 'Edm.String', ''];
const TEXT_PIECES = [...VALUE_PIECES, '"', "'", '&lt;', '&gt;', '&apos;', ']]', '  \n  '];
const SPACE = [' ', '  ', '\n', '\t', '\r\n', ' \r '];

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)]!;
}

function piecesOf(pieces: readonly string[], next: () => number, most: number): string {
  let result = '';
  for (let count = Math.floor(next() * most); count > 0; count--) result += pick(pieces, next);
  return result;
}

/** A random plain document: nested elements, attributes in both quotes, text, references, comments. */
function randomDocument(next: () => number): string {
  const declaration = next() < 0.3 ? `<?xml version="1.0"${next() < 0.5 ? " encoding='utf-8'" : ''}?>${pick(SPACE, next)}` : '';
  const comment = next() < 0.3 ? `<!--${piecesOf(TEXT_PIECES, next, 4)}-->${pick(SPACE, next)}` : '';
  return `${declaration}${comment}${randomElement(next, 0)}${next() < 0.5 ? pick(SPACE, next) : ''}`;
}

function randomElement(next: () => number, depth: number): string {
  const name = pick(NAMES, next);
  let tag = `<${name}`;
  const attributes = [...new Set(Array.from({ length: Math.floor(next() * 4) }, () => pick(NAMES, next)))];
  for (const attribute of attributes) {
    const quote = next() < 0.5 ? '"' : "'";
    const value = piecesOf(VALUE_PIECES, next, 5).replaceAll(quote, '');
    const equals = next() < 0.8 ? '=' : `${pick(SPACE, next)}=${pick(SPACE, next)}`;
    tag += `${pick(SPACE, next)}${attribute}${equals}${quote}${value}${quote}`;
  }
  if (next() < 0.3) tag += pick(SPACE, next);
  if (depth > 5 || next() < 0.25) return `${tag}${next() < 0.5 ? ' ' : ''}/>`;
  let content = '';
  for (let count = Math.floor(next() * 5); count > 0; count--) {
    const choice = next();
    if (choice < 0.45) content += randomElement(next, depth + 1);
    else if (choice < 0.85) content += piecesOf(TEXT_PIECES, next, 4);
    else content += `<!--${piecesOf(TEXT_PIECES, next, 3).replaceAll('--', '')}-->`;
  }
  return `${tag}>${content}</${name}${next() < 0.2 ? pick(SPACE, next) : ''}>`;
}

const MARKUP = ['<', '>', '&', '"', "'", '/', '=', ' ', '\n', '\r', '<!--', '-->', '<![CDATA[', '<?', '?>', '&amp;', '&x;', 'a="1"', '</a>', '<a>', '<a/>', ':', '\u00a0'];

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const span = 1 + Math.floor(next() * 30);
  switch (Math.floor(next() * 4)) {
    case 0:
      return text.slice(0, at) + text.slice(at + span);
    case 1:
      return text.slice(0, at) + text.slice(at, at + span) + text.slice(at);
    case 2:
      return text.slice(0, at) + pick(MARKUP, next) + text.slice(at);
    default:
      return text.slice(0, at);
  }
}
