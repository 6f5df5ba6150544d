import type { SemverBump, Summary } from './change.ts';

/**
 * The version bump the changes imply for the generated code (semver.org): breaking changes
 * need a major release; additions (safe, and dangerous ones, which add enum members) a minor
 * one; documentation comments a patch.
 */
export function semverOf(summary: Summary): SemverBump {
  if (summary.breaking > 0) return 'major';
  if (summary.dangerous > 0 || summary.safe > 0) return 'minor';
  if (summary.docs > 0) return 'patch';
  return 'none';
}
