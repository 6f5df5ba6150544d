import { literal } from './literals.ts';

/**
 * A typed `$filter` builder (OData URL Conventions 4.01 section 5.1.1): property names come
 * from the entity type, values must fit the property's TypeScript type, and the text is
 * written in OData's literal syntax by the literal encoder the keys use (`literals.ts`).
 *
 *   client.users.get({ $filter: (f) => f.and(f.eq('displayName', "O'Neil"), f.gt('createdDateTime', new Date(0))) })
 *   -> $filter=(displayName eq 'O''Neil') and (createdDateTime gt 1970-01-01T00:00:00.000Z)
 *
 * The generated types write DateTimeOffset, Guid, Date and Duration as `string`, so the value
 * says which literal to write: a string is a quoted string, a `Date` a DateTimeOffset, and
 * `f.guid()`, `f.date()`, `f.duration()`, `f.enumMember()` and `f.literal()` the other forms.
 */
export interface FilterExpression {
  readonly $filter: string;
}

/** A literal written as given (`f.guid('...')` gives an unquoted GUID). */
export interface FilterLiteral {
  readonly $literal: string;
}

/** What `$filter` takes: the text as written, or a function of the builder. */
export type FilterOption<T> = string | ((f: FilterBuilder<T>) => FilterExpression);

type Value<T, K> = NonNullable<T extends unknown ? (K extends keyof T ? T[K] : never) : never>;
/** Names of properties of `T` whose value fits `Test`; control information (`@odata.type`) left out. */
type NamesWhere<T, Test> = T extends unknown ? { [K in keyof T]-?: K extends `@${string}` ? never : K extends string ? (NonNullable<T[K]> extends Test ? K : never) : never }[keyof T] : never;

type Scalar = string | number | boolean | bigint;
/** Properties with a primitive or enum value. */
export type ScalarNames<T> = NamesWhere<T, Scalar>;
/** Collection-valued properties and navigation properties. */
export type CollectionNames<T> = NamesWhere<T, readonly unknown[]>;
/** Complex and single-valued navigation properties. */
export type StructuredNames<T> = Exclude<NamesWhere<T, object>, CollectionNames<T>>;
/** Properties with a string value (the string functions take these). */
export type StringNames<T> = NamesWhere<T, string>;

/** A value a property may be compared with: its own type (a `Date` for a string), a typed literal, or null. */
export type Comparand<V> =
  | (V extends string ? (string extends V ? string | Date : V) : V extends number ? number | bigint : V extends boolean ? boolean : V extends bigint ? bigint : never)
  | FilterLiteral
  | null;

type Element<V> = V extends readonly (infer E)[] ? E : never;

