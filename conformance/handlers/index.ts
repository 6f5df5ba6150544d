/**
 * The browser-safe entry of the conformance kit (`odatakit/conformance/handlers`): the
 * reference msw handlers and what they need, with no Node built-in anywhere below, so that
 * they run under `setupWorker` (msw/browser) as well as `setupServer` (msw/node). The model
 * comes from CSDL (and Graph reference page) text with `modelFromText`, or from its
 * serialised form with `modelFromJson` (`generate` writes one beside `handlers.gen.ts`).
 * browser-bundle.test.ts bundles this entry for the browser and fails on any Node module.
 */
export { createHandlers } from './create-handlers.ts';
export { DEFAULT_SERVICE_ROOT, type HandlerOptions } from './options.ts';
export { createStore, type Store, type StoredEntity } from './store.ts';
export type { Profile } from '../profiles.ts';

// The model without the file system
export { modelFromText, type TextInputs, type TextModel } from '../../generator/load-model-text.ts';
export { modelFromJson } from '../../generator/model/json.ts';
export type { InputFile } from '../../generator/model/build/build-model.ts';
export type { Model } from '../../generator/model/types.ts';
export { DiagnosticCollector } from '../../generator/diagnostics/collector.ts';
export type { Diagnostic } from '../../generator/diagnostics/diagnostic.ts';
export { UserInputError } from '../../generator/diagnostics/user-error.ts';
