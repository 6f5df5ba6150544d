import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../generator/load-model.ts';
import type { Profile } from '../profiles.ts';
import { GRAPH_BATCH_LIMIT, parseBatch } from './batch.ts';
import { createHandlers } from './create-handlers.ts';
import { send as sendTo } from './__fixtures__/send.ts';
import { createStore } from './store.ts';

const { model } = loadModel({ csdl: [new URL('./filter/__fixtures__/people.xml', import.meta.url).pathname] });
const ROOT = 'https://people.test/svc';

function service(profile: Profile = 'odata') {
  const store = createStore();
  const handlers = createHandlers(model, { profile, serviceRoot: ROOT, store, data: { '/People': [{ Id: 1, Name: 'Alice' }] } });
  const call = async (method: string, path: string, body?: unknown, contentType?: string) => {
    const { status, body: answer } = await sendTo(handlers, `${ROOT}${path}`, method, body, contentType);
    return { status, body: answer };
  };
  const batch = (requests: unknown[]) => call('POST', '/$batch', { requests });
  return { call, batch, store };
}

const person = (Id: number, Name = `P${Id}`) => ({ Id, Name });

describe('$batch (JSON format): order, references, dependencies', () => {
  it('runs each request through the handlers, in order, and answers one response object each', async () => {
    const { batch } = service();
    const { status, body } = await batch([
      { id: 'a', method: 'post', url: 'People', body: person(2, 'Bob') },
      { id: 'b', method: 'GET', url: 'People?$orderby=Id&$select=Name' },
      { id: 'c', method: 'GET', url: 'People(99)' },
    ]);
    expect(status).toBe(200);
    expect(body.responses.map((r: any) => [r.id, r.status])).toEqual([['a', 201], ['b', 200], ['c', 404]]);
    expect(body.responses[0].headers.location).toBe(`${ROOT}/People(2)`);
    expect(body.responses[1].body.value).toEqual([{ Id: 1, Name: 'Alice' }, { Id: 2, Name: 'Bob' }]);
    expect(body.responses[2].body.error.code).toBe('ResourceNotFound');
  });

  it('$<id> stands for the entity a preceding request created, and for one it read', async () => {
    const { batch } = service();
    const { body } = await batch([
      { id: '1', method: 'POST', url: 'People', body: person(7) },
      { id: '2', method: 'POST', url: '$1/Orders', dependsOn: ['1'], body: { Id: 70, Amount: 5 } },
      { id: '3', method: 'PATCH', url: '$1', dependsOn: ['1'], body: { Age: 41 } },
      { id: '4', method: 'GET', url: 'People(1)' },
      { id: '5', method: 'GET', url: '$4?$select=Name', dependsOn: ['4'] },
      { id: '6', method: 'GET', url: '$1?$expand=Orders', dependsOn: ['1', '2', '3'] },
    ]);
    expect(body.responses.map((r: any) => r.status)).toEqual([201, 201, 204, 200, 200, 200]);
    expect(body.responses[1].headers.location).toBe(`${ROOT}/People(7)/Orders(70)`);
    expect(body.responses[4].body).toMatchObject({ Name: 'Alice' });
    expect(body.responses[5].body).toMatchObject({ Id: 7, Age: 41, Orders: [{ Id: 70 }] });
  });

  it('a request whose dependency failed is not run and answers 424', async () => {
    const { batch, call } = service();
    const { body } = await batch([
      { id: '1', method: 'POST', url: 'People', body: person(1) },
      { id: '2', method: 'POST', url: '$1/Orders', dependsOn: ['1'], body: { Id: 1 } },
      { id: '3', method: 'DELETE', url: 'People(1)', dependsOn: ['2'] },
    ]);
    expect(body.responses.map((r: any) => r.status)).toEqual([409, 424, 424]);
    expect(body.responses[1].body.error).toEqual({ code: 'FailedDependency', message: "Not run: the request depends on '1', which failed" });
    expect((await call('GET', '/People(1)')).status).toBe(200);
  });

  it('an atomicity group that fails leaves the store as before it; its other members answer 424', async () => {
    const { batch, call } = service();
    const { body } = await batch([
      { id: 'before', method: 'POST', url: 'People', body: person(10) },
      { id: 'g1', atomicityGroup: 'g', method: 'POST', url: 'People', body: person(11) },
      { id: 'g2', atomicityGroup: 'g', method: 'PATCH', url: 'People(1)', body: { Age: 99 } },
      { id: 'g3', atomicityGroup: 'g', method: 'POST', url: 'People', body: person(1) },
      { id: 'g4', atomicityGroup: 'g', method: 'DELETE', url: 'People(10)' },
      { id: 'after', method: 'GET', url: 'People/$count', dependsOn: ['before'] },
      { id: 'needs-g', method: 'GET', url: 'People', dependsOn: ['g'] },
    ]);
    expect(body.responses.map((r: any) => [r.id, r.status, r.atomicityGroup])).toEqual([
      ['before', 201, undefined],
      ['g1', 424, 'g'],
      ['g2', 424, 'g'],
      ['g3', 409, 'g'],
      ['g4', 424, 'g'],
      ['after', 200, undefined],
      ['needs-g', 424, undefined],
    ]);
    expect(body.responses[1].body.error.message).toBe("Rolled back: request 'g3' of atomicity group 'g' failed");
    expect(body.responses[5].body).toBe('2');
    expect((await call('GET', '/People(11)')).status).toBe(404);
    expect((await call('GET', '/People(1)')).body).toEqual(expect.objectContaining({ Name: 'Alice' }));
    expect((await call('GET', '/People(1)')).body.Age).not.toBe(99);
    expect((await call('GET', '/People(10)')).status).toBe(200);
  });

  it('an atomicity group that succeeds keeps its changes', async () => {
    const { batch, call } = service();
    const { body } = await batch([
      { id: '1', atomicityGroup: 'g', method: 'POST', url: 'People', body: person(20) },
      { id: '2', atomicityGroup: 'g', method: 'POST', url: '$1/Orders', dependsOn: ['1'], body: { Id: 1 } },
      { id: '3', method: 'GET', url: '$1/Orders', dependsOn: ['g'] },
    ]);
    expect(body.responses.map((r: any) => r.status)).toEqual([201, 201, 200]);
    expect(body.responses[2].body.value).toEqual([expect.objectContaining({ Id: 1 })]);
    expect((await call('GET', '/People(20)')).status).toBe(200);
  });
});

