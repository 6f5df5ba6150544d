import { describe, expect, it } from 'vitest';
import { loadModel } from '../load-model.ts';
import { EXAMPLE_CSDL, EXAMPLE_DOCS } from '../testing/corpus.ts';
import { isPacked, packJson, unpackJson } from './packed-json.ts';

const roundTrip = (value: unknown) => unpackJson(JSON.parse(packJson(value)) as { keys: unknown; strings: unknown; value: unknown });

describe('packJson / unpackJson', () => {
  it('gives back what JSON gives back, keys in the same order, for the bundled model', () => {
    const { model } = loadModel({ csdl: [EXAMPLE_CSDL], docs: [EXAMPLE_DOCS] });
    const text = packJson(model);
    expect(isPacked(JSON.parse(text))).toBe(true);
    expect(JSON.stringify(roundTrip(model))).toBe(JSON.stringify(model));
    expect(text.length).toBeLessThan(JSON.stringify(model).length / 2);
  });

  it('follows JSON.stringify on the edges: undefined and functions left out of objects, null in lists, non-finite numbers null', () => {
    const value = { a: undefined, b: () => 1, c: [undefined, () => 1, Number.NaN, Infinity, -0, 1.5e300], d: null, e: '', f: true };
    expect(JSON.stringify(roundTrip(value))).toBe(JSON.stringify(value));
  });

  it('keeps hostile keys and strings as data: __proto__ is an own property, quotes and separators survive', () => {
    const value = JSON.parse('{"__proto__":{"polluted":true},"constructor":"x","s":"a\\"b\\\\c\\n\\u2028</script>${x}"}') as object;
    const back = roundTrip(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.hasOwn(back, '__proto__')).toBe(true);
    expect(JSON.stringify(back)).toBe(JSON.stringify(value));
  });

  it('writes an object reached twice once, and shares it again; equal but distinct objects stay distinct', () => {
    const segment = { kind: 'singleton', name: 'policies', type: 'microsoft.graph.policyRoot' };
    const list = [segment];
    const twin = { ...segment };
    const value = { operations: [{ segments: list }, { segments: list }, { segments: [twin] }] };
    const text = packJson(value);
    expect(text.match(/policies/g)).toHaveLength(1); // interned once, however often used
    const back = roundTrip(value) as typeof value;
    expect(back).toEqual(value);
    expect(back.operations[0]!.segments).toBe(back.operations[1]!.segments);
    expect(back.operations[2]!.segments[0]).not.toBe(back.operations[0]!.segments[0]);
  });

  it('with sharedUnder, looks for objects by identity only there; elsewhere a shared object is written each time', () => {
    const segment = { kind: 'singleton', name: 'me' };
    const list = [segment];
    const capabilities = { readable: true };
    const value = { a: { segments: list, capabilities }, b: { segments: list, capabilities } };
    const back = unpackJson(JSON.parse(packJson(value, { sharedUnder: ['segments'] }))) as typeof value;
    expect(back).toEqual(value);
    expect(back.a.segments).toBe(back.b.segments);
    expect(back.a.capabilities).not.toBe(back.b.capabilities);
  });

  it('is deterministic, and rewrites strings where asked (a list item knows its list)', () => {
    const value = { inputs: ['/abs/a.xml'], source: { file: '/abs/a.xml' }, other: '/abs/a.xml' };
    const rewriteString = (text: string, key: string, inList: boolean) => ((inList ? key === 'inputs' : key === 'file') ? text.replace('/abs/', '') : text);
    expect(packJson(value, { rewriteString })).toBe(packJson(value, { rewriteString }));
    expect(unpackJson(JSON.parse(packJson(value, { rewriteString })))).toEqual({ inputs: ['a.xml'], source: { file: 'a.xml' }, other: '/abs/a.xml' });
  });

  it('writes strings and numbers as JSON does, characters beyond ASCII escaped; quoted, it is the JSON string literal of the same text', () => {
    const strings = ['plain text', 'q"uote\\back', 'c\u0000\u0001\b\t\n\f\r\u001f\u007f', 'caf\u00e9 \u2019 \u2028\u2029', 'emoji \ud83d\ude00', 'lone \ud800 \udc00 end', '</script>${x}', 'long '.repeat(400), 'long "caf\u00e9" '.repeat(200)];
    const value = { strings, again: strings, numbers: [0, -0, 7, -7, 2147483647, 2147483648, -2147483649, 1.5, -0.25, 1e21, 1.5e300, 5e-324, Number.NaN, -Infinity] };
    const text = packJson(value);
    expect(text).toMatch(/^[\u0000-\u007f]*$/);
    expect(JSON.stringify(roundTrip(value))).toBe(JSON.stringify(value));
    expect(text).toContain('"caf\\u00e9 \\u2019 \\u2028\\u2029"');
    expect(packJson(value, { quoted: true })).toBe(JSON.stringify(text));
    expect(packJson('', { quoted: true })).toBe(JSON.stringify(packJson('')));
  });

  it('refuses a value that contains itself, and a packed text that does not fit together', () => {
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(() => packJson(loop)).toThrow(/contains itself/);
    expect(() => unpackJson({ keys: [['a']], strings: [], value: [4, 1, 2] })).toThrow(/not a packed value/);
    expect(() => unpackJson({ keys: [], strings: [], value: [1, 0] })).toThrow(/no string 0/);
    expect(() => unpackJson({ keys: [], strings: [], value: [2, 0] })).toThrow(/no shared value 0/);
    expect(() => unpackJson({ keys: 'x', strings: [], value: 1 })).toThrow(/keys/);
  });
});
