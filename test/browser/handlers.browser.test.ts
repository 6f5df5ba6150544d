import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { globSync } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../generator/testing/corpus.ts';
import { bundleForBrowser } from '../../generator/testing/browser-bundle.ts';
import type { ModelSource, Step } from './page/scenario.ts';
import { serveStatic, type StaticFile, type StaticServer } from './static-server.ts';

/**
 * The generated reference handlers in a real browser: headless Chromium opens a page that
 * starts msw's service worker (`setupWorker` from msw/browser) with `generated/handlers.gen.ts`
 * and runs the generated client's PUT, GET, PATCH and DELETE on the starting resource through
 * it (page/scenario.ts, bundled here by esbuild for the browser), with the model the generated
 * code carries and with one the page builds from the example's CSDL and doc pages as text.
 * Chromium is Debian's (`apt-get install chromium`; .ci/run installs it when missing).
 */
const CHROMIUM = '/usr/bin/chromium';
const chromiumInstalled = existsSync(CHROMIUM);
const SKIP_REASON = chromiumInstalled ? '' : ` (skipped: no Chromium at ${CHROMIUM}; install Debian's chromium package, as .ci/run does)`;

const TENANT = '3f8c2a71-5d4e-4b9a-a6c0-82e1f47d9b35';
const PAGE = fileURLToPath(new URL('./page/', import.meta.url));
const EXAMPLES = join(PROJECT_ROOT, 'examples');
/** The example's inputs, by path under examples/, served under /inputs/. */
const INPUTS = { csdl: globSync('csdl/*.xml', { cwd: EXAMPLES }).sort(), docs: globSync('docs/**/*.md', { cwd: EXAMPLES }).sort() };
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
      ...Object.fromEntries(
        [...INPUTS.csdl, ...INPUTS.docs].map((file): [string, StaticFile] => [`/inputs/${file}`, { type: 'text/plain; charset=utf-8', body: readFileSync(join(EXAMPLES, file), 'utf8') }]),
      ),
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the page in a fresh browser context (no worker registered yet) and runs the scenario. */
  async function runScenario(source: ModelSource): Promise<Step[]> {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        // Chromium logs every 4xx response; the one 404 expected here is checked below.
        if (message.type() === 'error' && !/^Failed to load resource: .* 404\b/.test(message.text())) pageErrors.push(message.text());
      });
      await page.goto(`${server.origin}/`);
      await page.waitForFunction(() => 'odatakitScenario' in globalThis, undefined, { timeout: 10_000 });
      return await page.evaluate(
        ([tenantId, from]) => (globalThis as unknown as { odatakitScenario(id: string, from: ModelSource): Promise<Step[]> }).odatakitScenario(tenantId, from),
        [TENANT, source] as const,
      );
    } finally {
      await context.close();
    }
  }

  function expectedSteps(): Step[] {
    const serviceRoot = `${server.origin}/graph/v1.0`;
    const entity = { tenantId: TENANT, displayName: 'Fabrikam', userSyncInbound: { isSyncAllowed: true } };
    const context = `${serviceRoot}/$metadata#policies/crossTenantAccessPolicy/partners/${TENANT}/identitySynchronization/$entity`;
    return [
      // The statuses the Graph pages document (the `graph` profile).
      { name: 'PUT', status: 204, value: null, controlled: true },
      { name: 'GET', status: 200, value: { '@odata.context': context, ...entity }, controlled: true },
      { name: 'PATCH', status: 204, value: null, controlled: true },
      // PATCH merges: the untouched userSyncInbound stays.
      { name: 'GET after PATCH', status: 200, value: { '@odata.context': context, ...entity, displayName: 'Contoso' }, controlled: true },
      { name: 'DELETE', status: 204, value: null, controlled: true },
      { name: 'GET after DELETE', status: 404, value: null, error: '404 ResourceNotFound', controlled: true },
    ];
  }

  it("runs the generated client's PUT, GET, PATCH and DELETE on the starting resource through the worker (generatedModel)", async () => {
    const steps = await runScenario('generated');
    expect(pageErrors).toEqual([]);
    expect(steps).toEqual(expectedSteps());
    // Every call was answered by the worker: none reached the network (the static server).
    expect(server.misses).toEqual([]);
  });

  it('does the same with a model the page builds from the CSDL and doc pages as text (modelFromText)', async () => {
    expect(INPUTS.csdl).toHaveLength(1);
    expect(INPUTS.docs).toHaveLength(6); // the PUT is documented only on a page
    const steps = await runScenario(INPUTS);
    expect(pageErrors).toEqual([]);
    expect(steps).toEqual(expectedSteps());
    expect(server.misses).toEqual([]);
  });
});