describe('$batch: preferences and what the handlers leave out', () => {
  const requests = [
    { id: '1', method: 'GET', url: 'People(99)' },
    { id: '2', method: 'GET', url: 'People(1)' },
  ];
  it('Prefer: odata.continue-on-error=false ends the responses with the first failure; true (or none) goes on', async () => {
    const { call } = service();
    const send = async (prefer?: string) => {
      const init: RequestInit = { method: 'POST', body: JSON.stringify({ requests }), headers: { 'Content-Type': 'application/json', ...(prefer && { Prefer: prefer }) } };
      const response = (await getResponse(createHandlers(model, { profile: 'odata', serviceRoot: ROOT, data: { '/People': [person(1)] } }), new Request(`${ROOT}/$batch`, init)))!;
      return { applied: response.headers.get('preference-applied'), statuses: ((await response.json()) as any).responses.map((r: any) => r.status) };
    };
    expect(await send('odata.continue-on-error=false')).toEqual({ applied: 'odata.continue-on-error=false', statuses: [404] });
    expect(await send('odata.continue-on-error')).toEqual({ applied: 'odata.continue-on-error=true', statuses: [404, 200] });
    expect(await send()).toEqual({ applied: null, statuses: [404, 200] });
    expect(await send('continue-on-error=false')).toMatchObject({ statuses: [404] });
    expect((await call('GET', '/People(1)')).status).toBe(200);
  });

  it('continue-on-error=false in a failed atomicity group: the group answers and is rolled back, then the batch stops', async () => {
    const { call } = service();
    const init: RequestInit = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Prefer: 'odata.continue-on-error=false' },
      body: JSON.stringify({
        requests: [
          { id: '1', atomicityGroup: 'g', method: 'POST', url: 'People', body: person(30) },
          { id: '2', atomicityGroup: 'g', method: 'POST', url: 'People', body: person(1) },
          { id: '3', atomicityGroup: 'g', method: 'POST', url: 'People', body: person(31) },
          { id: '4', method: 'GET', url: 'People' },
        ],
      }),
    };
    const handlers = createHandlers(model, { profile: 'odata', serviceRoot: ROOT, data: { '/People': [person(1)] } });
    const body = (await (await getResponse(handlers, new Request(`${ROOT}/$batch`, init)))!.json()) as any;
    expect(body.responses.map((r: any) => [r.id, r.status])).toEqual([['1', 424], ['2', 409], ['3', 424]]);
    const after = (await getResponse(handlers, new Request(`${ROOT}/People/$count`)))!;
    expect(await after.text()).toBe('1');
    expect((await call('GET', '/People(1)')).status).toBe(200);
  });

  it("a request with the 'if' member answers 501", async () => {
    const { batch } = service();
    const { body } = await batch([{ id: '1', method: 'GET', url: 'People(1)', if: 'true' }]);
    expect(body.responses[0]).toMatchObject({ status: 501, body: { error: { code: 'NotImplemented' } } });
  });
});

