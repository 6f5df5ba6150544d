/**
 * The request-builders emitter: a typed, fluent client that follows the URL
 * (`client.policies.crossTenantAccessPolicy.partners.byId(id).identitySynchronization.get()`),
 * built from the model's operations.
 *
 * Output:
 * - `client.gen.ts`: `createClient(options): Client` and the builder interfaces, one per
 *   distinct position (shared where positions are equivalent), importing schema types from
 *   `types.gen.ts` (the ts-types emitter);
 * - `client-routes.gen.ts`: the route table the runtime reads for callables, composite keys
 *   and validation;
 * - `runtime/client/*.ts`: the runtime (generator/runtime/client/), copied verbatim.
 *
 * Public API:
 *   requestBuildersEmitter: Emitter  (name 'request-builders')
 *   emitClient(context: EmitContext): OutputFile[]    (the two generated files only)
 *   runtimeFiles(): OutputFile[]                      (the runtime copy only)
 */
import type { Emitter } from '../emitter.ts';
import { emitClient } from './emit-client.ts';
import { runtimeFiles } from './runtime-files.ts';

export { CLIENT_FILE, ROUTES_FILE, emitClient } from './emit-client.ts';
export { RUNTIME_OUTPUT, runtimeFiles } from './runtime-files.ts';

export const requestBuildersEmitter: Emitter = {
  name: 'request-builders',
  emit: (context) => [...emitClient(context), ...runtimeFiles()],
};
