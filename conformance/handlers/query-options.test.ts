import { getResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../generator/load-model.ts';
import { createHandlers } from './create-handlers.ts';
import type { HandlerOptions } from './options.ts';
import { PEOPLE, structural } from './filter/__fixtures__/people.ts';

/**
 * `$filter`, `$orderby`, `$top`, `$skip`, `$count` and server-driven paging through the
 * reference handlers, over HTTP, on the people fixture (navigation as links and containment).
 */
const { model } = loadModel({ csdl: [new URL('./filter/__fixtures__/people.xml', import.meta.url).pathname] });
const ROOT = 'https://people.test/svc';

function client(options: HandlerOptions = {}) {
  const data: Record<string, unknown> = { '/People': PEOPLE.map((row) => ({ ...(row['@odata.type'] ? { '@odata.type': row['@odata.type'] } : {}), ...structural(row) })) };
  for (const row of PEOPLE) if (row.Orders.length) data[`/People(${row.Id})/Orders`] = row.Orders;
  const handlers = createHandlers(model, { profile: 'odata', serviceRoot: ROOT, data, ...options });
  const send = async (method: string, path: string, body?: unknown) => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'Content-Type': 'application/json' };
    }
    const response = (await getResponse(handlers, new Request(path.startsWith('http') ? path : `${ROOT}${path}`, init)))!;
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as any) : undefined };
  };
  const link = async () => {
    for (const row of PEOPLE) {
      for (const friend of row.Friends) await send('POST', `/People(${row.Id})/Friends/$ref`, { '@odata.id': `${ROOT}/People(${friend})` });
      if (row.Manager !== null) await send('PUT', `/People(${row.Id})/Manager/$ref`, { '@odata.id': `${ROOT}/People(${row.Manager})` });
    }
  };
  return { send, link };
}

const ids = (body: any): number[] => body.value.map((item: any) => item.Id);
const q = (text: string) => encodeURIComponent(text);

