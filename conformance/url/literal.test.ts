import { describe, expect, it } from 'vitest';
import { build } from '../../generator/model/build/__fixtures__/edmx.ts';
import { lookupStructuredType } from '../../generator/model/queries.ts';
import type { Parameter } from '../../generator/model/types.ts';
import { formatArguments, formatKeySegment, parseArguments, parseLiteral } from './literal.ts';

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
    ['red', 'test.ns.color', "p='red'"], // OData 4.01: enum members may be written unqualified
    ['PT1H', 'Edm.Duration', "p=duration'PT1H'"],
    ['2024-01-01T08:00:00Z', 'Edm.DateTimeOffset', 'p=2024-01-01T08:00:00Z'],
    [5, 'Edm.Int32', 'p=5'],
    [true, 'Edm.Boolean', 'p=true'],
    [null, 'Edm.String', 'p=null'],
  ])('formats %j of %s as %s', (value, type, expected) => {
    expect(formatArguments(model, { p: value }, [parameter(type)])).toBe(expected);
  });

  it('formats a collection parameter as JSON', () => {
    expect(formatArguments(model, { p: ['a'] }, [parameter('Edm.String', true)])).toBe('p=%5B%22a%22%5D');
  });

  it('writes single keys as a segment and composite keys as typed literals', () => {
    expect(formatKeySegment(model, pair, { name: 'a/b' }, ['name'])).toBe('/a%2Fb');
    expect(formatKeySegment(model, pair, { year: 2024, name: "O'Neil" }, ['name', 'year'])).toBe("(name='O''Neil',year=2024)");
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
