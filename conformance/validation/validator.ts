import { createValidator } from '../../generator/emit/validators/create-validator.ts';
import { escapeToken } from '../../generator/runtime/validation/pointer.ts';
import type { Callable, Model, Operation } from '../../generator/model/types.ts';
import { lookupStructuredType, baseChain } from '../../generator/model/queries.ts';
import type { ValidateOptions, ValidationIssue, ValidationMode } from '../../generator/runtime/validation/types.ts';

/**
 * The one place the conformance kit reaches the validation engine (generator/emit/validators):
 * the reference handlers check request bodies with it and the suite checks response bodies.
 * Action parameters are checked here parameter by parameter with the same engine.
 */
export type { ValidationIssue, ValidationMode };

export interface PayloadValidator {
  validate(typeName: string, value: unknown, mode: ValidationMode, options?: ValidateOptions): ValidationIssue[];
  /** An action's parameters object (OData Protocol 4.0 §11.5.4.1): every name known, every value valid. */
  validateParameters(callable: Callable, value: unknown, bound: boolean): ValidationIssue[];
}

const cache = new WeakMap<Model, PayloadValidator>();

/** One validator per model (building the table is the expensive part). */
export function payloadValidator(model: Model): PayloadValidator {
  let validator = cache.get(model);
  if (!validator) {
    const engine = createValidator(model);
    validator = {
      validate: (typeName, value, mode, options) => engine.validate(typeName, value, mode, options),
      validateParameters: (callable, value, bound) => validateParameters(engine.validate, callable, value, bound),
    };
    cache.set(model, validator);
  }
  return validator;
}

/** Issues that make a payload invalid (warnings do not). */
export function errorsOf(issues: ValidationIssue[]): ValidationIssue[] {
  return issues.filter((issue) => issue.severity === 'error');
}

function validateParameters(
  validate: PayloadValidator['validate'],
  callable: Callable,
  value: unknown,
  bound: boolean,
): ValidationIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [issue('', 'type', 'an object of parameters', describe(value), 'The body of an action is an object of its parameters')];
  }
  const parameters = bound ? callable.parameters.slice(1) : callable.parameters;
  const issues: ValidationIssue[] = [];
  for (const [name, item] of Object.entries(value)) {
    if (name.includes('@')) continue;
    const parameter = parameters.find((candidate) => candidate.name === name);
    const path = `/${escapeToken(name)}`;
    if (!parameter) {
      const known = parameters.map((candidate) => candidate.name).join(', ') || 'none';
      issues.push(issue(path, 'unknown-property', `one of the parameters (${known})`, name, `Unknown parameter ${name}`));
      continue;
    }
    if (item === null) {
      if (!parameter.nullable) issues.push(issue(path, 'null', parameter.type, 'null', `Parameter ${name} is not nullable`));
      continue;
    }
    for (const found of validate(parameter.type, item, 'create', { collection: parameter.collection })) {
      issues.push({ ...found, path: `${path}${found.path}` });
    }
  }
  return issues;
}

function issue(path: string, code: ValidationIssue['code'], expected: string, received: string, message: string): ValidationIssue {
  return { path, code, severity: 'error', expected, received, message };
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/**
 * The overload an action or function operation invokes: the callable named by the operation
 * whose binding parameter fits the segment before it (binding is inherited, so base types count).
 */
export function callableOf(model: Model, operation: Operation): Callable | undefined {
  if (!operation.callable) return undefined;
  // The same answer for every request to the operation; the search scans every action or function of the model.
  let ofModel = callables.get(model);
  if (!ofModel) callables.set(model, (ofModel = new WeakMap()));
  if (ofModel.has(operation)) return ofModel.get(operation);
  const found = findCallable(model, operation);
  ofModel.set(operation, found);
  return found;
}

const callables = new WeakMap<Model, WeakMap<Operation, Callable | undefined>>();

const byName = new WeakMap<readonly Callable[], Map<string, Callable[]>>();

/** The model's actions (or functions) by qualified name, overloads in model order. */
function callablesNamed(model: Model, actions: boolean): Map<string, Callable[]> {
  const pool = actions ? model.actions : model.functions;
  let index = byName.get(pool);
  if (!index) {
    index = new Map();
    for (const callable of pool) {
      const list = index.get(callable.qualifiedName);
      if (list) list.push(callable);
      else index.set(callable.qualifiedName, [callable]);
    }
    byName.set(pool, index);
  }
  return index;
}

function findCallable(model: Model, operation: Operation): Callable | undefined {
  const candidates = callablesNamed(model, operation.intent === 'action').get(operation.callable!) ?? [];
  const last = operation.segments.at(-1);
  const previous = operation.segments.at(-2);
  if (!previous || !last || (last.kind !== 'action' && last.kind !== 'function')) {
    return candidates.find((callable) => !callable.isBound) ?? candidates[0];
  }
  const bindingType = 'type' in previous ? previous.type : undefined;
  const isCollection = previous.kind === 'entitySet' || (previous.kind === 'navigation' && previous.collection);
  const type = bindingType ? lookupStructuredType(model, bindingType) : undefined;
  const chain = type ? baseChain(model, type).map((item) => item.qualifiedName) : [];
  const bound = candidates.filter((callable) => {
    const binding = callable.isBound ? callable.parameters[0] : undefined;
    return binding !== undefined && binding.collection === isCollection && chain.includes(binding.type);
  });
  // The most derived binding wins (an overload for the type itself over one for its base).
  bound.sort((a, b) => chain.indexOf(a.parameters[0]!.type) - chain.indexOf(b.parameters[0]!.type));
  return bound[0] ?? candidates[0];
}
