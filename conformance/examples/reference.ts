import { fileURLToPath } from 'node:url';
import { loadModel } from '../../generator/load-model.ts';
import { createHandlers } from '../handlers/create-handlers.ts';
import { createStore } from '../handlers/store.ts';

/**
 * The reference handlers for the bundled example (CSDL and doc pages in examples/), as a
 * handlers module: `odatakit conformance --handlers conformance/examples/reference.ts ...`.
 */
const root = fileURLToPath(new URL('../../examples/', import.meta.url));
const { model } = loadModel({ csdl: [`${root}csdl/cross-tenant-sync.xml`], docs: [`${root}docs`] });
const store = createStore();

export const handlers = createHandlers(model, { store, profile: (process.env['ODATAKIT_PROFILE'] as 'graph' | 'odata' | 'lenient' | undefined) ?? 'graph' });

export function reset(): void {
  store.reset();
}
