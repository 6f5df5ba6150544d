import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../../generator/load-model.ts';
import type { Model } from '../../generator/model/types.ts';

/**
 * The SAP CAP bookshop of test/servers/cap (a real OData V4 server: @sap/cds 9 with an
 * in-memory SQLite database), started on 127.0.0.1 at a free port for one test file and
 * stopped afterwards. The sub-package is installed by `.ci/run` (`npm ci` in test/servers/cap).
 */
const DIR = fileURLToPath(new URL('../servers/cap/', import.meta.url));

export const capInstalled = existsSync(`${DIR}node_modules/@sap/cds/package.json`) && existsSync(`${DIR}node_modules/@cap-js/sqlite/package.json`);
export const CAP_SKIP_REASON = capInstalled ? '' : ' (skipped: the CAP test server is not installed; run `npm ci --prefix test/servers/cap`)';

export interface CapServer {
  /** The service root, e.g. http://127.0.0.1:41234/odata/v4/catalog */
  serviceRoot: string;
  stop(): Promise<void>;
}

/** The model of the running server's own $metadata (fetched over HTTP, read from a scratch file), for reference handlers beside it. */
export async function capModel(cap: CapServer): Promise<Model> {
  const file = join(mkdtempSync(join(tmpdir(), 'odatakit-cap-model-')), 'metadata.xml');
  writeFileSync(file, await (await fetch(`${cap.serviceRoot}/$metadata`)).text());
  return loadModel({ csdl: [file] }).model;
}

export async function startCap(): Promise<CapServer> {
  const child = spawn(process.execPath, ['server.js'], { cwd: DIR, env: { ...process.env, PORT: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const serviceRoot = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the CAP server did not start within 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((text) => text.startsWith('{"url"'));
      if (!line) return;
      clearTimeout(timer);
      const { url, service } = JSON.parse(line) as { url: string; service: string };
      resolve(`${url}${service}`);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the CAP server exited with ${code}:\n${output}`));
    });
  });
  return { serviceRoot, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}
