import { describe, expect, it } from 'vitest';
import { formatLiteral, parseArguments, parseLiteral } from './literal.ts';

describe('URL literals', () => {
  it.each([
    ['x', 'Edm.String', "'x'"],
    ["it's", 'Edm.String', "'it''s'"],
    ['a b', 'Edm.String', "'a%20b'"],
    ['red', 'n.color', "n.color'red'"],
    ['PT1H', 'Edm.Duration', "duration'PT1H'"],
    ['2024-01-01T08:00:00Z', 'Edm.DateTimeOffset', '2024-01-01T08:00:00Z'],
    [5, 'Edm.Int32', '5'],
    [true, 'Edm.Boolean', 'true'],
    [null, 'Edm.String', 'null'],
    [['a'], 'Collection', '%5B%22a%22%5D'],
  ])('formats %j as %s', (value, type, expected) => {
    expect(formatLiteral(value, type)).toBe(expected);
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
