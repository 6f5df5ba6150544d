import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../generator/load-model.ts';
import { lookupStructuredType } from '../../../generator/model/queries.ts';
import type { NavigationProperty } from '../../../generator/model/types.ts';
import { PEOPLE, structural } from './__fixtures__/people.ts';
import { compileFilter, FilterError, type Navigate } from './index.ts';
import { fromJson, type Value } from './values.ts';

const { model } = loadModel({ csdl: [new URL('./__fixtures__/people.xml', import.meta.url).pathname] });
const PERSON = lookupStructuredType(model, 'Test.Person')!;
const typeOf = (row: (typeof PEOPLE)[number]) => row['@odata.type']?.slice(1) ?? 'Test.Person';

/** Navigation over the fixed rows: Friends and Manager by id, Orders contained in the row. */
const navigate: Navigate = (source, navigation: NavigationProperty): Value => {
  const row = PEOPLE.find((candidate) => candidate.Id === source.data['Id']);
  if (!row) return null;
  const person = (id: number) => fromJson(model, typeOf(PEOPLE.find((candidate) => candidate.Id === id)!), structural(PEOPLE.find((candidate) => candidate.Id === id)!));
  if (navigation.name === 'Friends') return { t: 'collection', items: row.Friends.map(person) };
  if (navigation.name === 'Manager') return row.Manager === null ? null : person(row.Manager);
  return { t: 'collection', items: row.Orders.map((order) => fromJson(model, 'Test.Order', order)) };
};

function ids(expression: string): number[] {
  const filter = compileFilter(model, PERSON, expression, navigate);
  return PEOPLE.filter((row) => filter.test(structural(row), typeOf(row))).map((row) => row.Id);
}

