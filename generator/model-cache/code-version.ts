import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What a cached model was built by: odatakit's package version and a hash of the code that
 * builds it, the folders of `generator/` that the model build imports (the TypeScript sources
 * in a checkout, the compiled JavaScript in a package), computed when the cache is first
 * used. A version constant would have to be bumped by hand at every change of the model
 * build; a hash cannot be forgotten. It costs reading that code once per process (about
 * 450 KB); a change to it that leaves the model alone only costs one rebuild. A test checks
 * that everything the build imports lies in these folders.
 */
const GENERATOR_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUILD_FOLDERS = ['csdl', 'diagnostics', 'graph-docs', 'model', 'model-cache', 'runtime', 'vocabularies'];

/**
 * Set by the build of the CLI bundle (bin/build-cli.mjs, through esbuild's `define`): the same
 * hash, computed there from the compiled files the bundle is made of, so a run of the installed
 * CLI reads no code to find it. Undefined everywhere else.
 */
declare const ODATAKIT_BUILT_CODE_VERSION: string | undefined;

let cached: string | undefined;

export function codeVersion(): string {
  cached ??= typeof ODATAKIT_BUILT_CODE_VERSION === 'string' ? ODATAKIT_BUILT_CODE_VERSION : computeCodeVersion(GENERATOR_ROOT);
  return cached;
}

export function computeCodeVersion(root: string): string {
  const hash = createHash('sha256');
  hash.update(`odatakit ${packageVersion(root)}\0`);
  for (const file of codeFiles(root)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * Code files of the build folders (not tests, fixtures or test helpers), as sorted relative
 * paths with `/`. Walked by hand rather than with readdirSync's `recursive`, which lists the
 * fixture and test-helper folders too and takes twice the time on Node 20 (12 against 6 ms of
 * the cache's warm load, measured in a cold process).
 */
function codeFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const file = `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(file);
      } else if (/\.(ts|js|mjs)$/.test(file) && !/\.d\.ts$|\.test\.ts$|\.test\.js$/.test(file)) files.push(file);
    }
  };
  for (const folder of BUILD_FOLDERS) if (existsSync(path.join(root, folder))) walk(folder);
  return files.sort();
}

/** Folders under the build folders that hold no build code. */
const SKIPPED_FOLDERS = new Set(['__fixtures__', 'testing', 'node_modules']);

/** The version in the nearest package.json named odatakit above `root`. */
function packageVersion(root: string): string {
  for (let folder = root; ; folder = path.dirname(folder)) {
    const file = path.join(folder, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'odatakit') return String(manifest.version);
    }
    if (path.dirname(folder) === folder) return 'unknown';
  }
}
