import { describe, expect, it } from 'vitest';
import { brief, check, lineOf, resourcePage, WIDGET_PAGE } from './__fixtures__/docs.ts';

const FILE = 'v1.0/resources/widget.md';

/** The widget page with one edit (a "spoiler"): the findings it must cause, by marker. */
function spoil(find: string, replace: string, csdl = true) {
  if (!WIDGET_PAGE.includes(find)) throw new Error(`fixture has no ${find}`);
  const page = WIDGET_PAGE.replace(find, replace);
  return { page, found: check({ [FILE]: page }, { csdl }) };
}

describe('resource pages against the CSDL', () => {
  it('finds nothing on a page that agrees with the CSDL', () => {
    expect(check({ [FILE]: WIDGET_PAGE })).toEqual([]);
  });

  it.each([
    ['keyProperty is not the key', '"keyProperty": "id"', '"keyProperty": "name"', '"keyProperty"', 'validate/key-mismatch'],
    ['baseType differs', '"baseType": "microsoft.graph.directoryObject"', '"baseType": "microsoft.graph.entity"', '"baseType"', 'validate/base-type-mismatch'],
    ['openType differs', '"openType": true', '"openType": false', '"openType"', 'validate/open-type-mismatch'],
    ['Inherits from differs', 'Inherits from [directoryObject]', 'Inherits from [policyBase]', 'Inherits from', 'validate/base-type-mismatch'],
    ['a Key cue on a non-key', '|name|String|The name.|', '|name|String|The name. Key.|', '|name|', 'validate/key-cue-mismatch'],
    ['a table type', '|count|Int32|', '|count|String|', '|count|', 'validate/property-type-mismatch'],
    ['a JSON type', '"count": "Int32"', '"count": "Boolean"', '"count"', 'validate/property-type-mismatch'],
    ['an enum written as String', '"kind": "microsoft.graph.widgetKind"', '"kind": "String"', '"kind"', 'validate/property-type-mismatch'],
    ['a collection written as one value', '"tags": ["String"]', '"tags": "String"', '"tags"', 'validate/property-type-mismatch'],
    ['a Boolean written as an object', '"count": "Int32"', '"count": {"@odata.type": "Int32"}', '"count"', 'validate/property-type-mismatch'],
    ['a row the CSDL lacks', '|count|Int32|How many.|', '|count|Int32|How many.|\n|color|String|Color.|', '|color|', 'validate/property-not-in-csdl'],
    ['a Read-only cue missing on a computed property', 'When it was made. Read-only.', 'When it was made.', '|createdDateTime|', 'validate/read-only-cue-missing'],
  ])('reports %s where it is written', (_name, find, replace, marker, code) => {
    const { page, found } = spoil(find, replace);
    expect(brief(found)).toContain(`${lineOf(page, marker)} ${code}`);
  });

  it('reports a table row missing from the JSON and a JSON member missing from the table', () => {
    const { page, found } = spoil('  "name": "String",\n', '  "nickname": "String",\n');
    expect(brief(found)).toEqual([`${lineOf(page, '|name|')} validate/property-missing-from-json`, `${lineOf(page, '"nickname"')} validate/property-not-in-table`]);
  });

  it('reports each CSDL property the page leaves out, at the properties table', () => {
    const { page, found } = spoil('|tags|String collection|Tags.|\n', '');
    // The JSON shows tags, and the CSDL declares it: only the table is short of it.
    expect(brief(found)).toEqual([`${lineOf(page, '|Property|')} validate/property-not-documented`]);
    expect(found[0]!.message).toBe('microsoft.graph.widget has property tags in the CSDL, but the page does not document it');
    expect(found[0]!.related).toEqual([expect.objectContaining({ file: 'schema.xml' })]);
  });

  it('reports the keyProperty missing from the JSON representation at the JSON object', () => {
    const { page, found } = spoil('  "id": "String (identifier)",\n', '');
    expect(brief(found)).toEqual([`${lineOf(page, '|id|')} validate/property-missing-from-json`, `${lineOf(page, '{', '```json')} validate/key-not-in-json`]);
  });

  it('names the places that agree and the one that does not', () => {
    const { found } = spoil('"kind": "microsoft.graph.widgetKind"', '"kind": "String"');
    expect(found.map((d) => d.message)).toEqual([
      'kind: the JSON representation says Edm.String, but the CSDL and the table say microsoft.graph.widgetKind',
    ]);
  });

  it('reports a page about a type the CSDL does not have', () => {
    const page = resourcePage({ name: 'gadget', annotation: { blockType: 'resource', '@odata.type': 'microsoft.graph.gadget' }, properties: ['|size|Int32|Size.|'], json: '{ "size": "Int32" }' });
    expect(brief(check({ 'v1.0/resources/gadget.md': page }))).toEqual([`${lineOf(page, '"@odata.type"')} validate/type-not-in-csdl`]);
  });
});

describe('resource pages against each other (no CSDL)', () => {
  const base = resourcePage({
    name: 'gadgetBase',
    annotation: { blockType: 'resource', '@odata.type': 'microsoft.graph.gadgetBase', keyProperty: 'id' },
    properties: ['|id|String|Identifier. Key.|', '|label|String|Label.|'],
    json: '{ "id": "String (identifier)", "label": "String" }',
  });
  const derived = (edit: (page: string) => string = (page) => page) =>
    edit(
      resourcePage({
        name: 'gadget',
        annotation: { blockType: 'resource', '@odata.type': 'microsoft.graph.gadget', keyProperty: 'id', baseType: 'microsoft.graph.gadgetBase' },
        inheritsFrom: '[gadgetBase](gadgetbase.md)',
        properties: ['|label|String|Label. Inherited from [gadgetBase](gadgetbase.md).|', '|size|Int32|Size.|'],
        json: '{ "id": "String (identifier)", "label": "String", "size": "Int32" }',
      }),
    );
  const run = (page: string) => check({ 'beta/resources/gadgetbase.md': base, 'beta/resources/gadget.md': page }, { csdl: false });

  it('finds nothing when the pages agree', () => {
    expect(run(derived())).toEqual([]);
  });

  it('trusts the base type page over a table that contradicts it', () => {
    const page = derived((text) => text.replace('|label|String|', '|label|String collection|'));
    const found = run(page);
    expect(brief(found)).toEqual([`${lineOf(page, '|label|')} validate/property-type-mismatch`]);
    expect(found[0]!.message).toBe('label: the table says Collection(Edm.String), but the page of microsoft.graph.gadgetBase and the JSON representation say Edm.String');
  });

  it('reports "Inherits from" naming another type than the page it links', () => {
    const page = derived((text) => text.replace('Inherits from [gadgetBase]', 'Inherits from [gadgetBases]').replace(', "baseType": "microsoft.graph.gadgetBase"', ''));
    const found = run(page.replace('"baseType": "microsoft.graph.gadgetBase"', '"abstract": false'));
    expect(brief(found)).toContain(`${lineOf(page, 'Inherits from')} validate/base-type-mismatch`);
    expect(found.find((d) => d.code === 'validate/base-type-mismatch')!.message).toBe(
      '"Inherits from" says the base type is gadgetBases, but the page it links says microsoft.graph.gadgetBase',
    );
  });

  it('reports an annotation about another type than the heading, the JSON and the table', () => {
    const page = resourcePage({
      name: 'gadgetBase',
      title: 'gadgetBase',
      annotation: { blockType: 'resource', '@odata.type': 'microsoft.graph.gadgetHolder' },
      properties: ['|id|String|Identifier.|', '|label|String|Label.|'],
      json: '{ "@odata.type": "#microsoft.graph.gadgetBase", "id": "String", "label": "String" }',
    });
    const found = check({ 'beta/resources/gadgetbase.md': base, 'beta/resources/gadgetholder.md': page }, { csdl: false });
    expect(brief(found)).toEqual([`${lineOf(page, '"@odata.type": "microsoft.graph.gadgetHolder"')} validate/resource-type-mismatch`]);
    expect(found[0]!.message).toBe('The annotation says microsoft.graph.gadgetHolder, but the heading, the JSON representation and the properties table describe gadgetBase');
  });
});
