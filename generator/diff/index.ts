/**
 * The schema diff: two models in, classified changes out (docs/diff.md).
 */

// Comparing.
export { diffModels, summarize, compareChanges } from './diff-models.ts';
export { semverOf } from './semver.ts';
export { CHANGE_KINDS, severityOf, type ChangeKind, type Exposure } from './classify.ts';
export { SEVERITIES, type Change, type ChangePosition, type DiffReport, type SemverBump, type Severity, type Summary } from './change.ts';

// Inputs of the two sides.
export { resolveSides, type DiffArguments, type DiffSides } from './inputs.ts';

// Reports.
export { formatText } from './format/text.ts';
export { formatJson } from './format/json.ts';
export { formatMarkdown, type MarkdownOptions } from './format/markdown.ts';
