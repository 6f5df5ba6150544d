import { readdirSync, readFileSync } from 'node:fs';
import { packagePath } from '../../package-files.ts';
import type { OutputFile } from '../emitter.ts';

/** The client runtime's source folder, copied verbatim into the output's `runtime/client/`. */
export const RUNTIME_SOURCE = packagePath('generator/runtime/client/');
export const RUNTIME_OUTPUT = 'runtime/client';

/** Every module of the runtime, tests left out, sorted by name, with LF line ends. */
export function runtimeFiles(): OutputFile[] {
  return readdirSync(RUNTIME_SOURCE)
    .filter((file) => file.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(file))
    .sort()
    .map((file) => ({ path: `${RUNTIME_OUTPUT}/${file}`, content: readFileSync(`${RUNTIME_SOURCE}${file}`, 'utf8').replace(/\r\n?/g, '\n') }));
}
