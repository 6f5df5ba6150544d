import { describe, expect, it } from 'vitest';
import { apiPage, brief, check, example, lineOf } from './__fixtures__/docs.ts';

const ROOT = 'https://graph.microsoft.com/v1.0';
const json = (status: string, body: string) => `HTTP/1.1 ${status}\nContent-Type: application/json\n\n${body}`;

function getPage(response: string, annotation: Record<string, unknown> = { blockType: 'response', '@odata.type': 'microsoft.graph.widget' }, url = `${ROOT}/widgets/1`) {
  return apiPage({
    title: 'Get widget',
    request: 'GET /widgets/{id}',
    status: '200 OK',
    examples: [example({ blockType: 'request', name: 'get_widget' }, `GET ${url}`), example(annotation, response)],
  });
}

const FILE = 'v1.0/api/widget-get.md';

describe('response examples against the operation and the schema', () => {
  it('finds nothing on a correct, truncated response', () => {
    const page = getPage(json('200 OK', '{ "id": "1", "name": "Gizmo", "tags": [] }'), { blockType: 'response', truncated: true, '@odata.type': 'microsoft.graph.widget' });
    expect(check({ [FILE]: page })).toEqual([]);
  });

  it.each([
    ['a status other than the documented one', json('201 Created', '{ "id": "1" }'), 'HTTP/1.1 201', 'validate/status-mismatch'],
    ['a wrong value', json('200 OK', '{ "id": "1", "count": "many" }'), '"count"', 'validate/wrong-value'],
    ['a wrong nested value', json('200 OK', '{ "settings": { "enabled": 1 } }'), '"settings"', 'validate/wrong-value'],
    ['an unknown member of a closed type', json('200 OK', '{ "settings": { "colour": "red" } }'), '"settings"', 'validate/unknown-property'],
    ['an undeclared member of an open type', json('200 OK', '{ "colour": "red" }'), '"colour"', 'validate/undeclared-property'],
    ['an @odata.type that does not derive', json('200 OK', '{ "@odata.type": "#microsoft.graph.part" }'), '"@odata.type": "#', 'validate/wrong-odata-type'],
  ])('reports %s at its line', (_name, response, marker, code) => {
    const page = getPage(response);
    expect(brief(check({ [FILE]: page }))).toEqual([`${lineOf(page, marker, 'HTTP/1.1')} ${code}`]);
  });

  it('reports a single object wrapped in "value", then checks the object inside', () => {
    const page = getPage(json('200 OK', '{\n  "value": {\n    "id": "1",\n    "count": "many"\n  }\n}'));
    const found = check({ [FILE]: page });
    expect(brief(found)).toEqual([`${lineOf(page, '"value"')} validate/value-wrapper`, `${lineOf(page, '"count"')} validate/wrong-value`]);
    expect(found[1]!.message).toMatch(/^Response body \/value\/count: /);
  });

  it('reports an undeclared *DateTime value that is not a date, as Graph names dates', () => {
    const page = getPage(json('200 OK', '{ "lastSeenDateTime": "yesterday" }'));
    const found = check({ [FILE]: page });
    expect(brief(found)).toEqual([`${lineOf(page, 'lastSeenDateTime')} validate/undeclared-property`, `${lineOf(page, 'lastSeenDateTime')} validate/date-format`]);
    expect(found[1]!.message).toContain('"yesterday" is not a date and time');
  });

  it('checks collections given as Collection(T) or isCollection, in their envelope', () => {
    const list = (annotation: Record<string, unknown>, body: string) =>
      apiPage({
        title: 'List widgets',
        request: 'GET /widgets',
        status: '200 OK',
        examples: [example({ blockType: 'request' }, `GET ${ROOT}/widgets`), example({ blockType: 'response', ...annotation }, json('200 OK', body))],
      });
    const ok = '{ "@odata.context": "x", "value": [ { "id": "1" } ] }';
    expect(check({ 'v1.0/api/widget-list.md': list({ '@odata.type': 'Collection(microsoft.graph.widget)' }, ok) })).toEqual([]);
    expect(check({ 'v1.0/api/widget-list.md': list({ '@odata.type': 'microsoft.graph.widget', isCollection: true }, ok) })).toEqual([]);
    const bad = list({ '@odata.type': 'microsoft.graph.widget', isCollection: true }, '{ "value": [ { "count": true } ] }');
    expect(brief(check({ 'v1.0/api/widget-list.md': bad }))).toEqual([`${lineOf(bad, '"count"')} validate/wrong-value`]);
  });

  it('reports an annotation that contradicts what the operation returns, and checks the body as the operation says', () => {
    const page = getPage(json('200 OK', '{ "id": "1", "name": "Gizmo" }'), { blockType: 'response', '@odata.type': 'microsoft.graph.part' });
    const found = check({ [FILE]: page });
    expect(brief(found)).toEqual([`${lineOf(page, '"@odata.type":"microsoft.graph.part"')} validate/response-type-mismatch`]);
    expect(found[0]!.message).toBe('The annotation says microsoft.graph.part, but GET /widgets/{id} returns microsoft.graph.widget');
  });

  it('reports an annotation naming a type the schema does not have', () => {
    const page = getPage(json('200 OK', '{ "id": "1" }'), { blockType: 'response', '@odata.type': 'microsoft.graph.gadget' });
    expect(brief(check({ [FILE]: page }))).toEqual([`${lineOf(page, 'microsoft.graph.gadget')} validate/unknown-type`]);
  });

  it('reports a 204 with a body, and an annotated type with no body', () => {
    const deleted = apiPage({
      title: 'Delete widget',
      request: 'DELETE /widgets/{id}',
      status: '204 No Content',
      examples: [example({ blockType: 'request' }, `DELETE ${ROOT}/widgets/1`), example({ blockType: 'response' }, json('204 No Content', '{ "id": "1" }'))],
    });
    expect(brief(check({ 'v1.0/api/widget-delete.md': deleted }))).toEqual([`${lineOf(deleted, '{ "id"')} validate/no-content-with-body`]);
    const empty = getPage('HTTP/1.1 200 OK');
    expect(brief(check({ [FILE]: empty }))).toEqual([`${lineOf(empty, 'HTTP/1.1 200 OK')} validate/missing-response-body`]);
  });

  it('leaves error examples alone', () => {
    const page = getPage(json('404 Not Found', '{ "error": { "code": "NotFound" } }'), { blockType: 'response', expectError: true });
    expect(check({ [FILE]: page })).toEqual([]);
  });
});
