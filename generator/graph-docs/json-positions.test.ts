import { describe, expect, it } from 'vitest';
import { escapePointerToken, MAX_JSON_DEPTH, parseJsonWithPositions } from './json-positions.ts';

describe('parseJsonWithPositions', () => {
  it('returns the value and a pointer table', () => {
    const text = '{\n  "a": [1, {"b": "x"}],\n  "c": null\n}';
    const result = parseJsonWithPositions(text);
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual({ a: [1, { b: 'x' }], c: null });
    expect(result.pointers['']).toEqual({ start: 0, end: text.length });
    const b = result.pointers['/a/1/b']!;
    expect(text.slice(b.start, b.end)).toBe('"x"');
    expect(text.slice(b.key!, b.key! + 3)).toBe('"b"');
    expect(text.slice(result.pointers['/c']!.start, result.pointers['/c']!.end)).toBe('null');
  });

  it('escapes pointer tokens', () => {
    const result = parseJsonWithPositions('{"a/b": 1, "m~n": 2}');
    expect(Object.keys(result.pointers).sort()).toEqual(['', '/a~1b', '/m~0n']);
    expect(escapePointerToken('x/~y')).toBe('x~1~0y');
  });

  it('reports a trailing comma at the closing brace, like JSON.parse', () => {
    const text = '{\n  "a": false,\n}';
    const result = parseJsonWithPositions(text);
    expect(result.value).toBeUndefined();
    expect(result.error!.offset).toBe(text.indexOf('}'));
    expect(result.error!.message).toMatch(/trailing comma/);
  });

  it('reports a trailing comma in an array', () => {
    const result = parseJsonWithPositions('[1,2,]');
    expect(result.error).toEqual({ offset: 5, message: expect.stringMatching(/trailing comma/) });
  });

  it.each([
    ['', 0],
    ['{"a" 1}', 5],
    ['{"a": 1 "b": 2}', 8],
    ['"abc', 4],
    ['[1 2]', 3],
    ['tru', 0],
    ['{} x', 3],
    ['-', 1],
    ['"\\x"', 1],
  ])('reports %j at offset %i', (text, offset) => {
    expect(parseJsonWithPositions(text).error?.offset).toBe(offset);
  });

  it('records duplicate keys and keeps the last value', () => {
    const result = parseJsonWithPositions('{"a": 1, "a": 2}');
    expect(result.value).toEqual({ a: 2 });
    expect(result.duplicateKeys).toEqual(['/a']);
  });

  it('keeps __proto__ as an own property', () => {
    const value = parseJsonWithPositions('{"__proto__": {"x": 1}}').value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
  });

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect(parseJsonWithPositions(deep).error?.message).toMatch(/Nesting/);
    expect(parseJsonWithPositions('['.repeat(100000)).error).toBeDefined();
  });

  it('agrees with JSON.parse on accepted and rejected inputs', () => {
    const samples = [
      '{"a":1,"b":[true,false,null],"c":{"d":"e\\u00e9\\n"}}',
      '[-0, 1e5, 2.5E-3, -12.75]',
      '"\\ud83d\\ude00"',
      ' \t\r\n{"x" : [ ] , "y" : { } }\n',
    ];
    for (const sample of samples) {
      expect(parseJsonWithPositions(sample).value).toEqual(JSON.parse(sample));
    }
    // Mutations of a valid document: both parsers must accept or reject the same ones.
    const base = '{"a": [1, 2.5, "s\\"t"], "b": {"c": null, "d": true}}';
    const inserts = [',', '}', ']', '"', ':', ' ', '0', '-', '.', 'e', '\\', '\n', '{', '['];
    for (let i = 0; i <= base.length; i++) {
      for (const ch of inserts) {
        for (const variant of [base.slice(0, i) + ch + base.slice(i), base.slice(0, i) + base.slice(i + 1)]) {
          let expected: unknown;
          let ok = true;
          try {
            expected = JSON.parse(variant);
          } catch {
            ok = false;
          }
          const result = parseJsonWithPositions(variant);
          expect(result.error === undefined, variant).toBe(ok);
          if (ok) expect(result.value).toEqual(expected);
        }
      }
    }
  });
});
