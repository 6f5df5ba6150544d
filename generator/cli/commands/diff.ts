import type { Command } from 'commander';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { SEVERITIES, type DiffReport, type Severity } from '../../diff/change.ts';
import { formatJson } from '../../diff/format/json.ts';
import { formatMarkdown } from '../../diff/format/markdown.ts';
import { formatText } from '../../diff/format/text.ts';
import { resolveSides } from '../../diff/inputs.ts';
import { EXIT } from '../exit-codes.ts';
import { collect, oneOf } from '../options.ts';
import { printDiagnostics, summarizeDiagnostics } from '../print-diagnostics.ts';

const FORMATS = ['text', 'json', 'markdown'] as const;
const FAIL_ON = ['breaking', 'dangerous', 'none'] as const;

interface DiffOptions {
  oldCsdl: string[];
  oldDocs: string[];
  newCsdl: string[];
  newDocs: string[];
  format: (typeof FORMATS)[number];
  failOn: (typeof FAIL_ON)[number];
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('Compare two versions of a schema and classify each change for clients of the generated code')
    .argument('[old]', 'old schema: a CSDL file (.xml, .edmx), or Graph docs (a .md page or a folder)')
    .argument('[new]', 'new schema, likewise')
    .option('--old-csdl <file>', 'CSDL file of the old schema; repeatable', collect, [])
    .option('--old-docs <dir|file>', 'Graph reference pages of the old schema; repeatable', collect, [])
    .option('--new-csdl <file>', 'CSDL file of the new schema; repeatable', collect, [])
    .option('--new-docs <dir|file>', 'Graph reference pages of the new schema; repeatable', collect, [])
    .option('--format <format>', 'text, json or markdown (a pull-request comment)', oneOf(FORMATS), 'text')
    .option('--fail-on <severity>', 'exit 1 when a change this severe or worse is found: breaking, dangerous or none', oneOf(FAIL_ON), 'none')
    .addHelpText('after', '\nExit codes: 0 done (or nothing reaches --fail-on), 1 --fail-on is met, 2 unusable input or arguments.')
    .action((oldPath: string | undefined, newPath: string | undefined, options: DiffOptions) => diff([oldPath, newPath], options));
}

async function diff(paths: (string | undefined)[], options: DiffOptions): Promise<void> {
  const sides = resolveSides({ ...options, paths: paths.filter((path): path is string => path !== undefined) });
  // Loaded when the command runs, not when it is registered: `odatakit --help` stays fast.
  const [{ loadModel }, { diffModels }] = await Promise.all([import('../../load-model.ts'), import('../../diff/diff-models.ts')]);
  const before = loadModel(sides.old);
  const after = loadModel(sides.new);
  const report = diffModels(before.model, after.model);
  process.stdout.write(render(report, options.format));
  // The diff goes on despite errors in an input; say so, without the warnings' noise.
  for (const [side, loaded] of [['old', before], ['new', after]] as const) {
    const sorted = loaded.diagnostics.sorted();
    printDiagnostics(sorted.filter((diagnostic: Diagnostic) => diagnostic.severity === 'error'));
    process.stderr.write(`${side} schema: ${summarizeDiagnostics(sorted)}\n`);
  }
  process.exitCode = failed(report, options.failOn) ? EXIT.findings : EXIT.ok;
}

function render(report: DiffReport, format: DiffOptions['format']): string {
  switch (format) {
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
