import { getResponse, type HttpHandler } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../conformance/handlers/create-handlers.ts';
import { CAP_SKIP_REASON, capInstalled, capModel, startCap, type CapServer } from './cap-server.ts';

/**
 * `$filter` and `$orderby` of the reference handlers beside a real OData V4 server (SAP CAP 9,
 * SQLite): the same data posted to both, the same queries sent to both, the same members
 * answered in the same order. A difference is a defect of one of them.
 */
const AUTHORS = [
  { ID: 9101, name: 'Emily Brontë', born: '1818-07-30' },
  { ID: 9102, name: 'Charlotte Brontë', born: '1816-04-21' },
  { ID: 9103, name: "Flann O'Brien", born: '1911-10-05' },
  { ID: 9104, name: 'anonymous', born: null },
];
const BOOKS = [
  { ID: 9201, title: 'Wuthering Heights', stock: 12, price: 11.11, author_ID: 9101 },
  { ID: 9202, title: 'Jane Eyre', stock: 11, price: 12.34, author_ID: 9102 },
  { ID: 9203, title: 'The Third Policeman', stock: 0, price: 9.5, author_ID: 9103 },
  { ID: 9204, title: 'At Swim-Two-Birds', stock: null, price: 14, author_ID: 9103 },
  { ID: 9205, title: 'Villette', stock: 3, price: null, author_ID: 9102 },
  { ID: 9206, title: 'the lost book', stock: 7, price: 0.5, author_ID: null },
];

const BOOK_FILTERS = [
  'stock gt 5',
  'stock ge 11 and price lt 12',
  'stock eq null',
  'price ne null and price le 10',
  "title eq 'Jane Eyre'",
  "title in ('Villette', 'Jane Eyre')",
  "contains(title, 'e')",
  "startswith(title, 'The') or endswith(title, 'Birds')",
  "tolower(title) eq 'the lost book'",
  "toupper(title) eq 'VILLETTE'",
  'length(title) gt 12',
  "indexof(title, 'Eyre') eq 5",
  "substring(title, 5) eq 'Eyre'",
  "concat(title, '!') eq 'Villette!'",
  'stock add 1 eq 4',
  'stock mul 2 gt 20',
  'stock sub 1 lt 0',
  'stock mod 2 eq 1',
  'round(price) eq 12',
  'floor(price) eq 9',
  'ceiling(price) eq 1',
  'not (stock gt 5)',
  'author_ID eq 9103',
  "author/name eq 'Flann O''Brien'",
  'author eq null',
  "author/born lt 1900-01-01",
  '(stock gt 5 or price gt 13) and not (author_ID eq 9102)',
];
const AUTHOR_FILTERS = [
  'born lt 1817-01-01',
  'year(born) eq 1818',
  'month(born) eq 10',
  'day(born) eq 21',
  'born eq null',
  'books/any(b: b/stock gt 11)',
  'books/all(b: b/stock gt 5)',
  'books/any()',
  "contains(name, 'Brontë')",
];
const BOOK_ORDERS = ['stock', 'stock desc', 'price,ID', 'price desc,ID desc', 'title', 'author_ID,stock desc', 'length(title)'];

/**
 * Where the two differ, and why; each entry is asserted to still differ, so that a fix on
 * either side shows here. CAP refuses parts of the grammar with 400; the handlers do not derive
 * links from foreign keys (`author_ID` does not link `author`); they compare null as OData's
 * lifted operators say (`null gt 5` is false, so `not` of it is true), CAP as SQL does (unknown);
 * and CAP sorts strings without case, the handlers by code point (OData names no collation).
 */
