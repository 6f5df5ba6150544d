import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The reference handlers are meant for `setupWorker` in the browser as well as `setupServer`
 * in Node: bundling them for the browser must need no Node built-in. (The model can be
 * built in the browser too, from CSDL text, with buildModel.)
 */
const ENTRY = `
import { setupWorker } from 'msw/browser';
import { createHandlers } from './create-handlers.ts';
import { buildModel } from '../../generator/model/build/build-model.ts';
import { DiagnosticCollector } from '../../generator/diagnostics/collector.ts';

export function start(csdl: string) {
  const model = buildModel([{ file: '$metadata', text: csdl }], new DiagnosticCollector());
  return setupWorker(...createHandlers(model)).start();
}
`;

describe('the reference handlers in the browser', () => {
  it('bundle for the browser with msw/browser and no Node built-ins', async () => {
    const result = await build({
      stdin: { contents: ENTRY, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('conformance/handlers/create-handlers.ts'))).toBe(true);
    expect(inputs.some((input) => input.includes('msw/lib/browser'))).toBe(true);
    expect(inputs.filter((input) => input.startsWith('node:') || input.includes('(disabled)'))).toEqual([]);
  });
});
