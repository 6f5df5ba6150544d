import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserInputError } from '../../../generator/diagnostics/user-error.ts';
import { loadModel } from '../../../generator/load-model.ts';
import { EXAMPLE_CSDL, EXAMPLE_DOCS } from '../../../generator/testing/corpus.ts';
import { createHandlers } from '../../handlers/create-handlers.ts';
import { serveHandlers, type ServedHandlers } from '../../server/serve-handlers.ts';
import { runSuite } from '../run-suite.ts';
import { TargetError } from '../target-error.ts';
import { baseUrlTarget, isLoopback } from './base-url-target.ts';

/** The same suite against a real HTTP server on 127.0.0.1, started here. */
const { model } = loadModel({ csdl: [EXAMPLE_CSDL], docs: [EXAMPLE_DOCS] });

describe('the suite against a running server', () => {
  let reference: ServedHandlers;
  let broken: ServedHandlers;
  beforeAll(async () => {
    reference = await serveHandlers((origin) => createHandlers(model, { serviceRoot: `${origin}/v1.0` }));
    // The reference handlers, except that DELETE of the starting resource does nothing.
    broken = await serveHandlers((origin) => [
      http.delete(`${origin}/v1.0/policies/crossTenantAccessPolicy/partners/:id/identitySynchronization`, () => new HttpResponse(null, { status: 204, headers: { 'OData-Version': '4.0' } })),
      ...createHandlers(model, { serviceRoot: `${origin}/v1.0` }),
    ]);
  });
  afterAll(async () => {
    await reference.close();
    await broken.close();
  });

  it('the reference handlers served over HTTP pass every check (state/isolation is skipped: a server cannot be reset)', async () => {
    const report = await runSuite({ model, target: baseUrlTarget(`${reference.origin}/v1.0`), profile: 'graph' });
    expect(report.checks.filter((check) => check.status === 'fail')).toEqual([]);
    const skipped = report.checks.filter((check) => check.status === 'skip' && check.id === 'state/isolation');
    expect(skipped.map((check) => check.message)).toEqual(['a running server cannot be reset by the suite', 'a running server cannot be reset by the suite']);
    expect(report.summary.passed).toBeGreaterThan(120);
  });

  it('a failure says what was sent and came back, with a curl line', async () => {
    const report = await runSuite({ model, target: baseUrlTarget(`${broken.origin}/v1.0`), only: ['**/identitySynchronization'] });
    const failed = report.checks.filter((check) => check.status === 'fail');
    expect(failed.map((check) => check.id)).toEqual(['sequence/delete-read']);
    expect(failed[0]!.message).toContain('GET after DELETE answered 200: the entity is still there');
    expect(failed[0]!.message).toMatch(new RegExp(`reproduce: curl -i -X DELETE '${broken.origin}/v1\\.0/policies/crossTenantAccessPolicy/partners/odatakit-[a-z0-9]+-\\d+/identitySynchronization'`));
  });

  it('uses keys of its own per run, so that a second run against the same server does not collide', async () => {
    const target = baseUrlTarget(`${reference.origin}/v1.0`);
    const first = await runSuite({ model, target, only: ['**/partners'] });
    const second = await runSuite({ model, target, only: ['**/partners'] });
    expect(first.summary.failed + second.summary.failed).toBe(0);
  });

  it('stops before the run when nothing answers at the service root (not 53 failures)', async () => {
    const closed = await serveHandlers([]);
    await closed.close();
    const run = runSuite({ model, target: baseUrlTarget(`${closed.origin}/v1.0`, { timeoutMs: 2000 }), only: ['**/identitySynchronization'] });
    await expect(run).rejects.toThrow(TargetError);
    await expect(run).rejects.toThrow(/nothing answers at http:\/\/127\.0\.0\.1:\d+\/v1\.0 \(fetch failed: connect ECONNREFUSED/);
  });

  it('stops before the run when the base URL is a web server but not the service root', async () => {
    const page = await serveHandlers((origin) => [http.all(`${origin}/*`, () => new HttpResponse('<html>Cannot GET</html>', { status: 404, headers: { 'Content-Type': 'text/html' } }))]);
    try {
      await expect(runSuite({ model, target: baseUrlTarget(page.origin) })).rejects.toThrow(/is not an OData service root: GET .* answered 404 text\/html/);
    } finally {
      await page.close();
    }
  });

  it('stops with a clear message when the target goes away during the run', async () => {
    const served = await serveHandlers((origin) => createHandlers(model, { serviceRoot: `${origin}/v1.0` }));
    const target = baseUrlTarget(`${served.origin}/v1.0`);
    let sent = 0;
    const send = target.send;
    target.send = async (request) => {
      if (++sent === 12) await served.close();
      return send(request);
    };
    await expect(runSuite({ model, target })).rejects.toThrow(/the target stopped answering during the run \(after \d+ requests; the last was \w+ http/);
  });

  it('sends --header values but never shows them', async () => {
    const seen: string[] = [];
    const served = await serveHandlers((origin) => [
      http.all(`${origin}/*`, ({ request }) => {
        seen.push(request.headers.get('authorization') ?? '');
        return undefined;
      }),
      ...createHandlers(model, { serviceRoot: `${origin}/v1.0` }),
    ]);
    try {
      const broken = { ...baseUrlTarget(`${served.origin}/v1.0`, { headers: { Authorization: 'Bearer s3cret' } }) };
      const report = await runSuite({ model, target: broken, only: ['**/identitySynchronization'], profile: 'odata' });
      expect(seen.length).toBeGreaterThan(10);
      expect(new Set(seen)).toEqual(new Set(['Bearer s3cret']));
      const text = JSON.stringify(report.checks);
      expect(text).not.toContain('s3cret');
    } finally {
      await served.close();
    }
  });
});

describe('baseUrlTarget', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['[::1]', true],
    ['graph.microsoft.com', false],
    ['10.0.0.1', false],
  ])('%s is loopback: %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });

  it('refuses a remote base URL unless allowed, and a URL that is not http', () => {
    expect(() => baseUrlTarget('https://graph.microsoft.com/v1.0')).toThrow(UserInputError);
    expect(() => baseUrlTarget('https://graph.microsoft.com/v1.0', { allowRemote: true })).not.toThrow();
    expect(() => baseUrlTarget('ftp://127.0.0.1/')).toThrow(/must be an http or https URL/);
    expect(() => baseUrlTarget('http://127.0.0.1:3000', { serviceRoot: 'https://graph.microsoft.com/v1.0' })).toThrow(/--service-root host graph\.microsoft\.com is not a loopback address/);
  });
});