describe('$filter grammar on a fixed data set (OData URL Conventions 4.01 §5.1.1)', () => {
  it.each<[string, number[]]>([
    // comparison (§5.1.1.1), null semantics
    ["Name eq 'Alice'", [1]],
    ["Name ne 'Alice'", [2, 3, 4]],
    ['Age gt 25', [1, 4]],
    ['Age ge 25', [1, 2, 4]],
    ['Age lt 30', [2]],
    ['Age le 30', [1, 2]],
    ['Age eq null', [3]],
    ['Age ne null', [1, 2, 4]],
    ['Email eq null', [2]],
    ['Age gt null', []],
    ['null eq Age', [3]],
    ["Name gt 'B'", [1, 2, 3].filter((id) => id !== 1)],
    // logical (§5.1.1.2), three-valued
    ['Age gt 20 and Active eq true', [1]],
    ["Age lt 26 or Name eq 'Carol'", [2, 3]],
    ['not (Age gt 26)', [2, 3]],
    ['Age ge null', [3]],
    ['Age le Age', [1, 2, 3, 4]],
    ['not Active', [2]],
    ['Active', [1, 3]],
    ['Active eq false or Age gt 40', [2, 4]],
    ['Active and Age gt 1', [1]],
    ['not (Active and true)', [2]],
    // arithmetic (§5.1.1.3) and precedence
    ['Age add 5 eq 35', [1]],
    ['Age sub 5 eq 20', [2]],
    ['Age mul 2 gt 60', [4]],
    ['Age div 2 eq 12', [2]],
    ['Age divby 2 eq 12.5', [2]],
    ['Age mod 2 eq 1', [2, 4]],
    ['Age add 2 mul 5 eq 40', [1]],
    ['(Age add 2) mul 5 eq 160', [1]],
    ['-Age lt -40', [4]],
    ['Score lt -1', [2]],
    ['Score mul 2 eq 9', [1]],
    ['Balance gt 100', [1, 3]],
    ['Balance eq 100.25', [1]],
    ['Balance lt -5', [4]],
    ['Score ge 2.5e0', [1, 3, 4]],
    ['Score lt INF', [1, 2, 3, 4]],
    ['Score gt -INF and Score ne NaN', [1, 2, 3, 4]],
    // in (§5.1.1.1.9)
    ["Name in ('Alice', 'Bob')", [1, 2]],
    ["Name in ['Carol']", [3]],
    ['Age in (25, 41)', [2, 4]],
    ["'dev' in Tags", [1, 2, 4]],
    ["Color in ('Red', 'Blue')", [1, 3]],
    // has (§5.1.1.1.10), enums
    ["Permissions has Test.Permission'Write'", [1, 3]],
    ["Permissions has Test.Permission'Read,Write'", [1, 3]],
    ["Permissions has Test.Permission'Admin'", [3]],
    ["Permissions eq Test.Permission'None'", [4]],
    ["Color eq Test.Color'Green'", [2]],
    ["Color eq 'Green'", [2]],
    ["Color gt Test.Color'Red'", [2, 3]],
    ["Color eq Test.Color'3'", [3]],
    // literals of every primitive type (ABNF primitiveLiteral)
    ['Born eq 1990-05-17', [1]],
    ['Born lt 1986-01-01', [3, 4]],
    ['Registered gt 2021-01-01T00:00:00Z', [2, 4]],
    ['Registered eq 2021-07-01T01:00:00Z', [2]],
    ['Registered eq 2021-06-30T23:00:00-02:00', [2]],
    ['Registered eq 2021-06-30T23:00:00 02:00', []],
    ['Registered lt 2019-03-10T08:00:00.001+01:00', [3]],
    ['WakeUp lt 07:00:00', [2]],
    ['WakeUp ge 07:30', [1, 3]],
    ["Session eq duration'P1D'", [2]],
    ["Session lt duration'PT1H'", [3]],
    ["Session gt 'PT1H'", [1, 2]],
    ['Token eq a1b2c3d4-0000-0000-0000-000000000001', [1]],
    ['Token eq A1B2C3D4-0000-0000-0000-000000000002', [2]],
    ["Token eq 'A1B2C3D4-0000-0000-0000-000000000003'", [3]],
    ['Active eq true', [1, 3]],
    ['Active eq null', [4]],
    ["Name eq 'O''Hara'", []],
    ["Address/Street eq 'O''Hara Rd'", [4]],
    // paths into complex types
    ["Address/City eq 'Seattle'", [1, 4]],
    ["Address/Country/Code eq 'US'", [1, 2]],
    ['Address eq null', [3]],
    ['Address/Country eq null', [3, 4]],
    ["Address/Street eq null", [2, 3]],
    // string functions (§5.1.1.5)
    ["contains(Email, 'example')", [1, 3]],
    ["contains(tolower(Email), 'example')", [1, 3, 4]],
    ["startswith(Name, 'A')", [1]],
    ["endswith(Email, '.org')", [3]],
    ['length(Name) eq 3', [2]],
    ['length(trim(Name)) eq 4', [4]],
    ["indexof(Name, 'o') eq 1", [2]],
    ["substring(Name, 1) eq 'lice'", [1]],
    ["substring(Name, 1, 2) eq 'ar'", [3]],
    ["toupper(Name) eq 'BOB'", [2]],
    ["trim(Name) eq 'Dave'", [4]],
    ["concat(Name, '!') eq 'Bob!'", [2]],
    ["concat(concat(Name, ' '), Address/City) eq 'Alice Seattle'", [1]],
    ["matchesPattern(Name, '^[AB]')", [1, 2]],
    ['not contains(Email, \'example\')', [4]],
    // date and time functions (§5.1.1.7), in the offset the value was written with
    ['year(Born) eq 1990', [1]],
    ['month(Born) eq 12', [2]],
    ['day(Born) eq 1', [3]],
    ['year(Registered) eq 2021', [2]],
    ['day(Registered) eq 30', [2]],
    ['hour(Registered) eq 8', [3]],
    ['minute(Registered) eq 30', [1]],
    ['second(WakeUp) eq 30', [3]],
    ['hour(WakeUp) eq 6', [2]],
    ['date(Registered) eq 2021-06-30', [2]],
    ['time(Registered) eq 10:30:00', [1]],
    ['totaloffsetminutes(Registered) eq -120', [2]],
    ['Registered lt now()', [1, 2, 3, 4]],
    ["Registered add duration'P1D' gt 2022-11-01T12:00:00Z", [4]],
    ["Born sub duration'P1D' eq 1990-05-16", [1]],
    ["totalseconds(Session) eq 2700", [3]],
    // math functions (§5.1.1.9)
    ['round(Score) eq 5', [1]],
    ['round(Score) eq -2', [2]],
    ['floor(Score) eq 2', [3]],
    ['ceiling(Score) eq -1', [2]],
    ['round(Balance) eq 100', [1]],
    // type functions (§5.1.1.10)
    ['isof(Test.Employee)', [3]],
    ['isof($it, Test.Employee)', [3]],
    ["cast(Test.Employee)/Department eq 'Sales'", [3]],
    ["Test.Employee/Department eq 'Sales'", [3]],
    ["cast(Age, Edm.String) eq '30'", [1]],
    ['isof(Name, Edm.String)', [1, 2, 3, 4]],
    ['isof(Age, Edm.Int32)', [1, 2, 4]],
    // lambdas over collections and navigation (§5.1.1.13)
    ["Tags/any(t: t eq 'admin')", [1]],
    ["Tags/any(t: startswith(t, 'o'))", [4]],
    ['Tags/any()', [1, 2, 4]],
    ["Tags/all(t: t eq 'dev')", [2, 3]],
    ["Addresses/any(a: a/City eq 'Berlin')", [3]],
    ["Addresses/any(a: a/Country/Code eq 'FR')", [1]],
    ["Friends/any(f: f/Name eq 'Carol')", [1, 4]],
    ['Friends/all(f: f/Age gt 20)', [2, 3]],
    ["Friends/any(f: f/Tags/any(t: t eq 'admin'))", [2, 4]],
    ['Friends/any(f: f/Age gt $it/Age)', [2]],
    ["Manager/Name eq 'Alice'", [2, 3]],
    ['Manager eq null', [1]],
    ['Orders/any(o: o/Amount gt 100)', [1]],
    ["Orders/any(o: o/Placed lt 2023-01-01T00:00:00Z)", [3]],
    ['length(Tags) eq 2', [1, 4]],
    // whitespace and case of keywords as written in URLs (4.01: operators and functions in any case)
    ["Name EQ 'Bob' OR Age Gt 40", [2, 4]],
    ["NOT (Age lt 30) And Active eq TRUE", [1, 3]],
    ["Tags/ANY(t: t eq 'ops')", [4]],
    ["Contains(Email, 'example') and Email ne NULL", [1, 3]],
    ["Name In ('Bob')", [2]],
    ["  Name   eq   'Bob'  ", [2]],
    ["(((Name eq 'Bob')))", [2]],
    // geo (§5.1.1.11): Home is Seattle, Portland, Berlin, null; Commute 234 km, null, 878 km, null
    ["geo.distance(Home, geography'SRID=4326;Point(-122.33 47.61)') lt 300000", [1, 2]],
    ["geo.distance(Home, geography'SRID=4326;Point(-122.33 47.61)') gt 1000000", [3]],
    ["geo.distance(geography'SRID=4326;Point(-122.33 47.61)', Home) eq 0", [1]],
    ["Geo.Distance(Home, geography'SRID=4326;POINT (-122.68 45.52)') lt 1", [2]],
    ['geo.length(Commute) gt 500000', [3]],
    ['geo.length(Commute) gt 200000 and geo.length(Commute) lt 300000', [1]],
    ["geo.intersects(geometry'SRID=0;Point(1 1)', Plot)", [1, 4]],
    ["geo.intersects(geometry'SRID=0;Point(5 5)', Plot)", [1]],
    ["geo.intersects(geometry'SRID=0;Point(10 5)', Plot)", [1]],
    ["geo.intersects(Plot, geometry'SRID=0;Point(25 25)')", [2]],
    ["not geo.intersects(geometry'SRID=0;Point(1 1)', Plot)", [2]],
    ['isof(Home, Edm.GeographyPoint)', [1, 2, 3]],
    ['isof(Home, Edm.Geography)', [1, 2, 3]],
    ['isof(Home, Edm.GeometryPoint)', []],
    ['Home eq null', [4]],
  ])('%s', (expression, expected) => {
    expect(ids(expression)).toEqual(expected);
  });
});

