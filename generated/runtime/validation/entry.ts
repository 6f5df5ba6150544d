import type { Engine } from './engine.js';
import type { ValidateOptions, ValidationIssue } from './types.js';

/**
 * Typed entry points for generated code: one object per type with a method per mode. The
 * types come from the generated `types.gen.ts`; the runtime only carries them through.
 */
export type ValidationResult<T> =
  | { ok: true; value: T; issues: ValidationIssue[] }
  | { ok: false; value?: undefined; issues: ValidationIssue[] };

/** Options of the typed entry points: `collection` is a method of its own. */
export type EntryOptions = Omit<ValidateOptions, 'collection'>;

export interface TypeValidator<Read, Create, Update, Collection> {
  /** The qualified name checked. */
  readonly type: string;
  /** A response body (or part of one). */
  read(value: unknown, options?: EntryOptions): ValidationResult<Read>;
  /** A collection response: `{ "value": [...] }` or a bare array. */
  readCollection(value: unknown, options?: EntryOptions): ValidationResult<Collection>;
  /** A POST body, or a PUT that creates. */
  create(value: unknown, options?: EntryOptions): ValidationResult<Create>;
  /** A PATCH body. */
  update(value: unknown, options?: EntryOptions): ValidationResult<Update>;
  /** A type guard: read mode without errors (warnings allowed). */
  is(value: unknown): value is Read;
}

/** True when no issue is an error. */
export function isValid(issues: readonly ValidationIssue[]): boolean {
  return !issues.some((issue) => issue.severity === 'error');
}

function result<T>(value: unknown, issues: ValidationIssue[]): ValidationResult<T> {
  return isValid(issues) ? { ok: true, value: value as T, issues } : { ok: false, issues };
}

export function typeValidator<Read, Create = Read, Update = Partial<Create>, Collection = { value: Read[] }>(
  engine: Engine,
  type: string,
): TypeValidator<Read, Create, Update, Collection> {
  return {
    type,
    read: (value, options) => result<Read>(value, engine.validate(type, value, 'read', { ...options, collection: false })),
    readCollection: (value, options) => result<Collection>(value, engine.validate(type, value, 'read', { ...options, collection: true })),
    create: (value, options) => result<Create>(value, engine.validate(type, value, 'create', { ...options, collection: false })),
    update: (value, options) => result<Update>(value, engine.validate(type, value, 'update', { ...options, collection: false })),
    is: (value): value is Read => isValid(engine.validate(type, value, 'read')),
  };
}
