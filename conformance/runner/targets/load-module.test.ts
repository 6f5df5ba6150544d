import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importModule, loadHandlersModule, TypeScriptUnavailable, type ModuleLoaders } from './load-module.ts';

/**
 * A user's `--handlers` module in TypeScript: Node's own type stripping where the Node has it,
 * else tsx (an optional peer dependency), else a message that says what to install. The same
 * without tsx, in a real Node 20 and Node 24, is in test/package/.
 */
const folder = mkdtempSync(join(tmpdir(), 'odatakit-load-module-'));
const file = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};
// Type annotations Node 20 cannot run; a handler is anything with run() (the shape the loader checks).
const mock = file('mock.ts', 'interface Handler { run(): unknown }\nexport const handlers: Handler[] = [{ run: (): undefined => undefined }];\n');

/** Loaders that record which one ran; `tsx: false` fails the way an uninstalled tsx does. */
function loaders(options: { strips: boolean; tsx: boolean; native?: (url: string) => Promise<Record<string, unknown>> }) {
  const calls: string[] = [];
  const value: ModuleLoaders = {
    nodeStripsTypes: options.strips,
    importNative: async (url) => (calls.push('native'), options.native ? options.native(url) : { from: 'native' }),
    importWithTsx: async () => {
      calls.push('tsx');
      if (!options.tsx) throw Object.assign(new Error("Cannot find package 'tsx' imported from /x/load-module.js"), { code: 'ERR_MODULE_NOT_FOUND' });
      return { from: 'tsx' };
    },
  };
  return { value, calls };
}

describe('importing a handlers module', () => {
  it('imports JavaScript with Node, never through tsx', async () => {
    const { value, calls } = loaders({ strips: false, tsx: true });
    expect(await importModule('/x/mock.mjs', value)).toEqual({ from: 'native' });
    expect(calls).toEqual(['native']);
  });

  it('lets Node strip the types where it can, and uses tsx where it cannot', async () => {
    const strips = loaders({ strips: true, tsx: true });
    expect(await importModule('/x/mock.ts', strips.value)).toEqual({ from: 'native' });
    expect(strips.calls).toEqual(['native']);
    const old = loaders({ strips: false, tsx: true });
    expect(await importModule('/x/mock.mts', old.value)).toEqual({ from: 'tsx' });
    expect(old.calls).toEqual(['tsx']);
    const jsx = loaders({ strips: true, tsx: true });
    expect(await importModule('/x/mock.tsx', jsx.value)).toEqual({ from: 'tsx' });
    expect(jsx.calls).toEqual(['tsx']);
  });

  it('falls back to tsx for syntax Node cannot erase (an enum), and only then', async () => {
    const refuse = (code: string) => async () => Promise.reject(Object.assign(new Error(`${code}: no`), { code }));
    const enumSyntax = loaders({ strips: true, tsx: true, native: refuse('ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX') });
    expect(await importModule('/x/mock.ts', enumSyntax.value)).toEqual({ from: 'tsx' });
    const thrown = loaders({ strips: true, tsx: true, native: refuse('ERR_SOMETHING_ELSE') });
    await expect(importModule('/x/mock.ts', thrown.value)).rejects.toThrow('ERR_SOMETHING_ELSE');
    expect(thrown.calls).toEqual(['native']);
  });

  it('says what to install when neither Node nor tsx can load TypeScript', async () => {
    const { value } = loaders({ strips: false, tsx: false });
    const error = await importModule('/x/mock.ts', value).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeScriptUnavailable);
    expect((error as Error).message).toMatch(/^it is TypeScript, and Node \S+ cannot load TypeScript by itself .*: install tsx beside odatakit \(npm install --save-dev tsx\), or give a JavaScript module$/);
    const enumSyntax = loaders({ strips: true, tsx: false, native: async () => Promise.reject(Object.assign(new Error('TypeScript enum is not supported in strip-only mode'), { code: 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX' })) });
    await expect(importModule('/x/mock.ts', enumSyntax.value)).rejects.toThrow(/cannot strip its types \(TypeScript enum is not supported in strip-only mode\): install tsx/);
  });

  it('loads a TypeScript mock for real, with this Node and the tsx the repository has', async () => {
    const loaded = await loadHandlersModule(mock);
    expect(loaded.handlers).toHaveLength(1);
  });
});
