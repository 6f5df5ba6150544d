import type { Emitter } from './emitter.ts';
import { tsTypesEmitter } from './ts-types/index.ts';
import { validatorsEmitter } from './validators/index.ts';
import { requestBuildersEmitter } from './request-builders/index.ts';
import { handlersEmitter } from './handlers/index.ts';

/**
 * Every emitter, by name, each after the emitters whose output its files import (`generate`
 * runs them last first, for memory: see generate.ts; the output is sorted, so order never
 * changes it). Each emitter owns the files it returns; paths must not collide across emitters
 * (the writer refuses duplicates). Add yours with one line; keep `ts-types` first, the others
 * import its `types.gen.ts`.
 */
export const EMITTERS: readonly Emitter[] = [
  tsTypesEmitter,
  validatorsEmitter,
  requestBuildersEmitter,
  handlersEmitter,
];
