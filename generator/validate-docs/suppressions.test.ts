import { describe, expect, it } from 'vitest';
import { apiPage, brief, check, example, lineOf } from './__fixtures__/docs.ts';
import { parseEntry } from './suppressions.ts';

const ROOT = 'https://graph.microsoft.com/v1.0';
const FILE = 'v1.0/api/widget-get.md';

/** Two wrong values in two examples, and a page annotation with `suppressions`. */
function page(pageSuppressions?: unknown, blockSuppressions?: unknown): string {
  const response = (body: string, extra: Record<string, unknown> = {}) =>
    example({ blockType: 'response', '@odata.type': 'microsoft.graph.widget', ...extra }, `HTTP/1.1 200 OK\nContent-Type: application/json\n\n${body}`);
  const text = apiPage({
    title: 'Get widget',
    request: 'GET /widgets/{id}',
    status: '200 OK',
    examples: [
      example({ blockType: 'request', name: 'one' }, `GET ${ROOT}/widgets/1`),
      response('{ "count": "one" }', blockSuppressions === undefined ? {} : { suppressions: blockSuppressions }),
      example({ blockType: 'request', name: 'two' }, `GET ${ROOT}/widgets/2`),
      response('{ "count": "two" }'),
    ],
  });
  if (pageSuppressions === undefined) return text;
  return `${text}\n<!-- ${JSON.stringify({ type: '#page.annotation', description: 'x', suppressions: pageSuppressions })} -->\n`;
}

describe('suppressions', () => {
  it.each([
    ['a code', 'validate/wrong-value', { code: 'validate/wrong-value' }],
    ['a code and a message', 'validate/wrong-value: /count', { code: 'validate/wrong-value', message: '/count' }],
    ['ApiDoctor style', 'Error: /api-reference/v1.0/api/widget-get.md:\r\n      validate/wrong-value: Response body', { code: 'validate/wrong-value', message: 'Response body' }],
    ['an ApiDoctor code', 'Warning: /api-reference/v1.0/api/x.md:\n  BookmarkMissing: #tab', { message: 'BookmarkMissing: #tab' }],
    ['a message alone', 'found a string', { message: 'found a string' }],
  ])('reads %s', (_name, entry, expected) => {
    expect(parseEntry(entry)).toEqual(expected);
  });

  it('honours a page annotation for the whole page', () => {
    expect(brief(check({ [FILE]: page() }))).toHaveLength(2);
    expect(check({ [FILE]: page(['validate/wrong-value']) })).toEqual([]);
    expect(brief(check({ [FILE]: page(['validate/wrong-value: "two"']) }))).toEqual([`${lineOf(page(), '"count": "one"')} validate/wrong-value`]);
  });

  it('honours a block annotation for its block only', () => {
    const text = page(undefined, ['validate/wrong-value']);
    expect(brief(check({ [FILE]: text }))).toEqual([`${lineOf(text, '"count": "two"')} validate/wrong-value`]);
  });

  it('leaves ApiDoctor codes inert and reports a malformed list', () => {
    expect(brief(check({ [FILE]: page(['Error: /api-reference/v1.0/api/widget-get.md:\r\n  BookmarkMissing: x']) }))).toHaveLength(2);
    const text = page('validate/wrong-value');
    expect(brief(check({ [FILE]: text }))).toContain(`${lineOf(text, '#page.annotation')} validate/invalid-suppression`);
  });
});
