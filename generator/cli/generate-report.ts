import type { FileChange, SymbolChanges } from '../emit/output.ts';
import type { OutputPlan } from '../emit/output/plan.ts';

/** At most this many symbol names per file and kind; the rest are counted. */
const SYMBOL_LIMIT = 20;

/**
 * The text `generate` prints after a run (or `--check` prints instead of writing): each
 * file added, changed or removed, and the exported symbols it added (+), removed (-) or
 * changed (~), then one summary line.
 */
export function formatChanges(plan: OutputPlan, changes: FileChange[], check: boolean, outLabel = plan.out): string {
  const lines: string[] = [];
  const displayPath = (path: string) => `${outLabel.replace(/\/+$/, '')}/${path}`;
  const verb = (status: FileChange['status']) => (check ? `would be ${status}` : status);
  for (const change of changes) {
    const symbols = change.symbols;
    const counts = symbols ? ` (${symbolCounts(symbols)})` : '';
    lines.push(`${displayPath(change.path)} ${verb(change.status)}${counts}`);
    // A new file's symbols are all new: the count says enough.
    if (symbols && change.status !== 'added') {
      lines.push(...listed('+', symbols.added), ...listed('-', symbols.removed), ...listed('~', symbols.changed));
    }
  }
  if (plan.manifest.status !== 'unchanged' && changes.length === 0) {
    lines.push(`${displayPath(plan.manifest.path)} ${verb(plan.manifest.status)} (the inputs or options changed, not the output)`);
  }
  lines.push(summary(plan, changes, check, outLabel));
  return `${lines.join('\n')}\n`;
}

function summary(plan: OutputPlan, changes: FileChange[], check: boolean, out: string): string {
  const added = changes.filter((change) => change.status === 'added').length;
  const changed = changes.filter((change) => change.status === 'changed').length;
  const removed = changes.filter((change) => change.status === 'removed').length;
  const unchanged = plan.files.filter((file) => file.status === 'unchanged').length;
  const upToDate = changes.length === 0 && plan.manifest.status === 'unchanged';
  if (check) {
    return upToDate
      ? `${out} is up to date (${unchanged} files)`
      : `${out} is out of date: ${added} to add, ${changed} to change, ${removed} to remove; run \`odatakit generate\``;
  }
  return upToDate
    ? `${out}: nothing changed (${unchanged} files)`
    : `${out}: ${added} added, ${changed} changed, ${removed} removed, ${unchanged} unchanged`;
}

function listed(mark: string, names: string[]): string[] {
  const shown = names.slice(0, SYMBOL_LIMIT).map((name) => `  ${mark} ${name}`);
  if (names.length > SYMBOL_LIMIT) shown.push(`  ${mark} ... and ${names.length - SYMBOL_LIMIT} more`);
  return shown;
}

function symbolCounts(symbols: SymbolChanges): string {
  const parts = [
    symbols.added.length > 0 ? `${symbols.added.length} added` : '',
    symbols.removed.length > 0 ? `${symbols.removed.length} removed` : '',
    symbols.changed.length > 0 ? `${symbols.changed.length} changed` : '',
  ].filter((part) => part !== '');
  return parts.length > 0 ? `exported symbols: ${parts.join(', ')}` : 'no exported symbol changed';
}
