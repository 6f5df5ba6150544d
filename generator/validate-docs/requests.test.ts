import { describe, expect, it } from 'vitest';
import { apiPage, brief, check, example, lineOf } from './__fixtures__/docs.ts';

const FILE = 'v1.0/api/widget-update.md';
const ROOT = 'https://graph.microsoft.com/v1.0';
const NO_CONTENT = example({ blockType: 'response' }, 'HTTP/1.1 204 No Content');

/** An update page whose one request example is `request` (method line, headers, body). */
function updatePage(request: string, table = ['|name|String|The name.|', '|settings|widgetSettings|Settings.|']): string {
  return apiPage({
    title: 'Update widget',
    request: 'PATCH /widgets/{id}',
    status: '204 No Content',
    table,
    examples: [example({ blockType: 'request', name: 'update_widget' }, request), NO_CONTENT],
  });
}

const patch = (body: string, url = `${ROOT}/widgets/7c1f`) => `PATCH ${url}\nContent-Type: application/json\n\n${body}`;

describe('request examples against the operations', () => {
  it('finds nothing on a correct update', () => {
    expect(check({ [FILE]: updatePage(patch('{ "name": "Gizmo", "settings": { "enabled": true } }')) })).toEqual([]);
  });

  it.each([
    ['a key in parentheses', `${ROOT}/widgets('7c1f')`],
    ['a placeholder', `${ROOT}/widgets/{id}`],
    ['another case', `${ROOT}/Widgets/7c1f`],
  ])('matches the key segment written as %s', (_name, url) => {
    expect(check({ [FILE]: updatePage(patch('{ "name": "Gizmo" }', url)) })).toEqual([]);
  });

  it.each([
    ['a path the schema lacks', patch('{}', `${ROOT}/gadgets/1`), 'validate/unknown-path'],
    ['a method the path lacks', `PUT ${ROOT}/widgets/7c1f/parts\n\n{}`, 'validate/method-not-allowed'],
    ['the beta endpoint on a v1.0 page', patch('{ "name": "Gizmo" }', 'https://graph.microsoft.com/beta/widgets/7c1f'), 'validate/service-root'],
  ])('reports %s at the request line', (_name, request, code) => {
    const page = updatePage(request);
    expect(brief(check({ [FILE]: page }))).toContain(`${lineOf(page, ' https://graph.microsoft.com/')} ${code}`);
  });

  it.each([
    ['an unknown property', '{ "name": "Gizmo", "colour": "red" }', '"colour"', ['validate/property-not-in-request-table', 'validate/undeclared-property']],
    ['the key', '{ "id": "7c1f" }', '"id"', ['validate/not-writable', 'validate/property-not-in-request-table']],
    ['a computed property', '{ "createdDateTime": "2024-01-01T00:00:00Z" }', '"createdDateTime"', ['validate/not-writable', 'validate/property-not-in-request-table']],
    ['a wrong type', '{ "name": 42 }', '{ "name": 42', ['validate/wrong-value']],
    ['a wrong nested type', '{ "settings": { "enabled": "yes" } }', '"enabled"', ['validate/wrong-value']],
    ['an enum member after unknownFutureValue', '{ "kind": "huge" }', '"kind"', ['validate/evolvable-enum', 'validate/property-not-in-request-table']],
  ])('reports %s in a PATCH body at its line', (_name, body, marker, codes) => {
    const page = updatePage(patch(body));
    const line = lineOf(page, marker, 'update_widget');
    expect(brief(check({ [FILE]: page })).sort()).toEqual(codes.map((code) => `${line} ${code}`).sort());
  });

  it('reports an unknown property of a type that is not open as an error', () => {
    const page = updatePage(patch('{ "settings": { "enabled": true, "colour": "red" } }'));
    const found = check({ [FILE]: page });
    expect(brief(found)).toEqual([`${lineOf(page, '"colour"', 'update_widget')} validate/unknown-property`]);
    expect(found[0]!.message).toBe('Request body /settings/colour: microsoft.graph.widgetSettings has no property colour');
  });

  it('reports a property the table marks Read-only in an update', () => {
    const resource = [
      '---', 'doc_type: resourcePageType', '---', '# part resource type', '', 'Namespace: microsoft.graph', '', '## Properties', '',
      '|Property|Type|Description|', '|:---|:---|:---|', '|partId|Int32|Identifier. Key.|', '|label|String|The label. Read-only.|', '',
      '## JSON representation', '', '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.part", "keyProperty": "partId" } -->',
      '```json', '{ "partId": "Int32", "label": "String" }', '```', '',
    ].join('\n');
    const page = apiPage({
      title: 'Update part',
      request: 'PATCH /widgets/{id}/parts/{partId}',
      status: '204 No Content',
      table: ['|label|String|The label.|'],
      examples: [example({ blockType: 'request' }, patch('{ "label": "x" }', `${ROOT}/widgets/1/parts/2`)), NO_CONTENT],
    });
    const found = check({ 'v1.0/resources/part.md': resource, 'v1.0/api/part-update.md': page });
    expect(brief(found)).toEqual([`${lineOf(page, '"label"', 'PATCH https')} validate/not-writable`]);
    expect(found[0]!.message).toBe('Request body /label: label is read-only (the properties table of part says so)');
  });

  it.each([
    ['a number', '2', []],
    ['a quoted number in parentheses', "parts('2')", ['validate/key-value']],
    ['a word', 'two', ['validate/key-value']],
    ['a placeholder', '{partId}', []],
  ])('checks a key segment written as %s against the key type', (_name, key, codes) => {
    const url = key.startsWith('parts') ? `${ROOT}/widgets/1/${key}` : `${ROOT}/widgets/1/parts/${key}`;
    const page = apiPage({
      title: 'Delete part',
      request: 'DELETE /widgets/{id}/parts/{partId}',
      status: '204 No Content',
      examples: [example({ blockType: 'request' }, `DELETE ${url}`), NO_CONTENT],
    });
    expect(brief(check({ 'v1.0/api/part-delete.md': page }))).toEqual(codes.map((code) => `${lineOf(page, 'DELETE https')} ${code}`));
  });

  it('checks query options against the resource the path addresses', () => {
    const page = apiPage({
      title: 'List widgets',
      request: 'GET /widgets',
      status: '200 OK',
      examples: [
        example({ blockType: 'request' }, `GET ${ROOT}/widgets?$select=name,color&$expand=parts($select=label),gears&$top=ten&$orderby=count desc&$bogus=1&custom=x`),
        example({ blockType: 'response', '@odata.type': 'microsoft.graph.widget', isCollection: true }, 'HTTP/1.1 200 OK\nContent-Type: application/json\n\n{ "value": [] }'),
      ],
    });
    const found = check({ 'v1.0/api/widget-list.md': page });
    expect(found.map((d) => d.message)).toEqual([
      'Query option $select: color is not a property of microsoft.graph.widget',
      'Query option $expand: gears is not a navigation property of microsoft.graph.widget',
      'Query option $top: ten is not a non-negative integer',
      'Query option $bogus: not a system query option of OData',
    ]);
  });

  it('reports a body on a GET and no body on an update', () => {
    const get = apiPage({
      title: 'Get widget',
      request: 'GET /widgets/{id}',
      status: '200 OK',
      examples: [example({ blockType: 'request' }, `GET ${ROOT}/widgets/1\n\n{ "name": "x" }`), example({ blockType: 'response' }, 'HTTP/1.1 200 OK')],
    });
    expect(brief(check({ 'v1.0/api/widget-get.md': get }))).toEqual([`${lineOf(get, '{ "name"')} validate/unexpected-request-body`]);
    const update = updatePage(`PATCH ${ROOT}/widgets/1`);
    expect(brief(check({ [FILE]: update }))).toEqual([`${lineOf(update, 'PATCH https')} validate/missing-request-body`]);
  });

  it('checks an action body parameter by parameter', () => {
    const page = apiPage({
      title: 'widget: reset',
      request: 'POST /widgets/{id}/reset',
      status: '204 No Content',
      table: ['|mode|String|How.|'],
      examples: [example({ blockType: 'request' }, `POST ${ROOT}/widgets/1/reset\nContent-Type: application/json\n\n{ "mode": 1, "force": true }`), NO_CONTENT],
    });
    expect(brief(check({ 'v1.0/api/widget-reset.md': page })).sort()).toEqual([
      `${lineOf(page, '{ "mode"', 'POST https')} validate/property-not-in-request-table`,
      `${lineOf(page, '{ "mode"', 'POST https')} validate/unknown-parameter`,
      `${lineOf(page, '{ "mode"', 'POST https')} validate/wrong-value`,
    ]);
  });

  it('checks the lines of the HTTP request section', () => {
    const page = updatePage(patch('{ "name": "x" }')).replace('PATCH /widgets/{id}\n', 'PATCH /widgets/{id}/gears\n');
    expect(brief(check({ [FILE]: page }))).toEqual([`${lineOf(page, 'PATCH /widgets/{id}/gears')} validate/unknown-path`]);
  });
});