export interface FilterBuilder<T> {
  eq<K extends ScalarNames<T>>(name: K, value: Comparand<Value<T, K>>): FilterExpression;
  ne<K extends ScalarNames<T>>(name: K, value: Comparand<Value<T, K>>): FilterExpression;
  gt<K extends ScalarNames<T>>(name: K, value: Comparand<Value<T, K>>): FilterExpression;
  ge<K extends ScalarNames<T>>(name: K, value: Comparand<Value<T, K>>): FilterExpression;
  lt<K extends ScalarNames<T>>(name: K, value: Comparand<Value<T, K>>): FilterExpression;
  le<K extends ScalarNames<T>>(name: K, value: Comparand<Value<T, K>>): FilterExpression;
  /** `name in (a, b)` (4.01). */
  in<K extends ScalarNames<T>>(name: K, values: readonly Comparand<Value<T, K>>[]): FilterExpression;
  /** `name has Ns.Flags'A'`: pass `f.enumMember('Ns.Flags', 'A')`. */
  has<K extends ScalarNames<T>>(name: K, flag: FilterLiteral): FilterExpression;
  and(...expressions: FilterExpression[]): FilterExpression;
  or(...expressions: FilterExpression[]): FilterExpression;
  not(expression: FilterExpression): FilterExpression;
  contains<K extends StringNames<T>>(name: K, text: string): FilterExpression;
  startswith<K extends StringNames<T>>(name: K, text: string): FilterExpression;
  endswith<K extends StringNames<T>>(name: K, text: string): FilterExpression;
  /** `name/any(x: ...)` over a collection (primitive members: `x.eq('$it'...)` is `f.self`). */
  any<K extends CollectionNames<T>>(name: K, predicate?: (f: FilterBuilder<Element<Value<T, K>>>) => FilterExpression): FilterExpression;
  all<K extends CollectionNames<T>>(name: K, predicate: (f: FilterBuilder<Element<Value<T, K>>>) => FilterExpression): FilterExpression;
  /** The builder of a complex or single-valued navigation property: `f.at('address').eq('city', 'x')`. */
  at<K extends StructuredNames<T>>(name: K): FilterBuilder<Value<T, K>>;
  /** In a lambda over primitive values: compare the member itself (`t eq 'x'`). */
  is(operator: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le', value: Comparand<T>): FilterExpression;
  guid(value: string): FilterLiteral;
  date(value: string): FilterLiteral;
  duration(value: string): FilterLiteral;
  /** `Ns.Color'Red'`, as OData 4.0 requires for enums (4.01 also takes `'Red'`). */
  enumMember(type: string, member: string): FilterLiteral;
  /** Any literal, written as given. */
  literal(text: string): FilterLiteral;
  /** Any expression, written as given. */
  raw(text: string): FilterExpression;
}

/** The `$filter` text of an option: a string as written, a function of the builder evaluated. */
export function filterText(option: string | ((f: never) => FilterExpression)): string {
  return typeof option === 'string' ? option : (option as (f: FilterBuilder<unknown>) => FilterExpression)(builder('', 0)).$filter;
}

const expression = ($filter: string): FilterExpression => ({ $filter });
const typed = ($literal: string): FilterLiteral => ({ $literal });

function value(given: unknown): string {
  if (given instanceof Date) {
    if (Number.isNaN(given.getTime())) throw new TypeError('$filter: an invalid Date');
    return given.toISOString();
  }
  if (typeof given === 'object' && given !== null && '$literal' in given) return String((given as FilterLiteral).$literal);
  if (typeof given === 'number' && !Number.isFinite(given)) return Number.isNaN(given) ? 'NaN' : given > 0 ? 'INF' : '-INF';
  return literal(given);
}

function joined(operator: string, expressions: FilterExpression[]): FilterExpression {
  if (expressions.length === 0) throw new TypeError(`$filter: ${operator} needs at least one expression`);
  return expression(expressions.map((item) => (expressions.length === 1 ? item.$filter : `(${item.$filter})`)).join(` ${operator} `));
}

function checked(text: string, form: RegExp, what: string): string {
  if (!form.test(text)) throw new TypeError(`$filter: ${JSON.stringify(text)} is not ${what}`);
  return text;
}

/** `prefix` is the path to the instance (`address/`, `x0/`), `depth` the lambda nesting for variable names. */
function builder(prefix: string, depth: number, self?: string): FilterBuilder<unknown> {
  const path = (name: string) => `${prefix}${name}`;
  const compare = (operator: string) => (name: string, given: unknown) => expression(`${path(name)} ${operator} ${value(given)}`);
  const call = (fn: string) => (name: string, text: string) => expression(`${fn}(${path(name)},${literal(text)})`);
  const lambda = (operator: string) => (name: string, predicate?: (f: FilterBuilder<unknown>) => FilterExpression) => {
    if (!predicate) return expression(`${path(name)}/${operator}()`);
    const variable = `x${depth}`;
    return expression(`${path(name)}/${operator}(${variable}:${predicate(builder(`${variable}/`, depth + 1, variable)).$filter})`);
  };
  const methods = {
    eq: compare('eq'),
    ne: compare('ne'),
    gt: compare('gt'),
    ge: compare('ge'),
    lt: compare('lt'),
    le: compare('le'),
    in: (name: string, values: readonly unknown[]) => expression(`${path(name)} in (${values.map(value).join(',')})`),
    has: (name: string, flag: FilterLiteral) => expression(`${path(name)} has ${value(flag)}`),
    and: (...expressions: FilterExpression[]) => joined('and', expressions),
    or: (...expressions: FilterExpression[]) => joined('or', expressions),
    not: (inner: FilterExpression) => expression(`not (${inner.$filter})`),
    contains: call('contains'),
    startswith: call('startswith'),
    endswith: call('endswith'),
    any: lambda('any'),
    all: lambda('all'),
    at: (name: string) => builder(`${path(name)}/`, depth),
    is: (operator: string, given: unknown) => expression(`${self ?? '$it'} ${operator} ${value(given)}`),
    guid: (text: string) => typed(checked(text, /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i, 'a GUID')),
    date: (text: string) => typed(checked(text, /^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)')),
    duration: (text: string) => typed(literal(text, 'd')),
    enumMember: (type: string, member: string) => typed(literal(member, `e:${type}`)),
    literal: (text: string) => typed(text),
    raw: (text: string) => expression(text),
  };
  return methods as unknown as FilterBuilder<unknown>;
}
