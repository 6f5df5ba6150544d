import { relative } from 'node:path';
import { createDiagnostic } from '../../diagnostics/diagnostic.ts';
import { planGenerate, type GenerateOptions } from '../../emit/generate.ts';
import { applyPlan, describeChanges } from '../../emit/output.ts';
import { EXIT } from '../exit-codes.ts';
import { fullGarbageCollection } from '../garbage-collection.ts';
import { formatChanges } from '../generate-report.ts';
import { exitCodeFor, printDiagnostics, summarizeDiagnostics } from '../print-diagnostics.ts';

/** One generation (or check); prints and returns the exit code. */
export function generateOnce(options: GenerateOptions, check: boolean): number {
  const run = planGenerate({ collectGarbage: fullGarbageCollection(), ...options });
  for (const pattern of run.unmatched) process.stderr.write(`odatakit: --include ${pattern} matched nothing\n`);
  const sorted = run.diagnostics.sorted();
  printDiagnostics(sorted);
  if (sorted.length > 0) process.stderr.write(`${summarizeDiagnostics(sorted)}\n`);
  const plan = run.plan;
  if (!plan) {
    const errors = sorted.filter((diagnostic) => diagnostic.severity === 'error').length;
    printDiagnostics([createDiagnostic('generate/input-errors', { file: options.out, line: 1, column: 1 }, { count: errors })]);
    return exitCodeFor(sorted) === EXIT.usage ? EXIT.usage : EXIT.findings; // as inspect: an unusable input is exit 2
  }
  if (plan.problems.length > 0) return EXIT.usage;
  const changes = describeChanges(plan);
  const fromCwd = relative(options.cwd ?? process.cwd(), plan.out) || '.';
  const outLabel = fromCwd.startsWith('..') ? plan.out : fromCwd;
  if (!check) applyPlan(plan);
  process.stdout.write(formatChanges(plan, changes, check, outLabel));
  const stale = changes.length > 0 || plan.manifest.status !== 'unchanged';
  return check && stale ? EXIT.findings : EXIT.ok;
}