describe('reference handlers: $filter over HTTP', () => {
  const { send, link } = client();
  beforeAll(link);

  it.each<[string, number[]]>([
    ["Name eq 'Alice'", [1]],
    ["Address/City eq 'Seattle' and Age gt 35", [4]],
    ["Friends/any(f: f/Name eq 'Carol')", [1, 4]],
    ["Manager/Name eq 'Alice'", [2, 3]],
    ["Friends/any(f: f/Manager/Name eq 'Alice')", [1, 4]],
    ['Orders/any(o: o/Amount gt 100)', [1]],
    ["isof(Test.Employee)", [3]],
    ["Registered ge 2021-06-30T23:00:00-02:00", [2, 4]],
  ])('%s', async (filter, expected) => {
    const answer = await send('GET', `/People?$filter=${q(filter)}`);
    expect(answer.status).toBe(200);
    expect(ids(answer.body)).toEqual(expected);
  });

  it('reads geo literals as a URL carries them (spaces as + or %20) and answers GeoJSON', async () => {
    const near = `geo.distance(Home,geography'SRID=4326;Point(-122.33 47.61)') lt 300000`;
    for (const written of [near.replaceAll(' ', '+'), near.replaceAll(' ', '%20')]) {
      const answer = await send('GET', `/People?$filter=${written}&$select=Id,Home`);
      expect(answer.status).toBe(200);
      expect(answer.body.value).toEqual([
        { Id: 1, Home: { type: 'Point', coordinates: [-122.33, 47.61] } },
        { Id: 2, Home: { type: 'Point', coordinates: [-122.68, 45.52] } },
      ]);
    }
    const wrong = await send('GET', `/People?$filter=${q("geo.distance(Home, geography'Point(1 2)') lt 1")}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/SRID/);
  });

  it('filters a navigation collection and an expanded one', async () => {
    expect(ids((await send('GET', `/People(4)/Friends?$filter=${q('Age ne null')}`)).body)).toEqual([1, 2]);
    const expanded = (await send('GET', `/People(1)?$expand=Orders($filter=${q('Amount lt 100')})`)).body;
    expect(expanded.Orders.map((order: any) => order.Id)).toEqual([1]);
  });

  it('counts what the filter keeps, inline and with /$count', async () => {
    expect((await send('GET', `/People?$filter=${q("contains(Email,'example')")}&$count=true&$top=1`)).body['@odata.count']).toBe(2);
    expect((await send('GET', `/People/$count?$filter=${q("'dev' in Tags")}`)).body).toBe(3);
    expect((await send('GET', '/People/$count')).body).toBe(4);
  });

  it.each<[string, RegExp]>([
    ["Nmae eq 'x'", /^\$filter: 'Nmae' is not a property of Test\.Person \(at character 0\)$/],
    ["Name eq 'x' Age", /^\$filter: unexpected 'Age'.*\(at character 12\)$/],
    ["Friends/any(f: f/Nope eq 1)", /'Nope' is not a property of Test.Person \(at character 17\)/],
    ['Name eq 1', /eq cannot compare string/],
  ])('answers 400 saying where: %s', async (filter, message) => {
    const answer = await send('GET', `/People?$filter=${q(filter)}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('BadRequest');
    expect(answer.body.error.message).toMatch(message);
  });

  it('checks the filter even when nothing is there to filter', async () => {
    const answer = await send('GET', `/People(2)/Orders?$filter=${q('Nope eq 1')}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/'Nope' is not a property of Test.Order/);
  });
});

describe('reference handlers: $orderby', () => {
  const { send, link } = client();
  beforeAll(link);

  it.each<[string, number[]]>([
    ['Name', [4, 1, 2, 3]],
    ['Age', [3, 2, 1, 4]],
    ['Age desc', [4, 1, 2, 3]],
    ['Age asc', [3, 2, 1, 4]],
    ['Address/City,Id desc', [3, 2, 4, 1]],
    ['Active desc,Score', [3, 1, 2, 4]],
    ['length(Tags) desc,Id', [1, 4, 2, 3]],
    ['Registered', [3, 1, 2, 4]],
    ['tolower(Email) desc', [4, 3, 1, 2]],
    ['Score mul -1', [1, 4, 3, 2]],
  ])('%s', async (orderby, expected) => {
    const answer = await send('GET', `/People?$orderby=${q(orderby)}`);
    expect(answer.status).toBe(200);
    expect(ids(answer.body)).toEqual(expected);
  });

  it('orders before it pages, and orders expanded members', async () => {
    expect(ids((await send('GET', `/People?$orderby=Age desc&$skip=1&$top=2`)).body)).toEqual([1, 2]);
    const expanded = (await send('GET', `/People(1)?$expand=Orders($orderby=${q('Amount desc')})`)).body;
    expect(expanded.Orders.map((order: any) => order.Id)).toEqual([2, 1]);
  });

  it.each<[string, RegExp]>([
    ['Nope', /^\$orderby: 'Nope' is not a property of Test\.Person \(at character 0\)$/],
    ['Name,Nope desc', /'Nope' is not a property .*\(at character 5\)$/],
    ['Name,', /empty \(at character 5\)/],
    ['Address', /primitive values/],
  ])('answers 400 saying where: %s', async (orderby, message) => {
    const answer = await send('GET', `/People?$orderby=${q(orderby)}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(message);
  });
});

describe('reference handlers: $search', () => {
  const { send } = client();

  it.each<[string, number[]]>([
    ['seattle', [1, 4]],
    ['seattle AND dev', [1, 4]],
    ['seattle dev admin', [1]],
    ['portland OR berlin', [2, 3]],
    ['NOT dev', [3]],
    ['dev AND NOT (admin OR ops)', [2]],
    ['"o\'hara rd"', [4]],
    ['"Main St" OR Sales', [1, 3]],
  ])('%s', async (search, expected) => {
    const answer = await send('GET', `/People?$search=${q(search)}&$orderby=Id`);
    expect(answer.status).toBe(200);
    expect(ids(answer.body)).toEqual(expected);
  });

  it('counts what the search keeps, and refuses a malformed search with the offset', async () => {
    expect((await send('GET', `/People/$count?$search=seattle`)).body).toBe(2);
    const answer = await send('GET', `/People?$search=${q('dev AND (admin')}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^\$search: expected '\)' but found the end \(at character 14\)$/);
  });
});

describe('reference handlers: server-driven paging', () => {
  it('follows @odata.nextLink page by page through a filtered, ordered collection', async () => {
    const { send } = client({ pageSize: 1 });
    const seen: number[] = [];
    let next: string | undefined = `/People?$filter=${q("Address/City ne 'Portland'")}&$orderby=Age desc&$count=true`;
    let pages = 0;
    while (next) {
      const answer = await send('GET', next);
      expect(answer.status).toBe(200);
      expect(answer.body['@odata.count']).toBe(3);
      seen.push(...ids(answer.body));
      next = answer.body['@odata.nextLink'];
      pages++;
    }
    expect(seen).toEqual([4, 1, 3]);
    expect(pages).toBe(3);
  });

  it('keeps a $top limit across pages', async () => {
    const { send } = client({ pageSize: 2 });
    const first = await send('GET', '/People?$top=3&$orderby=Id');
    expect(ids(first.body)).toEqual([1, 2]);
    const second = await send('GET', first.body['@odata.nextLink']);
    expect(ids(second.body)).toEqual([3]);
    expect(second.body['@odata.nextLink']).toBeUndefined();
  });
});
