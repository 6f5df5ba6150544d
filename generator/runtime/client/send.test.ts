import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from './__fixtures__/fake-fetch.ts';
import { ODataRequestError, ODataValidationError } from './errors.ts';
import { send, type ClientOptions, type ValidationCheck } from './send.ts';

const url = 'https://example.test/v1/users';
const client = (fetch: ClientOptions['fetch'], extra: Partial<ClientOptions> = {}): ClientOptions => ({ baseUrl: 'https://example.test/v1', fetch, ...extra });

describe('send: responses', () => {
  it('parses a JSON body', async () => {
    const fake = fakeFetch(() => ({ json: { value: [{ id: '1' }] } }));
    await expect(send(client(fake.fetch), { method: 'GET', url })).resolves.toEqual({ value: [{ id: '1' }] });
    expect(fake.requests[0]).toEqual({ method: 'GET', url, headers: { accept: 'application/json' } });
  });

  it('maps 204 and empty bodies to undefined', async () => {
    await expect(send(client(fakeFetch(() => ({ status: 204 })).fetch), { method: 'DELETE', url })).resolves.toBeUndefined();
    await expect(send(client(fakeFetch(() => ({ status: 200, text: '' })).fetch), { method: 'PATCH', url })).resolves.toBeUndefined();
  });

  it('returns other content as bytes', async () => {
    const fake = fakeFetch(() => ({ text: 'a,b\n1,2', contentType: 'text/csv' }));
    const value = await send(client(fake.fetch), { method: 'GET', url });
    expect(new TextDecoder().decode(value as ArrayBuffer)).toBe('a,b\n1,2');
  });

  it('raises an OData error with status, code, message, method and URL', async () => {
    const error = { error: { code: 'Request_ResourceNotFound', message: "Resource 'x' does not exist.", innerError: { date: 'd' } } };
    const fake = fakeFetch(() => ({ status: 404, json: error }));
    const failure = await send(client(fake.fetch), { method: 'GET', url }).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(ODataRequestError);
    expect(failure).toMatchObject({ name: 'ODataRequestError', status: 404, method: 'GET', url, code: 'Request_ResourceNotFound', body: error });
    expect((failure as Error).message).toBe(`GET ${url} failed (404): Request_ResourceNotFound: Resource 'x' does not exist.`);
  });

  it('raises an error without body for a non-OData error page', async () => {
    const fake = fakeFetch(() => ({ status: 502, text: '<html>Bad gateway</html>', contentType: 'text/html' }));
    await expect(send(client(fake.fetch), { method: 'POST', url, body: {} })).rejects.toMatchObject({
      status: 502,
      body: undefined,
      code: undefined,
      text: '<html>Bad gateway</html>',
      message: `POST ${url} failed (502): HTTP 502`,
    });
  });

  it('raises an error for a success whose JSON is malformed', async () => {
    const fake = fakeFetch(() => ({ status: 200, text: '{"value": [', contentType: 'application/json' }));
    await expect(send(client(fake.fetch), { method: 'GET', url })).rejects.toThrow(/not valid JSON/);
  });
});

describe('send: requests', () => {
  it('sends a JSON body with its content type', async () => {
    const fake = fakeFetch(() => ({ status: 201, json: { id: '1' } }));
    await send(client(fake.fetch), { method: 'POST', url, body: { displayName: 'A' } });
    expect(fake.requests[0]).toMatchObject({ body: { displayName: 'A' }, headers: { accept: 'application/json', 'content-type': 'application/json' } });
  });

  it('merges client and request headers, case-insensitively, request last', async () => {
    const fake = fakeFetch();
    const headers = async (): Promise<Record<string, string>> => ({ Authorization: 'Bearer t', Prefer: 'a' });
    await send(client(fake.fetch, { headers }), { method: 'DELETE', url, options: { headers: { prefer: 'b', 'If-Match': '*' } } });
    expect(fake.requests[0]!.headers).toEqual({ accept: 'application/json', authorization: 'Bearer t', prefer: 'b', 'if-match': '*' });
  });

  it('passes the abort signal through', async () => {
    const fake = fakeFetch();
    const signal = new AbortController().signal;
    await send(client(fake.fetch), { method: 'DELETE', url, options: { signal } });
    expect(fake.requests[0]!.signal).toBe(signal);
  });
});

describe('send: fetch', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uses globalThis.fetch by default, called as a plain function', async () => {
    const fake = fakeFetch(() => ({ json: { ok: true } }));
    const spy = vi.fn(fake.fetch);
    vi.stubGlobal('fetch', spy);
    await expect(send({ baseUrl: 'https://example.test' }, { method: 'GET', url })).resolves.toEqual({ ok: true });
    expect(spy).toHaveBeenCalledOnce();
  });

  it('says so when there is no fetch at all', async () => {
    vi.stubGlobal('fetch', undefined);
    await expect(send({ baseUrl: 'https://example.test' }, { method: 'GET', url })).rejects.toThrow(/no fetch/);
  });
});

describe('send: validation hook', () => {
  const request = { type: 'ns.user', collection: false, mode: 'create' as const };
  const response = { type: 'ns.user', collection: false, mode: 'read' as const };

  it('refuses an invalid request body before sending it', async () => {
    const fake = fakeFetch();
    const validate = (check: ValidationCheck) => (check.phase === 'request' ? [{ path: '/displayName', message: 'expected a string' }] : []);
    const failure = await send(client(fake.fetch, { validate }), { method: 'POST', url, body: { displayName: 1 }, request, response }).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(ODataValidationError);
    expect(failure).toMatchObject({ phase: 'request', method: 'POST', url, issues: [{ path: '/displayName' }] });
    expect(fake.requests).toHaveLength(0);
  });

  it('lets warnings through and checks responses, unwrapping single values', async () => {
    const checks: ValidationCheck[] = [];
    const fake = fakeFetch(() => ({ json: { value: 'x' } }));
    const validate = (check: ValidationCheck) => {
      checks.push(check);
      return [{ message: 'unknown property', severity: 'warning' as const }];
    };
    await send(client(fake.fetch, { validate }), { method: 'POST', url, body: {}, request, response: { type: 'Edm.String', collection: false, mode: 'read', unwrap: true } });
    expect(checks.map(({ phase, type, mode, body }) => ({ phase, type, mode, body }))).toEqual([
      { phase: 'request', type: 'ns.user', mode: 'create', body: {} },
      { phase: 'response', type: 'Edm.String', mode: 'read', body: 'x' },
    ]);
  });

  it('fails on an invalid response', async () => {
    const fake = fakeFetch(() => ({ json: { id: 5 } }));
    const validate = (check: ValidationCheck) => (check.phase === 'response' ? [{ path: '/id', message: 'expected a string', severity: 'error' as const }] : undefined);
    await expect(send(client(fake.fetch, { validate }), { method: 'GET', url, response })).rejects.toMatchObject({ name: 'ODataValidationError', phase: 'response' });
  });
});
