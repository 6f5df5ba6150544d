import { describe, expect, it } from 'vitest';
import { encodeSegment, encodeUrlText, keySegment, literal, namedLiterals, withAliases } from './literals.ts';

describe('keySegment', () => {
  // [name, key, want]: hostile keys must stay one segment (or one parenthesised literal).
  const cases: [string, string | number, string][] = [
    ['plain', 'abc', '/abc'],
    ['guid', '1f0e6a56-1c1a-4b4e-9d3e-4b5d1b1d8a10', '/1f0e6a56-1c1a-4b4e-9d3e-4b5d1b1d8a10'],
    ['number', 42, '/42'],
    ['slash', 'a/b', '/a%2Fb'],
    ['quote', "it's", '/it%27s'],
    ['dot-dot-slash', '../', '/..%2F'],
    ['dot-dot', '..', "('..')"],
    ['dot', '.', "('.')"],
    ['empty', '', "('')"],
    ['system segment', '$count', "('$count')"],
    ['query and fragment', 'a?b#c', '/a%3Fb%23c'],
    ['percent', '100%', '/100%25'],
    ['parentheses', 'f(x)', '/f%28x%29'],
    ['space and plus', 'a b+c', '/a%20b%2Bc'],
    ['unicode', 'Zoë 東京', '/Zo%C3%AB%20%E6%9D%B1%E4%BA%AC'],
    ['emoji', '🙂', '/%F0%9F%99%82'],
  ];
  it.each(cases)('%s', (_name, key, want) => {
    expect(keySegment(key, undefined, true)).toBe(want);
  });

  // Without key-as-segment (OData URL Conventions 4.3.1): every key is a literal in parentheses.
  const parenthesised: [string, string | number, Record<string, 's' | 'r'> | undefined, string][] = [
    ['string', 'russellwhyte', { UserName: 's' }, "('russellwhyte')"],
    ['quote doubled', "O'Neil", { UserName: 's' }, "('O''Neil')"],
    ['slash and parentheses escaped', 'a/b(c)', undefined, "('a%2Fb%28c%29')"],
    ['Int32', 0, { TripId: 'r' }, '(0)'],
    ['Guid raw', '8c1d1b1e-0000-4000-8000-000000000000', { id: 'r' }, '(8c1d1b1e-0000-4000-8000-000000000000)'],
    ['number by value', 7, undefined, '(7)'],
  ];
  it.each(parenthesised)('in parentheses: %s', (_name, key, kinds, want) => {
    expect(keySegment(key, kinds)).toBe(want);
  });

  it('writes composite keys in parentheses with typed literals', () => {
    const kinds = { name: 's', year: 'r', id: 'r' } as const;
    expect(keySegment({ name: "O'Neil/x", year: 2024, id: '8c1d1b1e-0000-4000-8000-000000000000' }, kinds)).toBe(
      "(name='O''Neil%2Fx',year=2024,id=8c1d1b1e-0000-4000-8000-000000000000)",
    );
  });
});

describe('literal', () => {
  const cases: [string, unknown, Parameters<typeof literal>[1], string][] = [
    ['string', "it's", 's', "'it''s'"],
    ['string by value', 'x', undefined, "'x'"],
    ['number by value', 1.5, undefined, '1.5'],
    ['boolean by value', true, undefined, 'true'],
    ['raw date', '2024-01-01T00:00:00Z', 'r', '2024-01-01T00:00:00Z'],
    ['duration', 'P1D', 'd', "duration'P1D'"],
    ['binary', 'AQID', 'b', "binary'AQID'"],
    ['json', { a: ['x'] }, 'j', '{"a":["x"]}'],
    ['json by value', [1, 2], undefined, '[1,2]'],
    ['null', null, 's', 'null'],
    ['qualified enum (4.0)', 'Red', 'e:ns.Color', "ns.Color'Red'"],
    ['enum flags', 'Red,Blue', 'e:ns.Color', "ns.Color'Red,Blue'"],
  ];
  it.each(cases)('%s', (_name, value, kind, want) => {
    expect(literal(value, kind)).toBe(want);
  });
});

describe('URL encoding', () => {
  it('keeps OData punctuation readable in query values but escapes separators', () => {
    expect(encodeUrlText("startswith(displayName,'a') and x eq 1")).toBe("startswith(displayName,'a')%20and%20x%20eq%201");
    expect(encodeUrlText('a&b=c#d+e%f/g?')).toBe('a%26b%3Dc%23d%2Be%25f%2Fg%3F');
    expect(encodeUrlText('$select:@x')).toBe('$select:@x');
  });

  it('escapes everything reserved in a path segment', () => {
    expect(encodeSegment("a/b'c(d)*!@")).toBe('a%2Fb%27c%28d%29*!%40');
    expect(encodeSegment('microsoft.graph.user')).toBe('microsoft.graph.user');
  });

  it('writes JSON values as parameter aliases when asked', () => {
    const aliases: string[] = [];
    expect(namedLiterals({ p: { a: 1 }, q: [1], r: null, s: 'x' }, { p: 'j', q: 'j', r: 'j', s: 's' }, aliases)).toBe("p=@p,q=@q,r=null,s='x'");
    expect(aliases).toEqual(['@p=%7B%22a%22:1%7D', '@q=%5B1%5D']);
    expect(withAliases('', aliases)).toBe('?@p=%7B%22a%22:1%7D&@q=%5B1%5D');
    expect(withAliases('?$top=1', ['@p=1'])).toBe('?$top=1&@p=1');
    expect(withAliases('?$top=1', [])).toBe('?$top=1');
  });

  it('writes named literals, skipping undefined values and keeping own names only', () => {
    const values = JSON.parse('{"__proto__":"p","a":"x)y","b":3,"c":null}') as Record<string, unknown>;
    expect(namedLiterals({ ...values, skip: undefined }, { a: 's', b: 'r' })).toBe("__proto__='p',a='x%29y',b=3,c=null");
  });
});
