/**
 * The validation runtime: a validation table (plain data) interpreted by one small engine.
 * Copied verbatim into generated output as `runtime/validation/`; it imports nothing from
 * outside this folder and has no dependency.
 */

// The engine
export { createEngine, type Engine, type EngineOptions } from './engine.js';

// Typed entry points for generated code
export { isValid, typeValidator, type EntryOptions, type TypeValidator, type ValidationResult } from './entry.js';

// Data shapes
export {
  PROPERTY_FLAGS,
  type EnumTypeEntry,
  type EvolvableEnumPolicy,
  type IssueSeverity,
  type NavigationEntry,
  type PropertyEntry,
  type PropertyFacets,
  type StructuredTypeEntry,
  type TypeDefinitionEntry,
  type TypeEntry,
  type ValidateOptions,
  type ValidationIssue,
  type ValidationIssueCode,
  type ValidationMode,
  type ValidationTable,
} from './types.js';

// Helpers for callers that report issues
export { escapeToken, formatPointer } from './pointer.js';

// For generated acceptors (acceptors.gen.ts)
export { acceptsUndeclared, primitiveOf, quickDate, quickDateTimeOffset, quickGuid, type Acceptor, type Acceptors, type AcceptWalk } from './accept.js';
