import { readdirSync, readFileSync } from 'node:fs';
import { packagePath } from '../../package-files.ts';
import type { OutputFile } from '../emitter.ts';

/**
 * The validation runtime, copied verbatim into the output's `runtime/validation/` folder
 * (tests left out). It imports nothing from outside its folder, so the copy works alone.
 */
export const RUNTIME_FOLDER = 'runtime/validation';
const SOURCE = packagePath('generator/runtime/validation/');

let cached: OutputFile[] | undefined;

export function validationRuntimeFiles(): OutputFile[] {
  cached ??= readdirSync(SOURCE)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.test-d.ts'))
    .sort()
    .map((file) => ({ path: `${RUNTIME_FOLDER}/${file}`, content: readFileSync(`${SOURCE}${file}`, 'utf8').replace(/\r\n?/g, '\n') }));
  return cached.map((file) => ({ ...file }));
}
