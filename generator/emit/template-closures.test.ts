import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { closureTemplate } from './template-closures.ts';
import { BUILTIN_TEMPLATES, COMPILE_OPTIONS, parseTemplate } from './templates.ts';

const handlebars = Handlebars.create();
const PARTIAL = '// from {{source}}\n';
handlebars.registerPartial('header', handlebars.compile(PARTIAL, COMPILE_OPTIONS));
const partials = { header: parseTemplate(handlebars, PARTIAL) };

function both(source: string, view: unknown): { closures: string | undefined; handlebars: string } {
  const closures = closureTemplate(parseTemplate(handlebars, source), partials);
  expect(closures, 'the template gets closures').toBeDefined();
  return { closures: closures!(view), handlebars: handlebars.compile(source, COMPILE_OPTIONS)(view) };
}

describe('closureTemplate', () => {
  it('renders what handlebars renders, whitespace control included', () => {
    const templates = [
      '{{> header}}\nexport interface {{name}}{{heritage}} {\n{{#each members}}\n{{doc}}  {{key}}: {{type}};\n{{/each}}\n}\n',
      '  {{> header}}\n{{#each lines}}\n  {{#each parts}}{{this}},{{/each}}\n{{/each}}\n',
      '{{! a comment }}\n{{names.collection}}<T>{{~ names.error ~}}  \n  x {{#each members}}[{{text}}]{{/each}} y\n',
      '{{#each empty}}\nnever\n{{/each}}\n{{name}}',
    ];
    const view = {
      source: 'graph.xml',
      name: 'User',
      heritage: ' extends Entity',
      names: { collection: 'ODataCollection', error: 'ODataError' },
      members: [
        { doc: '  /** Id. */\n', key: 'id', type: 'string', text: 'a' },
        { doc: '', key: "'@odata.type'", type: '"#x"', text: 'b' },
      ],
      lines: [{ parts: ['1', '2'] }, { parts: [] }],
      empty: [],
    };
    for (const source of templates) {
      const { closures, handlebars: expected } = both(source, view);
      expect(closures).toBe(expected);
    }
  });

  it('takes the built-in templates rendered once per type or file', () => {
    const names = ['ts-types', 'request-builders', 'partials'].flatMap((folder) => readdirSync(join(BUILTIN_TEMPLATES, folder)).map((file) => `${folder}/${file}`));
    expect(names).toContain('ts-types/interface.hbs');
    for (const name of names) {
      const source = readFileSync(join(BUILTIN_TEMPLATES, name), 'utf8');
      expect(closureTemplate(parseTemplate(handlebars, source), partials), name).toBeDefined();
    }
  });

  it('skips the holes of a sparse array, as each does', () => {
    const { closures, handlebars: expected } = both('{{#each items}}<{{this}}>{{/each}}', { items: ['a', , 'c'] });
    expect(closures).toBe('<a><c>');
    expect(closures).toBe(expected);
  });

  it('leaves templates with other constructs to handlebars', () => {
    for (const source of [
      '{{#if x}}y{{/if}}',
      '{{#each items}}{{@index}}{{/each}}',
      '{{#each items}}{{../name}}{{/each}}',
      '{{#each items}}a{{else}}b{{/each}}',
      '{{#each items as |item|}}{{item}}{{/each}}',
      '{{lookup x "y"}}',
      '{{x y}}',
      '{{this.x}}',
      '{{[odd name]}}',
      '{{> missing}}',
      '{{#> header}}x{{/header}}',
    ]) {
      expect(closureTemplate(parseTemplate(handlebars, source), partials), source).toBeUndefined();
    }
  });

  it('gives up on a view outside the plain case, so handlebars renders it (or throws)', () => {
    const closures = closureTemplate(parseTemplate(handlebars, '{{name}}{{#each items}}{{text}}{{/each}}'), partials)!;
    expect(closures({ name: 'a', items: [{ text: 'b' }] })).toBe('ab');
    expect(closures({ items: [] }), 'a missing field').toBeUndefined();
    expect(closures({ name: 1, items: [] }), 'a number').toBeUndefined();
    expect(closures({ name: () => 'x', items: [] }), 'a function').toBeUndefined();
    expect(closures({ name: 'a', items: 'b' }), 'each over a string').toBeUndefined();
    expect(closures({ name: 'a', items: [null] }), 'an item that is not an object').toBeUndefined();
    expect(closures(Object.assign(Object.create({ name: 'a' }), { items: [] })), 'an inherited field').toBeUndefined();
  });

  it('lets errors other than its own through', () => {
    const throwing = { get name(): string { throw new Error('boom'); }, items: [] };
    const closures = closureTemplate(parseTemplate(handlebars, '{{name}}'), partials)!;
    expect(() => closures(throwing)).toThrow('boom');
  });
});
