import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the CLI caches models unless told otherwise: `node_modules/.cache/odatakit` of the
 * project in the working folder, the place build tools share (Babel, ESLint, Vite...).
 * Outside a project (no node_modules folder here) there is no default: odatakit does not
 * create folders the user did not ask for; `--cache <dir>` still caches.
 */
export function defaultCacheDir(cwd = process.cwd()): string | undefined {
  const modules = path.join(cwd, 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'odatakit') : undefined;
}
