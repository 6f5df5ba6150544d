/**
 * odatakit's generator API (the package's main entry, `import ... from 'odatakit'`): the model
 * from CSDL and Graph reference pages, validation against it, the schema diff, the docs
 * validator and code generation. The conformance kit is `odatakit/conformance`; the runtimes
 * generated code uses are `odatakit/runtime/validation` and `odatakit/runtime/client`.
 */

// Loading the model
export { loadModel, type LoadedModel, type ModelInputs } from './load-model.ts';
export { buildModel, emptyModel, type InputFile } from './model/build/build-model.ts';

// The model (plain, JSON-serialisable data)
export {
  EDM_PRIMITIVES,
  type Annotated,
  type Annotation,
  type AnnotationValue,
  type Callable,
  type Capabilities,
  type ComplexType,
  type DocExample,
  type EntityContainer,
  type EntitySet,
  type EntityType,
  type EnumMember,
  type EnumType,
  type Facets,
  type HttpMethod,
  type Model,
  type NavigationProperty,
  type NavigationPropertyBinding,
  type Operation,
  type OperationImport,
  type OperationIntent,
  type Origin,
  type Parameter,
  type PathSegment,
  type Property,
  type QualifiedName,
  type Schema,
  type SchemaType,
  type Singleton,
  type SourcePosition,
  type StructuralProperty,
  type StructuredType,
  type TypeDefinition,
  type TypeReference,
} from './model/types.ts';

// Diagnostics
export { DiagnosticCollector } from './diagnostics/collector.ts';
export type { Diagnostic } from './diagnostics/diagnostic.ts';
export type { DiagnosticCode, Severity } from './diagnostics/codes.ts';
export { UserInputError } from './diagnostics/user-error.ts';

// Validating values against the model
export { createValidator, type Validator } from './emit/validators/create-validator.ts';
export type { ValidateOptions, ValidationIssue, ValidationMode } from './runtime/validation/index.ts';

// Comparing two models
export { diffModels } from './diff/diff-models.ts';
export type { Change, DiffReport, SemverBump, Summary } from './diff/change.ts';

// Checking Graph reference pages
export { validateDocs, type ValidateDocsOptions, type ValidateDocsResult } from './validate-docs/validate-docs.ts';

// Generating code
export { planGenerate, type GenerateOptions, type GenerateRun } from './emit/generate.ts';
export { applyPlan, type OutputPlan, type PlannedFile } from './emit/output.ts';
export type { EmitOptions } from './emit/emitter.ts';
