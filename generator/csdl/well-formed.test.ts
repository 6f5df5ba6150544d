import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, EXAMPLE_CSDL, GRAPH_CSDL } from '../testing/corpus.ts';
import { CSDL_OTHER } from './__fixtures__/models.ts';
import { seededRandom as random } from './__fixtures__/seeded-random.ts';
import { isPlainWellFormed } from './well-formed.ts';

const OTHER = existsSync(CSDL_OTHER) ? readdirSync(CSDL_OTHER).filter((name) => name.endsWith('.xml')).map((name) => join(CSDL_OTHER, name)) : [];
const REAL = [EXAMPLE_CSDL, ...OTHER, ...(corpusAvailable ? [GRAPH_CSDL] : [])];

const MARKUP = ['<', '>', '&', '"', "'", '/', '=', ' ', '\n', '<!--', '-->', ']]>', '<![CDATA[', '<?', '?>', '&amp;', '&#0;', '&#x;', '&x;', 'a="1"', '</a>', '<a>', '<a/>', ':', '\u00e9'];

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const span = 1 + Math.floor(next() * 30);
  switch (Math.floor(next() * 4)) {
    case 0:
      return text.slice(0, at) + text.slice(at + span);
    case 1:
      return text.slice(0, at) + text.slice(at, at + span) + text.slice(at);
    case 2:
      return text.slice(0, at) + MARKUP[Math.floor(next() * MARKUP.length)] + text.slice(at);
    default:
      return text.slice(0, at);
  }
}

describe('isPlainWellFormed', () => {
  it.each(REAL.map((file) => [file.slice(file.lastIndexOf('/') + 1), file]))('takes the real document %s as plain', (_name, file) => {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    expect(XMLValidator.validate(text)).toBe(true);
    expect(isPlainWellFormed(text)).toBe(true);
  });

  it.each([
    ['a mismatched end tag', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['an end tag with no start', '<a></a></b>'],
    ['two roots', '<a/><b/>'],
    ['no root', '  '],
    ['text outside the root', '<a/>x'],
    ['an unquoted attribute', '<a b=1/>'],
    ['an attribute without a value', '<a b/>'],
    ['a repeated attribute', '<a b="1" b="2"/>'],
    ['attributes without space between them', '<a b="1"c="2"/>'],
    ['< in an attribute value', '<a b="<"/>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a bare &', '<a>fish & chips</a>'],
    ['a & in a value', '<a b="&"/>'],
    ['an unclosed comment', '<a><!-- x</a>'],
    ['an unclosed CDATA section', '<a><![CDATA[x</a>'],
    ['a DOCTYPE', '<!DOCTYPE a><a/>'],
    ['a processing instruction', '<a><?pi x?></a>'],
    ['an XML declaration not at the start', ' <?xml version="1.0"?><a/>'],
    ['a non-ASCII name (left to the validator)', '<é/>'],
    ['an unclosed start tag', '<a b="1"'],
  ])('is not plain: %s', (_name, text) => {
    expect(isPlainWellFormed(text)).toBe(false);
  });

  it.each([
    ['an XML declaration, comments, CDATA, references', '<?xml version="1.0"?>\n<!-- c --><a x=\'1\' y = "&amp;&#38;&#x26;">t &lt; <![CDATA[<&>]]><b/><!-- d --></a>\n'],
    ['prefixed names and whitespace in end tags', '<edmx:Edmx xmlns:edmx="u"><edmx:DataServices></edmx:DataServices ></edmx:Edmx>'],
  ])('is plain: %s', (_name, text) => {
    expect(XMLValidator.validate(text)).toBe(true);
    expect(isPlainWellFormed(text)).toBe(true);
  });

  it('is sound: of 1500 seeded random mutations of real files, every one it takes as plain the validator accepts', () => {
    const next = random(20261204);
    const sources = [EXAMPLE_CSDL, ...OTHER].map((file) => readFileSync(file, 'utf8'));
    let plain = 0;
    let refused = 0;
    for (let index = 0; index < 1500; index++) {
      let text = sources[index % sources.length]!;
      for (let edit = 0, edits = 1 + Math.floor(next() * 3); edit < edits; edit++) text = mutate(text, next);
      if (isPlainWellFormed(text)) {
        plain++;
        expect(XMLValidator.validate(text, { allowBooleanAttributes: false }), `case ${index}`).toBe(true);
      } else {
        refused++;
      }
    }
    // Both sides must be exercised, or the test checks nothing.
    expect(plain).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(100);
  });
});
