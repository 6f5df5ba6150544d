/**
 * The TypeScript types emitter. CONTRACT for the other emitters (validators, request builders),
 * which import these names from `types.gen.ts` at the root of --out:
 *
 * - For every schema type (entity, complex, enum, type definition) `qname`: an exported type
 *   named `typeName(model, qname)` (generator/emit/naming.ts). For an entity or complex type
 *   that has derived types it is the union of the type and all its (non-abstract) derived
 *   types, each member told apart by its `'@odata.type'` literal (`'#microsoft.graph.user'`);
 *   a type without derived types is a plain interface. All read properties are optional
 *   (`$select` can leave any out); nullable ones add `| null`; collections are arrays.
 * - For every entity or complex type: `<Name>Create` (POST/PUT body) and `<Name>Update`
 *   (PATCH body) input shapes. Get their exact names from `inputTypeNames(model)` in
 *   ./names.ts (they only differ from `${name}Create` / `${name}Update` when a schema type
 *   already uses that name). Which properties they hold is decided by ./input-rules.ts
 *   (`isCreatable`, `isUpdatable`), shared so validators agree with the types.
 * - `ODataCollection<T>` (`value`, `@odata.nextLink`, `@odata.count`, `@odata.context`) and
 *   `ODataError` (`{ error: { code, message, target?, details?, innerError? } }`); exact names
 *   from `inputTypeNames(model).collection` / `.error` (same caveat).
 * The file imports nothing and uses no global type names, so schema types may be called
 * `Date` or `Error` without breaking it.
 */
import type { Emitter } from '../emitter.ts';
import { emitTypes } from './emit-types.ts';

export const TYPES_FILE = 'types.gen.ts';

export const tsTypesEmitter: Emitter = {
  name: 'ts-types',
  emit: (context) => [{ path: TYPES_FILE, content: emitTypes(context) }],
};
