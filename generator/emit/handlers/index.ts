/**
 * The handlers emitter: `handlers.gen.ts`, the typed variant of the conformance kit's
 * reference handlers (docs/conformance.md). It exports `createHandlers(model, options)`, which
 * calls `createHandlers` from `odatakit/conformance` with the same model and options, and
 * types `options.data` from the schema: each path is walked at the type level through the
 * service's URL positions, and its value typed with the read shapes of `types.gen.ts`.
 *
 * The file is a leaf: it imports `types.gen.ts`, `model.gen.ts` (the model as JSON text, for
 * `generatedModel()`) and `odatakit/conformance/handlers` (browser-safe; and so msw), and no
 * generated file imports it, so that the rest of the output stays free of msw.
 *
 * Public API:
 *   handlersEmitter: Emitter  (name 'handlers')
 *   emitHandlers(context: EmitContext): OutputFile[]  (handlers.gen.ts, model.gen.ts)
 *   portableModelJson(model: Model): string
 *   seedPositions(model: Model): { root: string; aliases: { name, path, text }[] }
 */
import type { Emitter } from '../emitter.ts';
import { emitHandlers } from './emit-handlers.ts';

export { HANDLERS_FILE, MODEL_FILE, emitHandlers } from './emit-handlers.ts';
export { portableModelJson } from './model-json.ts';
export { seedPositions, type PositionAlias, type SeedPositions } from './positions.ts';

export const handlersEmitter: Emitter = {
  name: 'handlers',
  emit: emitHandlers,
};
