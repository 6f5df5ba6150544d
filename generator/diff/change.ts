import type { ChangeKind } from './classify.ts';

/**
 * What the diff reports: one change per difference that matters to the clients of the
 * generated code, classified by what it does to them.
 */

/** Ordered from worst to mildest; output is grouped and sorted in this order. */
export const SEVERITIES = ['breaking', 'dangerous', 'safe', 'docs'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where a change is, in one input. Lines are 1-based. */
export interface ChangePosition {
  file: string;
  line: number;
}

export interface Change {
  kind: ChangeKind;
  severity: Severity;
  /** Qualified name or path: `microsoft.graph.user`, `microsoft.graph.user/displayName`, `GET /users/{}`. */
  target: string;
  message: string;
  old: ChangePosition | null;
  new: ChangePosition | null;
  /**
   * The compared value on each side when the change is about one (a property's type text,
   * an enum member's value). In memory only; the JSON report keeps to the documented shape.
   */
  values?: { old?: string; new?: string };
}

export type Summary = Record<Severity, number>;

/** The semver bump the changes imply for the generated code. */
export type SemverBump = 'major' | 'minor' | 'patch' | 'none';

export interface DiffReport {
  /** Sorted by severity, target, kind, then message. */
  changes: Change[];
  summary: Summary;
  semver: SemverBump;
}
