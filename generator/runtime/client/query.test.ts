import { describe, expect, it } from 'vitest';
import { queryString, type QueryOptions } from './query.ts';

describe('queryString', () => {
  const cases: [string, QueryOptions | undefined, string][] = [
    ['nothing', undefined, ''],
    ['empty', {}, ''],
    ['select', { $select: ['id', 'displayName'] }, '?$select=id,displayName'],
    ['expand string', { $expand: 'manager($select=id)' }, '?$expand=manager($select%3Did)'],
    ['expand list', { $expand: ['manager', 'memberOf'] }, '?$expand=manager,memberOf'],
    ['filter', { $filter: "displayName eq 'A&B'" }, "?$filter=displayName%20eq%20'A%26B'"],
    ['search', { $search: '"displayName:a b"' }, '?$search=%22displayName:a%20b%22'],
    ['orderby', { $orderby: ['displayName desc', 'id'] }, '?$orderby=displayName%20desc,id'],
    ['paging', { $top: 5, $skip: 0, $count: true }, '?$top=5&$skip=0&$count=true'],
    ['count false', { $count: false }, '?$count=false'],
    ['custom', { query: { $skiptoken: 'a=b', 'x y': 1 } }, '?$skiptoken=a%3Db&x%20y=1'],
  ];
  it.each(cases)('%s', (_name, options, want) => {
    expect(queryString(options)).toBe(want);
  });

  it('writes options in a fixed order whatever the object order', () => {
    expect(queryString({ $count: true, $top: 1, $filter: 'a', $select: ['b'] })).toBe('?$select=b&$filter=a&$top=1&$count=true');
  });

  it.each([[-1], [1.5], [Number.NaN], [2 ** 60]])('rejects $top %s', (top) => {
    expect(() => queryString({ $top: top })).toThrow(TypeError);
  });
});
