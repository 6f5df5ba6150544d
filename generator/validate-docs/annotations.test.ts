import { describe, expect, it } from 'vitest';
import { apiPage, brief, check, example, lineOf } from './__fixtures__/docs.ts';

const ROOT = 'https://graph.microsoft.com/v1.0';
const request = (name?: string) => example({ blockType: 'request', ...(name ? { name } : {}) }, `DELETE ${ROOT}/widgets/1`);
const response = (name?: string) => example({ blockType: 'response', ...(name ? { name } : {}) }, 'HTTP/1.1 204 No Content');
const page = (examples: string[]) => apiPage({ title: 'Delete widget', request: 'DELETE /widgets/{id}', status: '204 No Content', examples });
const FILE = 'v1.0/api/widget-delete.md';

describe('annotations and pairing', () => {
  it.each([
    ['in order', [request('a'), response(), request('b'), response()]],
    ['by name, whatever the order', [request('a'), request('b'), response('b'), response('a')]],
  ])('pairs requests and responses %s', (_name, examples) => {
    expect(check({ [FILE]: page(examples) })).toEqual([]);
  });

  it('reports a request without a response and a response without a request', () => {
    const text = page([response('lonely'), request('first'), request('second'), response('second')]);
    expect(brief(check({ [FILE]: text }))).toEqual([
      `${lineOf(text, '"name":"lonely"')} validate/unpaired-response`,
      `${lineOf(text, '"name":"first"')} validate/unpaired-request`,
    ]);
  });

  it('reports two requests of one name, at the second', () => {
    const text = page([request('a'), response(), request('a'), response()]);
    const lines = text.split('\n');
    const second = lines.findIndex((line, index) => index >= lineOf(text, '"name":"a"') && line.includes('"name":"a"')) + 1;
    expect(brief(check({ [FILE]: text }))).toEqual([`${second} validate/duplicate-example-name`]);
  });

  it('keeps what the page reader found: malformed annotations, unknown block types, unannotated examples', () => {
    const text = page([
      '<!-- { "blockType": "request", } -->',
      '```http',
      `DELETE ${ROOT}/widgets/1`,
      '```',
      '',
      '<!-- { "blockType": "requets" } -->',
      '```http',
      'HTTP/1.1 204 No Content',
      '```',
      '',
      '```json',
      '{ "id": "1" }',
      '```',
      '',
    ]);
    expect(brief(check({ [FILE]: text }))).toEqual([
      `${lineOf(text, '"blockType": "request", }')} docs/malformed-annotation`,
      `${lineOf(text, '"requets"')} docs/unknown-block-type`,
      `${lineOf(text, '```json')} docs/unannotated-example`,
    ]);
  });
});