describe('$filter mistakes: 400 with the character offset', () => {
  it.each<[string, number, RegExp]>([
    ["Nmae eq 'x'", 0, /'Nmae' is not a property of Test.Person/],
    ["Address/Town eq 'x'", 8, /'Town' is not a property of Test.Address/],
    ["Tags/City eq 'x'", 5, /follows a collection/],
    ["Name/Length eq 1", 5, /has no properties/],
    ["Friends/any(f: f/Nope eq 1)", 17, /'Nope' is not a property of Test.Person/],
    ["f/Name eq 'x'", 0, /'f' is not a property/],
    ["Name eq 'x", 8, /unterminated string/],
    ["Name eq", 7, /expected an expression but found the end/],
    ["Name eq 'x' Age", 12, /unexpected 'Age'/],
    ["Name eq 'x' and", 15, /expected an expression/],
    ['(Age gt 1', 9, /expected '\)'/],
    ["contain(Name, 'x')", 0, /unknown function 'contain'/],
    ['length(Name, 1) eq 1', 0, /length takes 1 arguments, not 2/],
    ["Color eq Test.Color'Purple'", 9, /'Purple' is not a member of Test.Color/],
    ["Color eq Test.Shade'Red'", 9, /not an enum type/],
    ['Born eq 2020-02-30', 8, /not a valid Date/],
    ["Session eq duration'1 day'", 11, /not a valid Duration/],
    ['Age # 1', 4, /unexpected character '#'/],
    ['isof(Test.Nope)', 5, /'Test.Nope' is not a type/],
    ['Tags/all()', 5, /all\(\) needs a lambda variable/],
    ['Friends/any(f f/Age eq 1)', 14, /expected ':'/],
    ['Name/any(n: n eq 1)', 5, /needs a collection/],
    ["cast(Name, Edm.String)/x eq 1", 0, /only cast\(\) to a structured type/],
    ["geo.distance(Home, geography'Point(1 2)') lt 1", 19, /starts with SRID=<number>;/],
    ["geo.distance(Home, geography'SRID=4326;Point(1)') lt 1", 19, /expected a position/],
    ["geo.intersects(geometry'SRID=0;Point(1 1)', geometry'SRID=0;Polygon((0 0,1 0,1 1))')", 44, /ring has four positions at least/],
    ["geo.intersects(geometry'SRID=0;Line(1 2)', Plot)", 15, /expected Point, LineString/],
    ["geo.length(geometry'SRID=0;LineString(1 2)') gt 1", 11, /expected 2 or more items/],
  ])('%s', (expression, at, message) => {
    let caught: unknown;
    try {
      ids(expression);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FilterError);
    expect((caught as FilterError).message).toMatch(message);
    expect((caught as FilterError).at).toBe(at);
  });

  it.each<[string, RegExp]>([
    ["Name eq 1", /eq cannot compare string "Alice" with number 1/],
    ["Name add 1 eq 2", /add cannot combine/],
    ['Age div 0 eq 1', /integer division by zero/],
    ["Age has Test.Permission'Read'", /has compares enum values/],
    ["contains(Age, '1')", /contains takes a string/],
    ['Name', /expected a boolean expression|not a boolean/],
    ["geo.distance(Home, geometry'SRID=0;Point(1 1)') lt 1", /cannot combine a geography value with a geometry value/],
    ["geo.distance(Home, geography'SRID=4269;Point(1 1)') lt 1", /cannot combine SRID 4326 with SRID 4269/],
    ['geo.length(Home) gt 1', /geo.length takes a LineString, not Point/],
    ['geo.distance(Name, Home) gt 1', /geo.distance takes geo values, not string/],
    ["Home eq geography'SRID=4326;Point(-122.33 47.61)'", /eq does not compare geo values/],
  ])('type mistakes are found on evaluation: %s', (expression, message) => {
    expect(() => ids(expression)).toThrow(message);
  });
});
