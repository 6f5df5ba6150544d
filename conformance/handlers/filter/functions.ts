import { FilterError } from './filter-error.ts';
import { geoDistance, GeoError, geoIntersects, geoLength, type Geo } from './geo.ts';
import { describeValue, type Value } from './values.ts';

/**
 * The canonical functions of OData URL Conventions 4.01 §5.1.1.5 to §5.1.1.9 (string, date and
 * time, arithmetic), over evaluated arguments. A null argument gives null (§5.1.1.5). `cast` and
 * `isof` take a type name and live in the evaluator.
 */
export interface CanonicalFunction {
  min: number;
  max: number;
  apply(args: NonNullable<Value>[], at: number): Value;
}

type Text = { t: 'string'; v: string };

const text = (v: string): Value => ({ t: 'string', v });
const integer = (v: number): Value => ({ t: 'number', v, integer: true });
const boolean = (v: boolean): Value => ({ t: 'boolean', v });

function asString(value: NonNullable<Value>, name: string, at: number): string {
  if (value.t !== 'string') throw new FilterError(`${name} takes a string, not ${describeValue(value)}`, at);
  return (value as Text).v;
}

function asNumber(value: NonNullable<Value>, name: string, at: number): number {
  if (value.t !== 'number') throw new FilterError(`${name} takes a number, not ${describeValue(value)}`, at);
  return value.v;
}

/** The wall-clock parts of a date/time value, in the offset it was written with. */
function clock(value: NonNullable<Value>, name: string, at: number): Date {
  if (value.t === 'dateTimeOffset') return new Date(value.v + value.offset * 60_000);
  if (value.t === 'date' || value.t === 'timeOfDay') return new Date(value.v);
  throw new FilterError(`${name} takes a date or time, not ${describeValue(value)}`, at);
}

function datePart(name: string, part: (date: Date) => number, kinds: string[]): CanonicalFunction {
  return {
    min: 1,
    max: 1,
    apply: ([value], at) => {
      if (!kinds.includes(value!.t)) throw new FilterError(`${name} takes ${kinds.join(' or ')}, not ${describeValue(value!)}`, at);
      return integer(part(clock(value!, name, at)));
    },
  };
}

function stringTest(name: string, test: (text: string, part: string) => boolean): CanonicalFunction {
  return { min: 2, max: 2, apply: ([a, b], at) => boolean(test(asString(a!, name, at), asString(b!, name, at))) };
}

function stringMap(name: string, map: (text: string) => string): CanonicalFunction {
  return { min: 1, max: 1, apply: ([a], at) => text(map(asString(a!, name, at))) };
}

function numberMap(name: string, map: (value: number) => number): CanonicalFunction {
  return {
    min: 1,
    max: 1,
    apply: ([a], at) => {
      const value = asNumber(a!, name, at);
      return { t: 'number', v: map(value), integer: a!.t === 'number' && a.integer };
    },
  };
}

const DTO_OR_DATE = ['dateTimeOffset', 'date'];
const DTO_OR_TIME = ['dateTimeOffset', 'timeOfDay'];

