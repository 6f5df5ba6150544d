import type { Command } from 'commander';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { UserInputError } from '../../diagnostics/user-error.ts';
import type { ModelInputs } from '../../load-model.ts';
import type { Model } from '../../model/types.ts';
import { SEVERITIES, type DiffReport, type Severity } from '../../diff/change.ts';
import { formatJson } from '../../diff/format/json.ts';
import { formatMarkdown } from '../../diff/format/markdown.ts';
import { formatText } from '../../diff/format/text.ts';
import { resolveSides } from '../../diff/inputs.ts';
import { EXIT } from '../exit-codes.ts';
import { addCacheOptions, cacheFolder, collect, oneOf } from '../options.ts';
import { printDiagnostics, summarizeDiagnostics } from '../print-diagnostics.ts';

const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
const FAIL_ON = ['breaking', 'dangerous', 'none'] as const;

interface DiffOptions {
  oldCsdl: string[];
  oldDocs: string[];
  newCsdl: string[];
  newDocs: string[];
  format: (typeof FORMATS)[number];
  failOn: (typeof FAIL_ON)[number];
  impact?: string;
  generated?: string;
  cache?: string | boolean;
}

export function registerDiff(program: Command): void {
  addCacheOptions(program.command('diff'))
    .description('Compare two versions of a schema and classify each change for clients of the generated code')
    .argument('[old]', 'old schema: a CSDL file (.xml, .edmx), or Graph docs (a .md page or a folder)')
    .argument('[new]', 'new schema, likewise')
    .option('--old-csdl <file>', 'CSDL file of the old schema; repeatable', collect, [])
    .option('--old-docs <dir|file>', 'Graph reference pages of the old schema; repeatable', collect, [])
    .option('--new-csdl <file>', 'CSDL file of the new schema; repeatable', collect, [])
    .option('--new-docs <dir|file>', 'Graph reference pages of the new schema; repeatable', collect, [])
    .option('--format <format>', 'text, json, markdown (a pull-request comment) or, with --impact, sarif', oneOf(FORMATS), 'text')
    .option('--fail-on <severity>', 'exit 1 when a change this severe or worse is found: breaking, dangerous or none', oneOf(FAIL_ON), 'none')
    .option('--impact <tsconfig.json>', 'find where the TypeScript project uses what each breaking or dangerous change touches (with --fail-on: only changes it uses count)')
    .option('--generated <dir>', 'with --impact: the code generated from the old schema that the project compiles against (default: generate.out of odatakit.config.json)')
    .addHelpText('after', '\nExit codes: 0 done (or nothing reaches --fail-on), 1 --fail-on is met, 2 unusable input or arguments.')
    .action((oldPath: string | undefined, newPath: string | undefined, options: DiffOptions) => diff([oldPath, newPath], options));
}

async function diff(paths: (string | undefined)[], options: DiffOptions): Promise<void> {
  const sides = resolveSides({ ...options, paths: paths.filter((path): path is string => path !== undefined) });
  // Loaded when the command runs, not when it is registered: `odatakit --help` stays fast.
  const [{ loadModel }, { diffModels }] = await Promise.all([import('../../load-model.ts'), import('../../diff/diff-models.ts')]);
  const cache = cacheFolder(options.cache);
  const before = loadModel({ ...sides.old, cache });
  const after = loadModel({ ...sides.new, cache });
  const report = diffModels(before.model, after.model);
  const impact = await impactOf(report, before.model, sides.old, options);
  process.stdout.write(impact ? impact.output : render(report, options.format));
  // The diff goes on despite errors in an input; say so, without the warnings' noise.
  for (const [side, loaded] of [['old', before], ['new', after]] as const) {
    const sorted = loaded.diagnostics.sorted();
    printDiagnostics(sorted.filter((diagnostic: Diagnostic) => diagnostic.severity === 'error'));
    process.stderr.write(`${side} schema: ${summarizeDiagnostics(sorted)}\n`);
  }
  process.exitCode = (impact ? impact.failed : failed(report, options.failOn)) ? EXIT.findings : EXIT.ok;
}

function render(report: DiffReport, format: DiffOptions['format']): string {
  switch (format) {
    case 'sarif':
      throw usage('--format sarif needs --impact <tsconfig.json>: SARIF results are places in your code');
    case 'text':
      return formatText(report);
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report);
    default:
      return assertNever(format);
  }
}

/** `--fail-on dangerous` fails on dangerous and on breaking changes. */
export function failed(report: DiffReport, failOn: DiffOptions['failOn']): boolean {
  if (failOn === 'none') return false;
  const worst = SEVERITIES.indexOf(failOn);
  return SEVERITIES.some((severity: Severity, rank) => rank <= worst && report.summary[severity] > 0);
}

function assertNever(value: never): never {
  throw new Error(`unexpected format ${String(value)}`);
}

/**
 * `--impact`: where the user's project uses what the changes touch. ts-morph (and the
 * TypeScript compiler in it) is imported here and only here, so other commands never load it.
 */
async function impactOf(report: DiffReport, oldModel: Model, oldSide: ModelInputs, options: DiffOptions) {
  if (options.impact === undefined) {
    if (options.generated !== undefined) throw usage('--generated needs --impact <tsconfig.json>');
    return undefined;
  }
  const { runImpact, renderImpact, impactFailed } = await import('../../impact/command.ts');
  const cwd = process.cwd();
  const oldInputs = [...(oldSide.csdl ?? []), ...(oldSide.docs ?? [])];
  const run = { tsconfig: options.impact, cwd, oldModel, oldInputs, diff: report, ...(options.generated !== undefined ? { generated: options.generated } : {}) };
  const { report: impact, warnings } = runImpact(run);
  printDiagnostics(warnings);
  return { output: renderImpact(impact, options.format), failed: impactFailed(impact, options.failOn) };
}

function usage(reason: string): UserInputError {
  return new UserInputError([createDiagnostic('impact/usage', { file: 'odatakit diff', line: 1, column: 1 }, { reason })]);
}
