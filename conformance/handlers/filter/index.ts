import type { Model, StructuredType } from '../../../generator/model/types.ts';
import type { FilterNode } from './ast.ts';
import { bindFilter } from './bind.ts';
import { matches, type Navigate } from './evaluate.ts';
import { FilterError } from './filter-error.ts';
import { parseFilter } from './parse.ts';
import { fromJson } from './values.ts';

export type { FilterNode } from './ast.ts';
export { evaluate, matches, type Navigate } from './evaluate.ts';
export { FilterError } from './filter-error.ts';
export { parseFilter } from './parse.ts';
export { bindFilter } from './bind.ts';

/** A `$filter` parsed and checked against the type of the collection it filters. */
export interface CompiledFilter {
  tree: FilterNode;
  /** Whether an entity (its JSON and the type it is stored as) passes; throws FilterError on a type mistake. */
  test(data: Record<string, unknown>, type: string, path?: string): boolean;
}

/** Parses and checks `text`; throws FilterError with the offset of the mistake. */
export function compileFilter(model: Model, type: StructuredType | undefined, text: string, navigate: Navigate): CompiledFilter {
  const tree = parseFilter(text);
  bindFilter(model, type, tree);
  const env = { model, navigate };
  return {
    tree,
    test: (data, stored, path) => matches(env, tree, fromJson(model, stored, data, path)),
  };
}

export function isFilterError(error: unknown): error is FilterError {
  return error instanceof FilterError;
}
