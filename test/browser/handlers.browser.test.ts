import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser } from '../../generator/testing/browser-bundle.ts';
import type { Step } from './page/scenario.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/**
 * The generated reference handlers in a real browser: headless Chromium opens a page that
 * starts msw's service worker (`setupWorker` from msw/browser) with `generated/handlers.gen.ts`
 * and runs the generated client's PUT, GET, PATCH and DELETE on the starting resource through
 * it (page/scenario.ts, bundled here by esbuild for the browser). Chromium is Debian's
 * (`apt-get install chromium`; .ci/run installs it when missing).
 */
const CHROMIUM = '/usr/bin/chromium';
const chromiumInstalled = existsSync(CHROMIUM);
const SKIP_REASON = chromiumInstalled ? '' : ` (skipped: no Chromium at ${CHROMIUM}; install Debian's chromium package, as .ci/run does)`;

const TENANT = '3f8c2a71-5d4e-4b9a-a6c0-82e1f47d9b35';
const PAGE = fileURLToPath(new URL('./page/', import.meta.url));
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe.skipIf(!chromiumInstalled)(`generated handlers under msw's worker in headless Chromium${SKIP_REASON}`, () => {
  let server: StaticServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const bundle = await bundleForBrowser(`import { scenario } from './scenario.ts';\nObject.assign(globalThis, { odatakitScenario: scenario });`, PAGE);
    expect(bundle.nodeOnly).toEqual([]);
    const worker = readFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), 'utf8');
    const html = readFileSync(new URL('./page/index.html', import.meta.url), 'utf8');
    server = await serveStatic({
      '/': { type: 'text/html; charset=utf-8', body: html },
      '/scenario.js': { type: 'text/javascript; charset=utf-8', body: bundle.code },
      '/mockServiceWorker.js': { type: 'text/javascript; charset=utf-8', body: worker },
      '/favicon.ico': { type: 'image/x-icon', body: '' },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("runs the generated client's PUT, GET, PATCH and DELETE on the starting resource through the worker", async () => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // Chromium logs every 4xx response; the one 404 expected here is checked below.
      if (message.type() === 'error' && !/^Failed to load resource: .* 404\b/.test(message.text())) pageErrors.push(message.text());
    });
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => 'odatakitScenario' in globalThis, undefined, { timeout: 10_000 });
    const steps = await page.evaluate(
      (tenantId) => (globalThis as unknown as { odatakitScenario(id: string): Promise<Step[]> }).odatakitScenario(tenantId),
      TENANT,
    );
    await page.close();

    const serviceRoot = `${server.origin}/graph/v1.0`;
    const entity = { tenantId: TENANT, displayName: 'Fabrikam', userSyncInbound: { isSyncAllowed: true } };
    const context = `${serviceRoot}/$metadata#policies/crossTenantAccessPolicy/partners/${TENANT}/identitySynchronization/$entity`;
    expect(pageErrors).toEqual([]);
    expect(steps).toEqual([
      // The statuses the Graph pages document (the `graph` profile).
      { name: 'PUT', status: 204, value: null, controlled: true },
      { name: 'GET', status: 200, value: { '@odata.context': context, ...entity }, controlled: true },
      { name: 'PATCH', status: 204, value: null, controlled: true },
      // PATCH merges: the untouched userSyncInbound stays.
      { name: 'GET after PATCH', status: 200, value: { '@odata.context': context, ...entity, displayName: 'Contoso' }, controlled: true },
      { name: 'DELETE', status: 204, value: null, controlled: true },
      { name: 'GET after DELETE', status: 404, value: null, error: '404 ResourceNotFound', controlled: true },
    ]);
    // Every call was answered by the worker: none reached the network (the static server).
    expect(server.misses).toEqual([]);
  });
});
