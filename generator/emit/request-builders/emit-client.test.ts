import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { loadModel } from '../../load-model.ts';
import { emptyModel } from '../../model/build/build-model.ts';
import { EXAMPLE_CSDL } from '../../testing/corpus.ts';
import { EMITTERS } from '../registry.ts';
import { createTemplateRenderer } from '../templates.ts';
import { CLIENT_FILE, requestBuildersEmitter, ROUTES_FILE, RUNTIME_OUTPUT } from './index.ts';
import { RUNTIME_SOURCE } from './runtime-files.ts';

const emit = () => {
  const { model } = loadModel({ csdl: [EXAMPLE_CSDL] });
  const context = { model, templates: createTemplateRenderer(), options: { ieee754Compatible: false }, diagnostics: new DiagnosticCollector() };
  return requestBuildersEmitter.emit(context);
};

describe('the request-builders emitter on the bundled example', () => {
  const files = emit();
  const content = (path: string): string => files.find((file) => file.path === path)!.content;

  it('is registered after the types it imports', () => {
    const names = EMITTERS.map((emitter) => emitter.name);
    expect(names).toContain('request-builders');
    expect(names.indexOf('request-builders')).toBeGreaterThan(names.indexOf('ts-types'));
  });

  it('writes the client and its route table', async () => {
    await expect(content(CLIENT_FILE)).toMatchFileSnapshot('./__snapshots__/example-client.gen.ts.snap');
    await expect(content(ROUTES_FILE)).toMatchFileSnapshot('./__snapshots__/example-client-routes.gen.ts.snap');
  });

  it('copies the runtime verbatim, without its tests', () => {
    const runtime = files.filter((file) => file.path.startsWith(`${RUNTIME_OUTPUT}/`));
    expect(runtime.map((file) => file.path)).toContain(`${RUNTIME_OUTPUT}/index.ts`);
    expect(runtime.filter((file) => /test|__fixtures__/.test(file.path))).toEqual([]);
    for (const file of runtime) expect(file.content).toBe(readFileSync(`${RUNTIME_SOURCE}${file.path.slice(RUNTIME_OUTPUT.length + 1)}`, 'utf8'));
  });

  it('gives byte-identical output on a second run, with LF line ends only', () => {
    expect(emit()).toEqual(files);
    expect(files.filter((file) => file.content.includes('\r'))).toEqual([]);
  });
});

describe('the request-builders emitter on an empty model', () => {
  it('writes a client without members and an empty route table', () => {
    const context = { model: emptyModel(), templates: createTemplateRenderer(), options: { ieee754Compatible: false }, diagnostics: new DiagnosticCollector() };
    const files = requestBuildersEmitter.emit(context);
    expect(files.find((file) => file.path === CLIENT_FILE)!.content).toContain('export interface Client extends R.Batching<Client> {\n}');
    expect(files.find((file) => file.path === ROUTES_FILE)!.content).toContain(`'{"version":1,"root":{},"types":[' +`);
  });
});
