import type { Model } from '../model/types.ts';
import { SEVERITIES, type Change, type DiffReport, type Summary } from './change.ts';
import { compareCallables } from './callables.ts';
import { compareContainers } from './container.ts';
import { createContext } from './context.ts';
import { compareOperations } from './operations.ts';
import { semverOf } from './semver.ts';
import { compareTypes } from './types.ts';

/**
 * Compares two models and classifies each difference for the clients of the generated
 * code. Pure: the models are not changed, and the output is sorted.
 */
export function diffModels(oldModel: Model, newModel: Model): DiffReport {
  const context = createContext(oldModel, newModel);
  compareTypes(context);
  compareCallables(context);
  compareContainers(context);
  compareOperations(context);
  const changes = context.changes.sort(compareChanges);
  const summary = summarize(changes);
  return { changes, summary, semver: semverOf(summary) };
}

export function summarize(changes: Change[]): Summary {
  const summary: Summary = { breaking: 0, dangerous: 0, safe: 0, docs: 0 };
  for (const change of changes) summary[change.severity]++;
  return summary;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareChanges(a: Change, b: Change): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    compareText(a.target, b.target) ||
    compareText(a.kind, b.kind) ||
    compareText(a.message, b.message) ||
    compareText(JSON.stringify([a.old, a.new]), JSON.stringify([b.old, b.new]))
  );
}