describe('$batch: urls', () => {
  it('odata profile: an absolute path is taken from the host, a relative one from the service root, absolute URLs as they are', async () => {
    const { batch } = service('odata');
    const { body } = await batch([
      { id: '1', method: 'GET', url: '/svc/People(1)' },
      { id: '2', method: 'GET', url: `${ROOT}/People(1)` },
      { id: '3', method: 'GET', url: '/People(1)' },
      { id: '4', method: 'GET', url: 'https://elsewhere.test/svc/People(1)' },
      { id: '5', method: 'GET', url: '$batch' },
    ]);
    expect(body.responses.map((r: any) => r.status)).toEqual([200, 200, 400, 400, 400]);
    expect(body.responses[2].body.error.message).toBe(`'/People(1)' is not below the service root ${ROOT}`);
    expect(body.responses[4].body.error.message).toMatch(/cannot itself be a batch/);
  });

  it('$<id> of a request that created nothing answers 400; system resources are no references', async () => {
    const { batch } = service();
    const { body } = await batch([
      { id: '1', method: 'GET', url: 'People(99)' },
      { id: '2', method: 'GET', url: '$1', dependsOn: ['1'] },
      { id: '3', method: 'GET', url: '$7' },
      { id: '4', method: 'GET', url: '$metadata' },
    ]);
    // `$metadata` goes to the handlers as a path (they do not serve it: 501), not as a reference.
    expect(body.responses.map((r: any) => r.status)).toEqual([404, 424, 400, 501]);
    expect(body.responses[2].body.error.message).toBe("'$7' names no earlier request of this batch that created or addressed an entity");
  });

  it('lenient profile: an absolute path below the root path is taken from the host, any other from the service root', async () => {
    const { batch } = service('lenient');
    const { body } = await batch([
      { id: '1', method: 'GET', url: '/svc/People(1)' },
      { id: '2', method: 'GET', url: '/People(1)' },
    ]);
    expect(body.responses.map((r: any) => r.status)).toEqual([200, 200]);
  });

  it('graph profile: an absolute path is relative to the version root, as Graph sends it', async () => {
    const { batch } = service('graph');
    const { body } = await batch([{ id: '1', method: 'GET', url: '/People(1)' }]);
    expect(body.responses[0].status).toBe(200);
  });
});

describe('$batch: malformed batches and the limits', () => {
  it.each([
    [{}, "the body must be a JSON object with an array 'requests'"],
    [{ requests: [{ method: 'GET', url: 'People' }] }, "requests[0] has no 'id' (a non-empty string)"],
    [{ requests: [{ id: '1', method: 'HEAD', url: 'People' }] }, "requests[0] ('1'): 'method' must be one of get, post, put, patch, delete"],
    [{ requests: [{ id: '1', method: 'GET', url: 'People' }, { id: '1', method: 'GET', url: 'People' }] }, "requests[1]: the id '1' is used twice (ids and atomicity groups must be unique)"],
    [{ requests: [{ id: '1', method: 'GET', url: 'People', dependsOn: ['2'] }, { id: '2', method: 'GET', url: 'People' }] }, "requests[0] ('1'): dependsOn '2' names no preceding request or atomicity group"],
    [{ requests: [{ id: '1', method: 'POST', url: 'People', body: {} }, { id: '2', method: 'GET', url: '$1' }] }, "requests[1] ('2'): the url references $1, so 'dependsOn' must list '1'"],
    [
      { requests: [{ id: '1', atomicityGroup: 'g', method: 'GET', url: 'People' }, { id: '2', method: 'GET', url: 'People' }, { id: '3', atomicityGroup: 'g', method: 'GET', url: 'People' }] },
      "requests[2] ('3'): the members of atomicity group 'g' must be adjacent",
    ],
    [{ requests: [{ id: '1', atomicityGroup: 'g', method: 'GET', url: 'People' }, { id: '2', atomicityGroup: 'g', method: 'GET', url: 'People', dependsOn: ['g'] }] }, "requests[1] ('2'): a request cannot depend on its own atomicity group 'g'"],
  ])('%j: 400, %s', (payload, message) => {
    expect(parseBatch(payload)).toBe(message);
  });

  it('a malformed batch answers 400 with an OData error', async () => {
    const { call } = service();
    expect(await call('POST', '/$batch', '{"requests": [')).toMatchObject({ status: 400, body: { error: { code: 'BadRequest', message: expect.stringMatching(/^The batch request body is not valid JSON/) } } });
    expect(await call('POST', '/$batch', { requests: 'x' })).toEqual({ status: 400, body: { error: { code: 'BadRequest', message: "Invalid batch request: the body must be a JSON object with an array 'requests'" } } });
  });

  it('multipart/mixed answers 415 asking for JSON; GET answers 405', async () => {
    const { call } = service();
    const multipart = await call('POST', '/$batch', '--b\r\n--b--', 'multipart/mixed; boundary=b');
    expect(multipart.status).toBe(415);
    expect(multipart.body.error.message).toMatch(/send the JSON batch format/);
    expect((await call('GET', '/$batch')).status).toBe(405);
  });

  it(`graph profile: more than ${GRAPH_BATCH_LIMIT} requests answer 400; the odata profile takes them`, async () => {
    const requests = Array.from({ length: GRAPH_BATCH_LIMIT + 1 }, (_, index) => ({ id: String(index), method: 'GET', url: 'People' }));
    const graph = await service('graph').batch(requests);
    expect(graph.status).toBe(400);
    expect(graph.body.error.message).toBe(`A batch holds at most ${GRAPH_BATCH_LIMIT} requests; this one has ${GRAPH_BATCH_LIMIT + 1}`);
    expect((await service('graph').batch(requests.slice(1))).status).toBe(200);
    expect((await service('odata').batch(requests)).status).toBe(200);
  });
});
