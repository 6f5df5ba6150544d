import { describe, expect, it } from 'vitest';
import { filterText, type FilterBuilder, type FilterExpression } from './filter.ts';
import { queryString } from './query.ts';

interface Address {
  city?: string | null;
  zip?: string;
}
interface Person {
  id: number;
  name: string;
  email?: string | null;
  age?: number | null;
  active?: boolean;
  color?: 'Red' | 'Green';
  created?: string;
  token?: string;
  address?: Address | null;
  tags?: string[];
  friends?: Person[];
}

const text = (build: (f: FilterBuilder<Person>) => FilterExpression) => filterText(build);

describe('the $filter builder writes OData literal syntax', () => {
  it.each<[string, (f: FilterBuilder<Person>) => FilterExpression, string]>([
    ['a string, quotes doubled', (f) => f.eq('name', "O'Neil"), "name eq 'O''Neil'"],
    ['a number', (f) => f.gt('age', 30), 'age gt 30'],
    ['a bigint', (f) => f.le('id', 9007199254740993n), 'id le 9007199254740993'],
    ['a boolean', (f) => f.ne('active', false), 'active ne false'],
    ['null', (f) => f.eq('email', null), 'email eq null'],
    ['a Date as a DateTimeOffset', (f) => f.ge('created', new Date(Date.UTC(2020, 0, 2, 3, 4, 5))), 'created ge 2020-01-02T03:04:05.000Z'],
    ['a GUID', (f) => f.eq('token', f.guid('0f8fad5b-d9cb-469f-a165-70867728950e')), 'token eq 0f8fad5b-d9cb-469f-a165-70867728950e'],
    ['a date', (f) => f.lt('created', f.date('2020-01-01')), 'created lt 2020-01-01'],
    ['a duration', (f) => f.eq('created', f.duration('P1D')), "created eq duration'P1D'"],
    ['an enum member, qualified', (f) => f.eq('color', f.enumMember('ns.Color', 'Red')), "color eq ns.Color'Red'"],
    ['an enum member as a string (4.01)', (f) => f.eq('color', 'Green'), "color eq 'Green'"],
    ['in', (f) => f.in('name', ['a', 'b']), "name in ('a','b')"],
    ['and, or, not', (f) => f.and(f.eq('name', 'a'), f.or(f.gt('age', 1), f.not(f.eq('active', true)))), "(name eq 'a') and ((age gt 1) or (not (active eq true)))"],
    ['string functions', (f) => f.or(f.contains('name', 'x'), f.startswith('email', "a'b"), f.endswith('name', 'z')), "(contains(name,'x')) or (startswith(email,'a''b')) or (endswith(name,'z'))"],
    ['a complex path', (f) => f.at('address').eq('city', 'Paris'), "address/city eq 'Paris'"],
    ['any over primitives', (f) => f.any('tags', (t) => t.is('eq', 'admin')), "tags/any(x0:x0 eq 'admin')"],
    ['any()', (f) => f.any('tags'), 'tags/any()'],
    ['nested lambdas', (f) => f.all('friends', (x) => x.any('friends', (y) => y.gt('age', 3))), 'friends/all(x0:x0/friends/any(x1:x1/age gt 3))'],
    ['raw', (f) => f.and(f.raw('year(created) eq 2020'), f.eq('id', 1)), '(year(created) eq 2020) and (id eq 1)'],
  ])('%s', (_name, build, expected) => {
    expect(text(build)).toBe(expected);
  });

  it('refuses malformed typed literals and empty conjunctions', () => {
    expect(() => text((f) => f.eq('token', f.guid("x' or 1 eq 1"))) ).toThrow(/is not a GUID/);
    expect(() => text((f) => f.eq('created', f.date('2020-1-1')))).toThrow(/is not a date/);
    expect(() => text((f) => f.and())).toThrow(/needs at least one expression/);
    expect(() => text((f) => f.eq('created', new Date(NaN)))).toThrow(/invalid Date/);
  });

  it('goes into the query string encoded, and a string stays as written', () => {
    expect(queryString({ $filter: (f: FilterBuilder<Person>) => f.eq('name', 'a&b') })).toBe("?$filter=name%20eq%20'a%26b'");
    expect(queryString({ $filter: "name eq 'x'" })).toBe("?$filter=name%20eq%20'x'");
  });
});
