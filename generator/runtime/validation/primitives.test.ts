import { describe, expect, it } from 'vitest';
import { primitiveCheck } from './primitives.ts';
import type { PropertyFacets } from './types.ts';

type Row = [value: unknown, want: 'ok' | 'type' | 'format' | 'facet' | 'warning', facets?: PropertyFacets];

/** One table per Edm type: values as they appear in JSON, and what the check says. */
const TABLES: Record<string, Row[]> = {
  'Edm.String': [['', 'ok'], ['text', 'ok'], [1, 'type'], [null, 'type'], ['abcd', 'facet', { maxLength: 3 }], ['😀😀😀', 'ok', { maxLength: 3 }]],
  'Edm.Boolean': [[true, 'ok'], [false, 'ok'], ['true', 'type'], [0, 'type']],
  'Edm.Guid': [
    ['9c5d131d-b1c3-4fc4-9e3f-c6557947d551', 'ok'],
    ['9C5D131D-B1C3-4FC4-9E3F-C6557947D551', 'ok'],
    ['9c5d131d-b1c3-4fc4-9e3f-c6557947d55', 'format'],
    ['{9c5d131d-b1c3-4fc4-9e3f-c6557947d551}', 'format'],
    ['9c5d131db1c34fc49e3fc6557947d551', 'format'],
    ['gc5d131d-b1c3-4fc4-9e3f-c6557947d551', 'format'],
    [1, 'type'],
  ],
  'Edm.DateTimeOffset': [
    ['2024-02-29T10:00:00Z', 'ok'],
    ['2024-01-01T00:00Z', 'ok'],
    ['2024-01-01T23:59:59.1234567+05:30', 'ok'],
    ['2024-01-01t00:00:00z', 'ok'],
    ['2023-02-29T10:00:00Z', 'format'],
    ['2024-13-01T00:00:00Z', 'format'],
    ['2024-01-01T24:00:00Z', 'format'],
    ['2024-01-01T00:00:00', 'format'],
    ['2024-01-01', 'format'],
    ['not a date', 'format'],
    ['2024-01-01T00:00:00.123Z', 'facet', { precision: 2 }],
    [1700000000, 'type'],
  ],
  'Edm.Date': [['2024-02-29', 'ok'], ['1900-02-29', 'format'], ['2000-02-29', 'ok'], ['2024-1-01', 'format'], ['2024-01-32', 'format'], ['-0001-01-01', 'ok'], ['2024-01-01T00:00:00Z', 'format']],
  'Edm.TimeOfDay': [['23:59', 'ok'], ['23:59:59.999', 'ok'], ['24:00:00', 'format'], ['12:60', 'format'], ['1:00', 'format']],
  'Edm.Duration': [['P1D', 'ok'], ['PT1H30M', 'ok'], ['-P1DT2H3M4.5S', 'ok'], ['PT0.5S', 'ok'], ['P', 'format'], ['PT', 'format'], ['P1DT', 'format'], ['P1Y', 'format'], ['1 hour', 'format'], [3600, 'type']],
  'Edm.Byte': [[0, 'ok'], [255, 'ok'], [256, 'format'], [-1, 'format'], [1.5, 'format'], ['1', 'type']],
  'Edm.SByte': [[-128, 'ok'], [127, 'ok'], [128, 'format'], [-129, 'format']],
  'Edm.Int16': [[-32768, 'ok'], [32767, 'ok'], [32768, 'format']],
  'Edm.Int32': [[-2147483648, 'ok'], [2147483647, 'ok'], [2147483648, 'format'], [1e3, 'ok'], [0.1, 'format'], ['5', 'type'], [Number.NaN, 'format']],
  'Edm.Int64': [[9007199254740991, 'ok'], [-5, 'ok'], [1.5, 'format'], [2 ** 64, 'format'], ['5', 'type']],
  'Edm.Decimal': [[1.25, 'ok'], ['1.25', 'type'], ['NaN', 'ok'], [1.255, 'facet', { precision: 5, scale: 2 }], [1234.5, 'facet', { precision: 5, scale: 2 }], [123.45, 'ok', { precision: 5, scale: 2 }], [123456, 'facet', { precision: 5, scale: 'variable' }], [Number.POSITIVE_INFINITY, 'format']],
  'Edm.Double': [[1.5, 'ok'], [-1e300, 'ok'], ['NaN', 'ok'], ['INF', 'ok'], ['-INF', 'ok'], ['Infinity', 'format'], ['1.5', 'format'], [Number.NaN, 'format'], [true, 'type']],
  'Edm.Single': [[3.4e38, 'ok'], [3.5e38, 'format'], ['-INF', 'ok']],
  'Edm.Binary': [['', 'ok'], ['AQID', 'ok'], ['AQI', 'ok'], ['AQ==', 'ok'], ['AQ', 'ok'], ['A', 'format'], ['AQ=', 'format'], ['a-_b', 'ok'], ['a+/b', 'warning'], ['a b', 'format'], ['AQIDBA', 'facet', { maxLength: 3 }], [[1, 2], 'type']],
  'Edm.Stream': [['anything', 'ok'], [{}, 'ok']],
  'Edm.Untyped': [[null, 'ok'], [{ a: [1] }, 'ok'], ['x', 'ok']],
  'Edm.PrimitiveType': [[1, 'ok'], ['x', 'ok'], [{}, 'type'], [undefined, 'type']],
  'Edm.GeographyPoint': [[{ type: 'Point', coordinates: [1, 2] }, 'ok'], [{ type: 'LineString', coordinates: [] }, 'format'], [{ type: 'Point' }, 'format'], ['POINT(1 2)', 'type']],
  'Edm.Geometry': [[{ type: 'Polygon', coordinates: [] }, 'ok'], [{ type: 'GeometryCollection', geometries: [] }, 'ok'], [{ type: 'Circle', coordinates: [] }, 'format']],
  'Edm.GeometryCollection': [[{ type: 'GeometryCollection', geometries: [] }, 'ok'], [{ type: 'GeometryCollection' }, 'format']],
};

