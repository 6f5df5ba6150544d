import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { defaultCacheDir } from '../model-cache/default-dir.ts';

/** Repeatable options: `--csdl a.xml --csdl b.xml` or `--csdl a.xml b.xml`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Repeatable `--header 'Name: value'` (for fetching `--csdl https://...`), into a header record. */
export function header(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const colon = value.indexOf(':');
  const name = colon === -1 ? '' : value.slice(0, colon).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new InvalidArgumentError("expected 'Name: value', e.g. 'Authorization: Bearer ...'");
  return { ...previous, [name]: value.slice(colon + 1).trim() };
}

export function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
    }
    return value as T;
  };
}

/**
 * `--cache <dir>` and `--no-cache`, for commands that build a model: commander gives the
 * folder, `false`, or nothing (the default folder, node_modules/.cache/odatakit of the project).
 */
export function addCacheOptions(command: Command): Command {
  return command
    .option('--cache <dir>', 'cache the model built from the CSDL files in this folder (default: node_modules/.cache/odatakit when there is a node_modules folder)')
    .option('--no-cache', 'build the model from the CSDL files, without reading or writing the cache');
}

/** The cache folder for loadModel, or undefined for no cache. */
export function cacheFolder(option: string | boolean | undefined, cwd = process.cwd()): string | undefined {
  if (option === false) return undefined;
  return typeof option === 'string' ? resolve(cwd, option) : defaultCacheDir(cwd);
}