export const FUNCTIONS: Record<string, CanonicalFunction> = {
  contains: stringTest('contains', (a, b) => a.includes(b)),
  startswith: stringTest('startswith', (a, b) => a.startsWith(b)),
  endswith: stringTest('endswith', (a, b) => a.endsWith(b)),
  matchesPattern: { min: 2, max: 2, apply: ([a, b], at) => boolean(pattern(asString(b!, 'matchesPattern', at), at).test(asString(a!, 'matchesPattern', at))) },
  length: {
    min: 1,
    max: 1,
    apply: ([a], at) => (a!.t === 'collection' ? integer(a.items.length) : integer([...asString(a!, 'length', at)].length)),
  },
  indexof: { min: 2, max: 2, apply: ([a, b], at) => integer(asString(a!, 'indexof', at).indexOf(asString(b!, 'indexof', at))) },
  substring: {
    min: 2,
    max: 3,
    apply: ([a, start, length], at) => {
      const value = asString(a!, 'substring', at);
      const from = Math.max(0, asNumber(start!, 'substring', at));
      return text(length ? value.substr(from, Math.max(0, asNumber(length, 'substring', at))) : value.slice(from));
    },
  },
  tolower: stringMap('tolower', (a) => a.toLowerCase()),
  toupper: stringMap('toupper', (a) => a.toUpperCase()),
  trim: stringMap('trim', (a) => a.trim()),
  concat: {
    min: 2,
    max: 2,
    apply: ([a, b], at) => {
      if (a!.t === 'collection' && b!.t === 'collection') return { t: 'collection', items: [...a.items, ...b.items] };
      return text(asString(a!, 'concat', at) + asString(b!, 'concat', at));
    },
  },
  year: datePart('year', (d) => d.getUTCFullYear(), DTO_OR_DATE),
  month: datePart('month', (d) => d.getUTCMonth() + 1, DTO_OR_DATE),
  day: datePart('day', (d) => d.getUTCDate(), DTO_OR_DATE),
  hour: datePart('hour', (d) => d.getUTCHours(), DTO_OR_TIME),
  minute: datePart('minute', (d) => d.getUTCMinutes(), DTO_OR_TIME),
  second: datePart('second', (d) => d.getUTCSeconds(), DTO_OR_TIME),
  fractionalseconds: {
    min: 1,
    max: 1,
    apply: ([a], at) => ({ t: 'number', v: clock(a!, 'fractionalseconds', at).getUTCMilliseconds() / 1000, integer: false }),
  },
  totaloffsetminutes: {
    min: 1,
    max: 1,
    apply: ([a], at) => {
      if (a!.t !== 'dateTimeOffset') throw new FilterError(`totaloffsetminutes takes a DateTimeOffset, not ${describeValue(a!)}`, at);
      return integer(a.offset);
    },
  },
  totalseconds: {
    min: 1,
    max: 1,
    apply: ([a], at) => {
      if (a!.t !== 'duration') throw new FilterError(`totalseconds takes a Duration, not ${describeValue(a!)}`, at);
      return { t: 'number', v: a.v / 1000, integer: false };
    },
  },
  date: {
    min: 1,
    max: 1,
    apply: ([a], at) => {
      if (a!.t !== 'dateTimeOffset') throw new FilterError(`date takes a DateTimeOffset, not ${describeValue(a!)}`, at);
      const local = clock(a!, 'date', at);
      return { t: 'date', v: Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) };
    },
  },
  time: {
    min: 1,
    max: 1,
    apply: ([a], at) => {
      if (a!.t !== 'dateTimeOffset') throw new FilterError(`time takes a DateTimeOffset, not ${describeValue(a!)}`, at);
      const local = clock(a!, 'time', at).getTime();
      return { t: 'timeOfDay', v: ((local % 86_400_000) + 86_400_000) % 86_400_000 };
    },
  },
  now: { min: 0, max: 0, apply: () => ({ t: 'dateTimeOffset', v: Date.now(), offset: 0 }) },
  maxdatetime: { min: 0, max: 0, apply: () => ({ t: 'dateTimeOffset', v: Date.parse('9999-12-31T23:59:59.999Z'), offset: 0 }) },
  mindatetime: { min: 0, max: 0, apply: () => ({ t: 'dateTimeOffset', v: Date.parse('0001-01-01T00:00:00Z'), offset: 0 }) },
  // round: halves away from zero (§5.1.1.9.1), which Math.round does not do for negatives.
  round: numberMap('round', (v) => Math.sign(v) * Math.round(Math.abs(v))),
  floor: numberMap('floor', Math.floor),
  ceiling: numberMap('ceiling', Math.ceil),
  'geo.distance': geoFunction('geo.distance', 2, ([a, b]) => ({ t: 'number', v: geoDistance(a!, b!), integer: false })),
  'geo.length': geoFunction('geo.length', 1, ([line]) => ({ t: 'number', v: geoLength(line!), integer: false })),
  'geo.intersects': geoFunction('geo.intersects', 2, ([a, b]) => boolean(geoIntersects(a!, b!))),
};

/** A geo function (URL Conventions 4.01 §5.1.1.11) over geo arguments; a wrong shape or system is the caller's mistake. */
function geoFunction(name: string, arity: number, apply: (args: Geo[]) => Value): CanonicalFunction {
  return {
    min: arity,
    max: arity,
    apply: (args, at) => {
      const geos = args.map((arg) => {
        if (arg.t !== 'geo') throw new FilterError(`${name} takes geo values, not ${describeValue(arg)}`, at);
        return arg.v;
      });
      try {
        return apply(geos);
      } catch (error) {
        if (error instanceof GeoError) throw new FilterError(error.message, at);
        throw error;
      }
    },
  };
}

/** Functions that give null for a null argument, unlike `cast`, `isof` and the lambdas. */
export function lookupFunction(name: string): CanonicalFunction | undefined {
  return Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}

function pattern(source: string, at: number): RegExp {
  try {
    return new RegExp(source, 'u');
  } catch {
    throw new FilterError(`'${source}' is not a valid regular expression`, at);
  }
}
