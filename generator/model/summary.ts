import type { Model } from './types.ts';

/** Counts per kind, for `inspect` and for tests. */
export interface ModelSummary {
  schemas: number;
  entityTypes: number;
  complexTypes: number;
  enumTypes: number;
  typeDefinitions: number;
  actions: number;
  functions: number;
  entitySets: number;
  singletons: number;
  operationImports: number;
  operations: number;
  examples: number;
}

export function summarize(model: Model): ModelSummary {
  const types = Object.values(model.types);
  const count = (kind: string) => types.filter((type) => type.kind === kind).length;
  return {
    schemas: model.schemas.length,
    entityTypes: count('entity'),
    complexTypes: count('complex'),
    enumTypes: count('enum'),
    typeDefinitions: count('typeDefinition'),
    actions: model.actions.length,
    functions: model.functions.length,
    entitySets: model.entityContainer?.entitySets.length ?? 0,
    singletons: model.entityContainer?.singletons.length ?? 0,
    operationImports: model.entityContainer?.operationImports.length ?? 0,
    operations: model.operations.length,
    examples: model.examples.length,
  };
}
