import type { EmitContext, OutputFile } from '../emitter.ts';
import { headerSource } from '../header.ts';
import { seedPositions } from './positions.ts';

export const HANDLERS_FILE = 'handlers.gen.ts';

/** `handlers.gen.ts`: `createHandlers` with `data` typed through the service's URL positions. */
export function emitHandlers(context: EmitContext): OutputFile[] {
  const { model, templates } = context;
  const { root, aliases } = seedPositions(model);
  return [{ path: HANDLERS_FILE, content: templates.render('handlers/handlers.hbs', { source: headerSource(model), root, aliases }) }];
}
