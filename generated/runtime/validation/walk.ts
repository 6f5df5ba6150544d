import { describeValue } from './describe.js';
import { escapeToken, formatPointer } from './pointer.js';
import type {
  EvolvableEnumPolicy,
  IssueSeverity,
  ValidateOptions,
  ValidationIssue,
  ValidationIssueCode,
  ValidationMode,
} from './types.js';

/**
 * The state of one validation: where we are (a stack of path segments, formatted only when
 * an issue is reported), what was found, and the limits that keep any input, however large,
 * deep or cyclic, from running away.
 */
export interface Walk {
  mode: ValidationMode;
  ieee754: boolean;
  evolvableEnums: EvolvableEnumPolicy;
  dynamicProperties: 'accept' | IssueSeverity;
  issues: ValidationIssue[];
  /** Path segments; only the first `size` count (kept in place, so the walk allocates nothing). */
  path: (string | number)[];
  size: number;
  depth: number;
  nodes: number;
  maxDepth: number;
  maxNodes: number;
  maxIssues: number;
  /** Set once a limit is reached: every loop stops. */
  stopped: boolean;
  /**
   * Set once `maxIssues` issues are in and one of them is an error: the outcome is settled,
   * so the walk stops at the next value it would visit (a `limit` issue there says so)
   * instead of walking on to find one more issue. With warnings only it walks on, since a
   * later error would still change the outcome.
   */
  full: boolean;
  /** An error (not only warnings) has been reported. */
  failed: boolean;
  /** Objects are read in the spec's order: `@odata.type` first (see members.ts). */
  careful: boolean;
  /**
   * Nothing on Object.prototype is enumerable (as in any unpolluted realm), so `for...in` over
   * a plain object visits exactly its own keys.
   */
  plainObjectsEnumerateOwnKeys: boolean;
}

export function createWalk(mode: ValidationMode, options: ValidateOptions, ieee754: boolean, careful = false): Walk {
  return {
    mode,
    ieee754: options.ieee754Compatible ?? ieee754,
    evolvableEnums: options.evolvableEnums ?? (mode === 'read' ? 'accept' : 'warning'),
    dynamicProperties: options.dynamicProperties ?? 'accept',
    issues: [],
    path: [],
    size: 0,
    depth: 0,
    nodes: 0,
    maxDepth: positive(options.maxDepth, 64),
    maxNodes: positive(options.maxNodes, 10_000_000),
    maxIssues: positive(options.maxIssues, 1000),
    stopped: false,
    full: false,
    failed: false,
    careful,
    plainObjectsEnumerateOwnKeys: nothingEnumerable(Object.prototype),
  };
}

function nothingEnumerable(prototype: object): boolean {
  for (const _key in prototype) return false;
  return true;
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && value > 0 ? value : fallback;
}

/** An issue at the current path, or at `segment` below it. */
export function report(
  walk: Walk,
  code: ValidationIssueCode,
  severity: IssueSeverity,
  expected: string,
  received: unknown,
  message: string,
  segment?: string | number,
): void {
  if (walk.stopped) return;
  if (walk.issues.length >= walk.maxIssues) {
    stop(walk, `stopped after ${walk.maxIssues} issues`);
    return;
  }
  const path = formatPointer(walk.path, walk.size) + (segment === undefined ? '' : `/${escapeToken(segment)}`);
  walk.issues.push({ path, code, severity, expected, received: safeDescribe(received), message });
  if (severity === 'error') walk.failed = true;
  if (walk.failed && walk.issues.length >= walk.maxIssues) walk.full = true;
}

/** A `limit` issue at the current path, then nothing more is reported or walked. */
export function stop(walk: Walk, message: string): void {
  if (walk.stopped) return;
  walk.issues.push({ path: formatPointer(walk.path, walk.size), code: 'limit', severity: 'error', expected: 'a smaller value', received: '', message });
  walk.stopped = true;
}

/**
 * Called where the walk is about to visit a value (the path already names it): once the
 * issues are full, the walk ends here. Returns true when the caller must stop.
 */
export function halt(walk: Walk): boolean {
  if (!walk.full) return false;
  stop(walk, `stopped after ${walk.maxIssues} issues`);
  return true;
}

/** Reports the node budget spent (callers count `walk.nodes` inline, on the hot path). */
export function overBudget(walk: Walk): void {
  stop(walk, `more than ${walk.maxNodes} values`);
}

/** Describing a value can itself throw (a revoked proxy); a description is never worth a throw. */
function safeDescribe(value: unknown): string {
  try {
    return describeValue(value);
  } catch {
    return 'an unreadable value';
  }
}

/** Requests fail on what responses only warn about (unknown properties, unknown types). */
export function requestError(walk: Walk): IssueSeverity {
  return walk.mode === 'read' ? 'warning' : 'error';
}
