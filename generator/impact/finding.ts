import type { Change, DiffReport, Summary } from '../diff/change.ts';

/**
 * What `diff --impact` reports: for each breaking or dangerous change, the places in the
 * user's project that use what it touches, found through the type checker.
 */
export type UseKind =
  /** Reads a property of a generated type. */
  | 'read'
  /** Sets a property: in an object literal of a create or update body, or by assignment. */
  | 'write'
  /** Builds a value of a generated type (an object literal of a read shape). */
  | 'construct'
  /** Names a generated type. */
  | 'type'
  /** A `switch` or an `if` chain over an enum-typed value. */
  | 'branch'
  /** An enum member written as a literal where the enum is expected. */
  | 'member'
  /** A request through the generated client: a path step, a verb or an action or function. */
  | 'request'
  /** A property or navigation property named in `$select` or `$expand`. */
  | 'query'
  /** A generated validator of a changed type. */
  | 'validator';

export interface ImpactFinding {
  /** Relative to the working directory, `/`-separated. */
  file: string;
  line: number;
  column: number;
  use: UseKind;
  change: Change;
  /** One sentence on why the change matters at this place. */
  why: string;
}

export interface ImpactedChange {
  change: Change;
  findings: number;
}

export interface ImpactReport {
  /** Sorted by file, line, column, then change. */
  findings: ImpactFinding[];
  /** Breaking and dangerous changes with at least one finding, in diff order. */
  changes: ImpactedChange[];
  /** Of the changes with findings. */
  summary: Summary;
  /** Breaking and dangerous changes the project does not use. */
  unused: number;
  /** Source files of the project that were analysed (generated code excluded). */
  files: number;
  diff: DiffReport;
}
