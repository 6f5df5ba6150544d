import { describe, expect, it } from 'vitest';
import { build } from '../../generator/model/build/__fixtures__/edmx.ts';
import { lookupStructuredType } from '../../generator/model/queries.ts';
import type { Parameter } from '../../generator/model/types.ts';
import { formatArguments, formatCall, formatKeySegment, parseArguments, parseLiteral } from './literal.ts';

const { model } = build(`
      <EnumType Name="color"><Member Name="red" /></EnumType>
      <EntityType Name="pair">
        <Key><PropertyRef Name="name" /><PropertyRef Name="year" /></Key>
        <Property Name="name" Type="Edm.String" Nullable="false" />
        <Property Name="year" Type="Edm.Int32" Nullable="false" />
      </EntityType>`);
const pair = lookupStructuredType(model, 'test.ns.pair');

/** One parameter of the type, as a function parameter. */
function parameter(type: string, collection = false): Parameter {
  return { name: 'p', type, collection, nullable: true, optional: false, annotations: [], source: { file: 'x', line: 1, column: 1 } };
}

describe('URL literals, written as the generated client writes them', () => {
  it.each([
    ['x', 'Edm.String', "p='x'"],
    ["it's", 'Edm.String', "p='it''s'"],
    ['a b', 'Edm.String', "p='a%20b'"],
    ['red', 'test.ns.color', "p=test.ns.color'red'"], // OData 4.0: enum members are qualified
    ['PT1H', 'Edm.Duration', "p=duration'PT1H'"],
    ['2024-01-01T08:00:00Z', 'Edm.DateTimeOffset', 'p=2024-01-01T08:00:00Z'],
    [5, 'Edm.Int32', 'p=5'],
    [true, 'Edm.Boolean', 'p=true'],
    [null, 'Edm.String', 'p=null'],
  ])('formats %j of %s as %s', (value, type, expected) => {
    expect(formatArguments(model, { p: value }, [parameter(type)])).toBe(expected);
  });

  it('leaves enum members unqualified in a 4.01 service', () => {
    const v401 = { ...model, urlConventions: { odataVersion: '4.01' as const, keyAsSegment: false, keyAsSegmentFrom: 'default' as const } };
    expect(formatArguments(v401, { p: 'red' }, [parameter('test.ns.color')])).toBe("p='red'");
  });

  it('formats a collection parameter as JSON inline, and as a parameter alias in a call', () => {
    expect(formatArguments(model, { p: ['a'] }, [parameter('Edm.String', true)])).toBe('p=%5B%22a%22%5D');
    expect(formatCall(model, '/f', { p: ['a'], q: 1 }, [parameter('Edm.String', true), { ...parameter('Edm.Int32'), name: 'q' }])).toBe('/f(p=@p,q=1)?@p=%5B%22a%22%5D');
  });

  it('writes keys in parentheses unless the service takes key segments', () => {
    expect(formatKeySegment(model, pair, { name: 'a/b' }, ['name'])).toBe("('a%2Fb')");
    expect(formatKeySegment(model, pair, { name: "O'Neil" }, ['name'])).toBe("('O''Neil')");
    expect(formatKeySegment(model, pair, { year: 2024 }, ['year'])).toBe('(2024)');
    expect(formatKeySegment(model, pair, { year: 2024, name: "O'Neil" }, ['name', 'year'])).toBe("(name='O''Neil',year=2024)");
    const segments = { ...model, urlConventions: { odataVersion: '4.0' as const, keyAsSegment: true, keyAsSegmentFrom: 'config' as const } };
    expect(formatKeySegment(segments, pair, { name: 'a/b' }, ['name'])).toBe('/a%2Fb');
    expect(formatKeySegment(segments, pair, { year: 2024, name: "O'Neil" }, ['name', 'year'])).toBe("(name='O''Neil',year=2024)");
  });

  it.each([
    ["'it''s'", "it's"],
    ["n.color'red'", 'red'],
    ['5', '5'],
  ])('reads %s back as %s', (text, expected) => {
    expect(parseLiteral(text)).toBe(expected);
  });

  it('splits arguments outside quotes', () => {
    expect(parseArguments("a='x,y',b=2")).toEqual({ a: 'x,y', b: '2' });
    expect(parseArguments("'k'")).toEqual({ '': 'k' });
    expect(parseArguments("a='open")).toBeUndefined();
  });
});
