import { describe, expect, it } from 'vitest';
import type { Exchange } from '../exchange.ts';
import { resolveNextLink } from './next-link.ts';

const ROOT = 'http://127.0.0.1:4004/odata/v4/catalog';
const page = (context?: string): Exchange => ({
  request: { method: 'GET', url: `${ROOT}/Books?$top=5`, headers: {} },
  status: 200,
  headers: {},
  body: '',
  json: context === undefined ? {} : { '@odata.context': context },
});

describe('where a nextLink leads', () => {
  it('an absolute link under the service root: its path', () => {
    expect(resolveNextLink(ROOT, page(), `${ROOT}/Books?$skip=2`)).toBe('/Books?$skip=2');
  });

  it('a relative link, against the context URL (CAP: "$metadata#Books" and "Books?$skiptoken=2")', () => {
    expect(resolveNextLink(ROOT, page('$metadata#Books'), 'Books?$skiptoken=2')).toBe('/Books?$skiptoken=2');
    expect(resolveNextLink(ROOT, page(), '?$skip=2')).toBe('/Books?$skip=2');
  });

  it('a link outside the service: none', () => {
    expect(resolveNextLink(ROOT, page(), 'https://elsewhere.example/Books?$skip=2')).toBeUndefined();
    expect(resolveNextLink(ROOT, page(), 'http://127.0.0.1:4004/odata/v4/catalogue/Books')).toBeUndefined();
  });
});