const DIFFERENCES: Record<string, string> = {
  "title in ('Villette', 'Jane Eyre')": 'CAP 9 refuses a parenthesised in list (400)',
  'stock add 1 eq 4': 'CAP 9 refuses arithmetic operators (400)',
  'stock mul 2 gt 20': 'CAP 9 refuses arithmetic operators (400)',
  'stock sub 1 lt 0': 'CAP 9 refuses arithmetic operators (400)',
  'stock mod 2 eq 1': 'CAP 9 refuses arithmetic operators (400)',
  'not (stock gt 5)': 'null gt 5: false in the handlers, unknown in CAP (SQL)',
  '(stock gt 5 or price gt 13) and not (author_ID eq 9102)': 'not of a comparison with null, as above',
  "author/name eq 'Flann O''Brien'": 'the handlers do not link author from author_ID',
  'author eq null': 'the handlers do not link author from author_ID',
  'author/born lt 1900-01-01': 'the handlers do not link author from author_ID',
  'books/any(b: b/stock gt 11)': 'CAP 9 refuses the lambda (400: Expected "(" or "NOT")',
  'books/all(b: b/stock gt 5)': 'CAP 9 refuses the lambda (400: Expected "(" or "NOT")',
  'books/any()': 'the handlers do not link books from author_ID',
  title: "CAP sorts without case ('the lost book' before 'The Third Policeman')",
};

describe.skipIf(!capInstalled)(`$filter and $orderby: the reference handlers beside SAP CAP 9${CAP_SKIP_REASON}`, () => {
  let cap: CapServer;
  let handlers: HttpHandler[];
  const MOCK_ROOT = 'https://cap.test/odata/v4/catalog';

  beforeAll(async () => {
    cap = await startCap();
    handlers = createHandlers(await capModel(cap), { profile: 'odata', serviceRoot: MOCK_ROOT });
    for (const [set, rows] of [['Authors', AUTHORS], ['Books', BOOKS]] as const) {
      for (const row of rows) {
        const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(row) };
        expect((await fetch(`${cap.serviceRoot}/${set}`, init)).status, `CAP POST /${set}`).toBe(201);
        expect((await getResponse(handlers, new Request(`${MOCK_ROOT}/${set}`, init)))!.status, `mock POST /${set}`).toBe(201);
      }
    }
  }, 90_000);
  afterAll(async () => {
    if (!cap) return;
    for (const [set, rows] of [['Books', BOOKS], ['Authors', AUTHORS]] as const) for (const row of rows) await fetch(`${cap.serviceRoot}/${set}(${row.ID})`, { method: 'DELETE' });
    await cap.stop();
  });

  /** The IDs each answers, in order, for our rows only (the server may hold others). */
  async function both(set: string, query: string): Promise<{ cap: unknown; mock: unknown }> {
    const path = `/${set}?${query}&$select=ID`;
    const ours = (body: any) => (Array.isArray(body?.value) ? body.value.map((row: any) => row.ID).filter((id: number) => id > 9000) : body);
    const fromCap = await fetch(`${cap.serviceRoot}${encodeURI(path)}`);
    const fromMock = (await getResponse(handlers, new Request(`${MOCK_ROOT}${encodeURI(path)}`)))!;
    return { cap: ours(await fromCap.json()), mock: ours(await fromMock.json()) };
  }

  const cases = [
    ...BOOK_FILTERS.map((filter) => ['Books', filter, `$filter=${filter}&$orderby=ID`] as const),
    ...AUTHOR_FILTERS.map((filter) => ['Authors', filter, `$filter=${filter}&$orderby=ID`] as const),
    ...BOOK_ORDERS.map((orderby) => ['Books', orderby, `$orderby=${orderby}`] as const),
  ];

  it.each(cases.filter(([, expression]) => !(expression in DIFFERENCES)))('%s: %s, the same members in the same order', async (set, _expression, query) => {
    const { cap, mock } = await both(set, query);
    expect(Array.isArray(cap), `CAP answered ${JSON.stringify(cap)}`).toBe(true);
    expect(mock).toEqual(cap);
  });

  it.each(cases.filter(([, expression]) => expression in DIFFERENCES))('%s: %s differs, as known', async (set, expression, query) => {
    const { cap, mock } = await both(set, query);
    expect(Array.isArray(mock), `the handlers answered ${JSON.stringify(mock)}`).toBe(true);
    expect(mock, DIFFERENCES[expression]).not.toEqual(cap);
  });
});
