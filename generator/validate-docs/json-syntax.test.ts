import { describe, expect, it } from 'vitest';
import { apiPage, check, example, lineOf } from './__fixtures__/docs.ts';

const ROOT = 'https://graph.microsoft.com/v1.0';

function page(body: string, blockType = 'response'): string {
  return apiPage({
    title: 'Get widget',
    request: 'GET /widgets/{id}',
    status: '200 OK',
    examples: [example({ blockType: 'request' }, `GET ${ROOT}/widgets/1`), example({ blockType, '@odata.type': 'microsoft.graph.widget' }, `HTTP/1.1 200 OK\nContent-Type: application/json\n\n${body}`)],
  });
}

/** `line:column code reason` of the syntax findings. */
function syntax(text: string): string[] {
  return check({ 'v1.0/api/widget-get.md': text })
    .filter((d) => d.code === 'validate/json-syntax' || d.code === 'validate/duplicate-key')
    .map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);
}

describe('JSON syntax', () => {
  it.each([
    ['object', '{\n  "id": "1",\n  "name": "x",\n}', '"name": "x",', 14, "'}'"],
    ['array', '{\n  "tags": [\n    "a",\n  ]\n}', '"a",', 8, "']'"],
  ])('reports a trailing comma in an %s at the comma', (_name, body, marker, column, closer) => {
    const text = page(body);
    expect(syntax(text)).toEqual([`${lineOf(text, marker)}:${column} validate/json-syntax JSON response body does not parse: trailing comma before ${closer}`]);
  });

  it('reports other syntax errors at the offending character', () => {
    const text = page('{\n  "id": "1"\n  "name": "x"\n}');
    expect(syntax(text)).toEqual([`${lineOf(text, '"name"')}:3 validate/json-syntax JSON response body does not parse: Unexpected '"', expected ',' or '}' after a property value`]);
  });

  it('reports a duplicate member name at the second one', () => {
    const text = page('{\n  "id": "1",\n  "id": "2"\n}');
    expect(syntax(text)).toEqual([`${lineOf(text, '"id": "2"')}:3 validate/duplicate-key Member "id" occurs more than once in this object (/id); JSON readers keep only the last`]);
  });

  it('reports broken JSON in unannotated blocks too, but not in ignored ones', () => {
    const unannotated = ['# x', '', '```json', '{ "a": 1, }', '```', ''].join('\n');
    expect(check({ 'v1.0/api/x.md': unannotated }).map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['4:9 validate/json-syntax']);
    const ignored = ['# x', '', '<!-- { "blockType": "ignored" } -->', '```json', '{ "a": 1, }', '```', ''].join('\n');
    expect(check({ 'v1.0/api/x.md': ignored })).toEqual([]);
  });
});
