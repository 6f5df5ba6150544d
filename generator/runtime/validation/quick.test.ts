import { describe, expect, it } from 'vitest';
import { validDog, ZOO } from './__fixtures__/zoo.ts';
import { createCompiler } from './compile.ts';
import { createEngine } from './engine.ts';
import { accepts, quickOf } from './quick.ts';
import { resolveSchema } from './resolve.ts';
import { isDate, isDateTimeOffset, quickDate, quickDateTimeOffset } from './temporal.ts';
import { PROPERTY_FLAGS as F, type PropertyEntry, type ValidationTable } from './types.ts';
import { createWalk } from './walk.ts';

/**
 * The quick tests only ever say "valid": whatever they accept, the full check accepts
 * without an issue, so issues come from the full checks alone and behaviour is that of the
 * table interpreter. Checked on mutated canonical values (every character replaced by the
 * characters that matter) and on values of every other JSON kind.
 */
const TABLE: ValidationTable = {
  ...ZOO,
  types: {
    ...ZOO.types,
    'test.zoo.id': { kind: 'typeDefinition', underlying: 'Edm.Guid' },
    'test.zoo.empty': { kind: 'enum', members: {} },
  },
};
const SCALARS = ['Edm.String', 'Edm.Boolean', 'Edm.Int32', 'Edm.Int16', 'Edm.Byte', 'Edm.Double', 'Edm.Guid', 'Edm.DateTimeOffset', 'Edm.Date', 'Edm.Untyped'];
const ENTRIES: PropertyEntry[] = [
  ...SCALARS.flatMap((type): PropertyEntry[] => [[type, 0], [type, F.nullable], [type, F.collection], [type, F.collection | F.nullable]]),
  ['test.zoo.size', F.nullable],
  ['test.zoo.traits', 0],
  ['test.zoo.id', 0],
  ['test.zoo.empty', F.collection],
];
const CANONICAL = ['2024-02-29T23:59:59.123456789012Z', '2023-12-31T00:00+05:30', '2024-01-15T10:20:30-08:00', '2024-05-01', '9c5d131d-b1c3-4fc4-9e3f-c6557947d551'];
const REPLACEMENTS = ['0', '1', '2', '3', '9', 'T', 't', 'Z', 'z', ':', '.', '-', '+', ' ', 'a', ''];

function mutations(text: string): string[] {
  const result = [text, `${text}0`, `-${text}`, `0${text}`];
  for (let index = 0; index < text.length; index++) {
    for (const replacement of REPLACEMENTS) result.push(text.slice(0, index) + replacement + text.slice(index + 1));
  }
  return result;
}

const VALUES: unknown[] = [
  ...CANONICAL.flatMap(mutations),
  ...['2000-02-29', '1900-02-29', '0000-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '24:00', '2024-01-01T24:00Z'],
  ...['small', 'huge', 'unknownFutureValue', 'loud', 'loud,fluffy', '1', 'x', ''],
  ...[0, -0, 1, -1, 255, 256, -129, 32767, 32768, -32769, 2 ** 31, -(2 ** 31), 2 ** 31 - 1, 1.5, Number.NaN, Infinity, -Infinity, 1e308],
  ...[true, false, null, undefined, {}, [], [null], ['a', null], [1, 2], ['2024-05-01'], [true, 'x'], new Array(3)],
];

describe('quick acceptance', () => {
  const schema = resolveSchema(TABLE);
  const compiler = createCompiler(schema);

  it('accepts only what the full check accepts without an issue', () => {
    let accepted = 0;
    for (const entry of ENTRIES) {
      const quick = quickOf(schema, entry);
      expect(quick, entry[0]).toBeDefined();
      for (const mode of ['read', 'create', 'update'] as const) {
        const full = compiler.property(entry, mode);
        for (const value of VALUES) {
          if (!accepts(quick!, value, createWalk(mode, {}, false))) continue;
          accepted++;
          const walk = createWalk(mode, {}, false);
          full(value, walk);
          expect(walk.issues, `${entry[0]} ${entry[1]} ${JSON.stringify(value)}`).toEqual([]);
        }
      }
    }
    // The test is worth something only if the quick tests accept a good share.
    expect(accepted).toBeGreaterThan(1000);
  });

  it('date and date-time shapes: the quick parsers agree with the regex checks on canonical values', () => {
    for (const text of CANONICAL.slice(0, 4).flatMap(mutations)) {
      if (quickDateTimeOffset(text)) expect(isDateTimeOffset(text), text).toBe(true);
      if (quickDate(text)) expect(isDate(text), text).toBe(true);
      // Four-digit years, canonical separators: the quick parsers decide alone.
      if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,12})?)?([Zz]|[+-]\d\d:\d\d)$/.test(text)) expect(quickDateTimeOffset(text), text).toBe(isDateTimeOffset(text));
      if (/^\d{4}-\d\d-\d\d$/.test(text)) expect(quickDate(text), text).toBe(isDate(text));
    }
  });

  it('facets and restrictions leave a member to the full check', () => {
    expect(quickOf(schema, ['Edm.String', 0, { maxLength: 3 }])).toBeUndefined();
    expect(quickOf(schema, ['test.zoo.shortCode', 0])).toBeUndefined();
    expect(quickOf(schema, ['Edm.DateTimeOffset', 0, { precision: 0 }])).toBeUndefined();
    expect(quickOf(schema, ['Edm.Decimal', 0])).toBeUndefined();
    expect(quickOf(schema, ['test.zoo.address', 0])).toBeUndefined();
  });

  it('a collection spends the node budget as the full walk does', () => {
    const quick = quickOf(schema, ['Edm.String', F.collection])!;
    const walk = createWalk('read', { maxNodes: 3 }, false);
    expect(accepts(quick, ['a', 'b', 'c'], walk)).toBe(true);
    expect(walk.nodes).toBe(3);
    expect(accepts(quick, ['d'], walk)).toBe(false);
    expect(walk.nodes).toBe(3);
  });
});

describe('member enumeration', () => {
  it('an enumerable name on Object.prototype changes nothing: own keys only, as Object.keys', () => {
    const engine = createEngine(ZOO);
    const dog = { ...validDog(), nickname: 'x' };
    const before = engine.validate('zoo.dog', dog, 'update');
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.polluted = 1;
    try {
      expect(engine.validate('zoo.dog', dog, 'update')).toEqual(before);
      expect(before.map((issue) => issue.path)).toContain('/nickname');
      expect(before.map((issue) => issue.path)).not.toContain('/polluted');
    } finally {
      delete prototype.polluted;
    }
  });

  it('objects with other prototypes are walked by their own keys', () => {
    const engine = createEngine(ZOO);
    const inherited = Object.assign(Object.create({ inherited: 1 }) as Record<string, unknown>, validDog());
    expect(engine.validate('zoo.dog', inherited, 'read')).toEqual(engine.validate('zoo.dog', validDog(), 'read'));
  });
});
