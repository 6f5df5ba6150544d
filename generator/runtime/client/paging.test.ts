import { describe, expect, it } from 'vitest';
import { followItems, followPages, resolveLink } from './paging.ts';

describe('paging: following @odata.nextLink', () => {
  it.each([
    ['https://other.test/a?$skip=2', 'https://example.test/v1/users?$top=2', 'https://other.test/a?$skip=2'],
    ['//cdn.test/users?p=2', 'https://example.test/v1/users', 'https://cdn.test/users?p=2'],
    ['/v1/users?$skiptoken=x', 'https://example.test/v1/users?$top=2', 'https://example.test/v1/users?$skiptoken=x'],
    ['users?$skip=2', 'https://example.test/v1/users?$top=2', 'https://example.test/v1/users?$skip=2'],
    ['?$skip=2', 'https://example.test/v1/users?$top=2', 'https://example.test/v1/users?$skip=2'],
  ])('resolves %s against %s', (link, base, expected) => {
    expect(resolveLink(link, base)).toBe(expected);
  });

  const pages: Record<string, unknown> = {
    'https://s.test/a': { value: [1, 2], '@odata.nextLink': 'a?p=2' },
    'https://s.test/a?p=2': { value: [3], '@odata.nextLink': '/a?p=3' },
    'https://s.test/a?p=3': { value: [4, 5] },
  };
  const fetched: string[] = [];
  const fetchPage = async (url: string) => {
    fetched.push(url);
    return pages[url];
  };
  const collect = async <T>(iterable: AsyncIterable<T>) => {
    const items: T[] = [];
    for await (const item of iterable) items.push(item);
    return items;
  };

  it('yields every member across pages, and stops at a limit without asking for more', async () => {
    expect(await collect(followItems(followPages('https://s.test/a', fetchPage)))).toEqual([1, 2, 3, 4, 5]);
    fetched.length = 0;
    expect(await collect(followItems(followPages('https://s.test/a', fetchPage, 3), 3))).toEqual([1, 2, 3]);
    expect(fetched).toEqual(['https://s.test/a', 'https://s.test/a?p=2']);
  });

  it('refuses a link back to a page it gave, and a page that is no collection', async () => {
    const loop = async () => ({ value: [1], '@odata.nextLink': 'https://s.test/a' });
    await expect(collect(followPages('https://s.test/a', loop))).rejects.toThrow(/leads back to https:\/\/s.test\/a/);
    await expect(collect(followPages('https://s.test/a', async () => ({ id: 1 })))).rejects.toThrow(/did not answer a collection/);
  });
});
