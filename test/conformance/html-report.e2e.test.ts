import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../generator/testing/corpus.ts';
import { runCli } from '../../generator/testing/run-cli.ts';

/**
 * `--report html` opened in headless Chromium (Debian's; .ci/run installs it when missing): one
 * self-contained file that loads nothing, failures first with their exchanges and reproduce
 * lines, filters by check, severity, status and operation. A screenshot is kept under tmp/
 * (ignored by git) as the test's artifact.
 */
const CHROMIUM = '/usr/bin/chromium';
const chromiumInstalled = existsSync(CHROMIUM);
const SKIP_REASON = chromiumInstalled ? '' : ` (skipped: no Chromium at ${CHROMIUM}; install Debian's chromium package, as .ci/run does)`;
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = join(PROJECT_ROOT, 'tmp', 'artifacts');

describe.skipIf(!chromiumInstalled)(`the HTML report in headless Chromium${SKIP_REASON}`, () => {
  let browser: Browser;
  let file: string;
  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'odatakit-html-')), 'report.html');
    // The docs alone: the starting resource as its pages describe it, against a mock with plain errors.
    const result = runCli(['conformance', '--docs', 'examples/docs', '--handlers', 'conformance/examples/mocks/plain-errors.ts', '--report', 'html', '--out', file]);
    expect(result.status).toBe(1);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows failures first, each with its exchange, and filters by severity, check and operation', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(file).href);
    expect(errors).toEqual([]);
    // Self-contained: the page itself is the only request.
    expect(requests).toEqual([pathToFileURL(file).href]);
    await expect(page.locator('#summary').textContent()).resolves.toMatch(/^\d+ passed, 4 failed, \d+ skipped$/);
    const statuses = await page.locator('#checks > details').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset['status']));
    expect(statuses.slice(0, 4)).toEqual(['fail', 'fail', 'fail', 'fail']);
    // Then the skips, then the passes.
    const rest = statuses.slice(4).join(' ');
    expect(rest).toMatch(/^(skip )*(pass ?)+$/);
    const first = page.locator('#checks > details').first();
    await first.locator('summary').click();
    await expect(first.locator('.id').textContent()).resolves.toBe('error/shape');
    await expect(first.locator('pre.request').first().textContent()).resolves.toMatch(/^(GET|PUT|PATCH|DELETE) https:\/\/graph\.microsoft\.com\/v1\.0\/policies\/crossTenantAccessPolicy\/partners\//);
    await expect(first.locator('pre.reproduce').first().textContent()).resolves.toMatch(/^await fetch\("https:\/\/graph\.microsoft\.com\/v1\.0\//);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'conformance-html-report.png'), fullPage: false });

    await page.selectOption('#filter-status', 'fail');
    await expect(page.locator('#shown').textContent()).resolves.toMatch(/^4 of \d+ checks shown$/);
    await page.selectOption('#filter-status', '');
    await page.selectOption('#filter-severity', 'SHOULD');
    const severities = await page.locator('#checks > details:not([hidden]) .severity').allTextContents();
    expect(severities.length).toBeGreaterThan(0);
    expect(new Set(severities)).toEqual(new Set(['SHOULD']));
    await page.selectOption('#filter-severity', '');
    await page.selectOption('#filter-check', 'status/success');
    await page.fill('#filter-operation', 'PATCH');
    const shown = await page.locator('#checks > details:not([hidden])').evaluateAll((items) => items.map((item) => `${(item as HTMLElement).dataset['check']} ${(item as HTMLElement).dataset['operation']}`));
    expect(shown).toEqual(['status/success PATCH /policies/crossTenantAccessPolicy/partners/{id}/identitySynchronization']);
    await page.close();
  });
});
