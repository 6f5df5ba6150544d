import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputPlan } from './output/plan.ts';
import { compareExports, type SymbolChanges } from './output/symbols.ts';

/**
 * Writing an output folder safely: plan in memory (planOutput), then write (applyPlan) or,
 * for `--check`, only compare. See output/ for each step.
 */
export { planOutput, type OutputPlan, type PlannedFile } from './output/plan.ts';
export { applyPlan } from './output/write.ts';
export { MANIFEST_FILE } from './output/manifest.ts';
export type { SymbolChanges } from './output/symbols.ts';

export interface FileChange {
  path: string;
  status: 'added' | 'changed' | 'removed';
  /** Exported symbols added, removed or changed (TypeScript files only). */
  symbols?: SymbolChanges;
}

/** What a plan changes, file by file, sorted by path; the manifest is left out. */
export function describeChanges(plan: OutputPlan, withSymbols = true): FileChange[] {
  const changes: FileChange[] = [];
  for (const file of plan.files) {
    if (file.status === 'unchanged') continue;
    const change: FileChange = { path: file.path, status: file.status };
    if (withSymbols && isTypeScript(file.path)) change.symbols = compareExports(file.previous, file.content);
    changes.push(change);
  }
  for (const path of plan.removed) {
    const change: FileChange = { path, status: 'removed' };
    if (withSymbols && isTypeScript(path)) change.symbols = compareExports(readFileSync(join(plan.out, path), 'utf8'), '');
    changes.push(change);
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function isTypeScript(path: string): boolean {
  return /\.(m|c)?ts$/.test(path);
}
