import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readFlatMapping, splitFrontMatter } from './front-matter.ts';

describe('flat front matter', () => {
  it('reads the Graph shape to the values the YAML parser gives', () => {
    const text = [
      'title: "Get crossTenantAccessPolicy"',
      "description: 'Read the properties.'",
      'author: jkdouglas',
      'ms.localizationpriority: medium',
      'ms.date: 08/05/2024',
      'doc_type: apiPageType  ',
      'toc.title: Cross-tenant access (preview)',
    ].join('\n');
    expect(readFlatMapping(text)).toEqual(parse(text));
  });

  it.each([
    ['a comment', 'title: x # note'],
    ['a boolean', 'isPreview: true'],
    ['null', 'x: Null'],
    ['a number', 'order: 12'],
    ['an escape', 'title: "a \\" b"'],
    ['a list', 'tags:\n  - a'],
    ['a colon in a plain value', 'title: a: b'],
    ['a prototype key', '__proto__: x'],
  ])('leaves %s to the YAML parser', (_, text) => {
    expect(readFlatMapping(text)).toBeUndefined();
  });
});

describe('front matter split', () => {
  it.each([
    ['---\na: 1\n---\n# x\n', { body: '\n\n\n# x\n', yaml: { text: 'a: 1', line: 2 } }],
    ['\uFEFF---\na: 1\nb: 2\n...\nx', { body: '\n\n\n\nx', yaml: { text: 'a: 1\nb: 2', line: 2 } }],
    ['---\n---', { body: '\n\n', yaml: { text: '', line: 2 } }],
    ['---\r\na: 1\r\n---\r\nb\r\n', { body: '\n\n\nb\n', yaml: { text: 'a: 1', line: 2 } }],
    ['---\nno closing line\n', { body: '---\nno closing line\n' }],
    ['# no front matter\n---\n', { body: '# no front matter\n---\n' }],
  ])('splits %j keeping line numbers', (text, expected) => {
    expect(splitFrontMatter(text)).toEqual(expected);
  });
});