function outcome(type: string, value: unknown, facets: PropertyFacets | undefined, ieee754 = false): string {
  const problem = primitiveCheck(type)!(value, facets, ieee754);
  if (problem === undefined) return 'ok';
  return problem.warning ? 'warning' : problem.code;
}

describe('Edm primitive checks', () => {
  for (const [type, rows] of Object.entries(TABLES)) {
    it.each(rows)(`${type}: %j -> %s`, (value, want, facets) => {
      expect(outcome(type, value, facets)).toBe(want);
    });
  }

  it.each([
    ['Edm.Int64', '9223372036854775807', 'ok'],
    ['Edm.Int64', '-9223372036854775808', 'ok'],
    ['Edm.Int64', '9223372036854775808', 'format'],
    ['Edm.Int64', '12a', 'format'],
    ['Edm.Int64', 5, 'type'],
    ['Edm.Decimal', '1.25', 'ok'],
    ['Edm.Decimal', '1e5', 'ok'],
    ['Edm.Decimal', '1.2.3', 'format'],
    ['Edm.Decimal', 1.25, 'type'],
  ])('IEEE754Compatible: %s %j -> %s', (type, value, want) => {
    expect(outcome(type, value, undefined, true)).toBe(want);
  });

  it('says what it expected', () => {
    expect(primitiveCheck('Edm.Guid')!('x', undefined, false)).toMatchObject({ code: 'format', expected: expect.stringContaining('Edm.Guid') });
  });

  it('knows no non-Edm name', () => {
    expect(primitiveCheck('microsoft.graph.user')).toBeUndefined();
    expect(primitiveCheck('constructor')).toBeUndefined();
    expect(primitiveCheck('__proto__')).toBeUndefined();
  });
});
