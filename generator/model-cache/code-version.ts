import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What a cached model was built by: odatakit's package version and a hash of the code in
 * odatakit's `generator/` folder (the TypeScript sources in a checkout, the compiled
 * JavaScript in a package), computed when the cache is first used. A version constant would
 * have to be bumped by hand at every change of the model build; a hash cannot be forgotten.
 * It costs reading the code once per process (under 1 MB, a few milliseconds), and any
 * change to the generator, even one that leaves the model alone, only costs one rebuild.
 */
const GENERATOR_ROOT = fileURLToPath(new URL('..', import.meta.url));

let cached: string | undefined;

export function codeVersion(): string {
  cached ??= computeCodeVersion(GENERATOR_ROOT);
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

/** Code files (not tests, fixtures or test helpers), as sorted relative paths with `/`. */
function codeFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => /\.(ts|js|mjs)$/.test(file) && !/\.d\.ts$|\.test\.ts$|\.test\.js$/.test(file))
    .filter((file) => !/(^|\/)(__fixtures__|testing|node_modules)\//.test(file))
    .sort();
}

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
