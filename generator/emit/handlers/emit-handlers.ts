import type { EmitContext, OutputFile } from '../emitter.ts';
import { headerSource } from '../header.ts';
import { packedPortableModelLiteral } from './model-json.ts';
import { seedPositions } from './positions.ts';

export const HANDLERS_FILE = 'handlers.gen.ts';
export const MODEL_FILE = 'model.gen.ts';

/**
 * `handlers.gen.ts`: `createHandlers` with `data` typed through the service's URL positions;
 * `model.gen.ts`: the model it serves, as packed JSON text, for `generatedModel()`.
 */
export function emitHandlers(context: EmitContext): OutputFile[] {
  const { model, templates } = context;
  const { root, aliases } = seedPositions(model);
  const source = headerSource(model);
  return [
    { path: HANDLERS_FILE, content: templates.render('handlers/handlers.hbs', { source, root, aliases }) },
    { path: MODEL_FILE, content: templates.render('handlers/model.hbs', { source, modelJson: packedPortableModelLiteral(model) }) },
  ];
}
