import type { Command } from 'commander';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { applyBaseline, portablePath, readBaseline } from '../../validate-docs/baseline.ts';
import { formatJson, type DocsReport } from '../../validate-docs/format/json.ts';
import { formatSarif } from '../../validate-docs/format/sarif.ts';
import { formatText } from '../../validate-docs/format/text.ts';
import { EXIT } from '../exit-codes.ts';
import { addCacheOptions, cacheFolder, collect, header, oneOf } from '../options.ts';
import { summarizeDiagnostics } from '../print-diagnostics.ts';

const FORMATS = ['text', 'json', 'sarif'] as const;

export interface ValidateDocsCliOptions {
  csdl: string[];
  header?: Record<string, string>;
  format: (typeof FORMATS)[number];
  baseline?: string;
  cache?: string | boolean;
}

export function registerValidateDocs(program: Command): void {
  addCacheOptions(program.command('validate-docs'))
    .description('Check Graph reference pages (examples, annotations, tables) against the schema, like a linter')
    .argument('<dir|file...>', 'markdown pages or folders of pages to check')
    .option('--csdl <file|url>', 'CSDL file ($metadata, XML or JSON) or https:// URL of a $metadata to check against; repeatable (without it, the pages are checked against each other)', collect, [])
    .option('--header <name: value>', 'HTTP header for fetching --csdl URLs (e.g. authentication); repeatable', header)
    .option('--format <format>', 'text, json (also a baseline file) or sarif (code scanning)', oneOf(FORMATS), 'text')
    .option('--baseline <file>', 'known findings (a file written by --format json): only new findings are reported and fail')
    .addHelpText('after', '\nExit codes: 0 no error found, 1 an error was found, 2 unusable input or arguments.')
    .action(async (docs: string[], options: ValidateDocsCliOptions) => {
      process.exitCode = await runValidateDocs(docs, options, program.version() ?? '0.0.0');
    });
}

/** Runs the command, writes the report to stdout and a summary to stderr; returns the exit code. */
export async function runValidateDocs(docs: string[], options: ValidateDocsCliOptions, version: string): Promise<number> {
  // Read first: a bad baseline is a usage error, before any work is done.
  const baseline = options.baseline === undefined ? undefined : readBaseline(options.baseline);
  // Loaded when the command runs, not when it is registered: `odatakit --help` stays fast.
  const { validateDocs } = await import('../../validate-docs/validate-docs.ts');
  const { fetchCsdlInputs } = await import('../../csdl/fetch-csdl.ts');
  const fetched = await fetchCsdlInputs(options.csdl, options.header);
  const result = validateDocs({ docs, csdl: options.csdl, cache: cacheFolder(options.cache), ...(fetched && { fetched }) });
  let diagnostics = result.diagnostics.map(portable);
  let note = '';
  if (baseline) {
    const split = applyBaseline(diagnostics, baseline);
    diagnostics = split.fresh;
    note = `; ${split.known} known from the baseline${split.gone ? `, ${split.gone} baseline entr${split.gone === 1 ? 'y' : 'ies'} no longer found` : ''}`;
  }
  const report: DocsReport = { files: result.files.length, diagnostics };
  process.stdout.write(render(report, options.format, version));
  const inputErrors = result.inputDiagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  if (inputErrors > 0) process.stderr.write(`The CSDL has ${inputErrors} error(s); run odatakit inspect on it for details.\n`);
  if (options.format !== 'text') process.stderr.write(`${report.files} pages checked: ${summarizeDiagnostics(diagnostics)}${note}\n`);
  else if (note) process.stderr.write(`${note.slice(2)}\n`);
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? EXIT.findings : EXIT.ok;
}

function render(report: DocsReport, format: ValidateDocsCliOptions['format'], version: string): string {
  switch (format) {
    case 'text':
      return formatText(report, Boolean(process.stdout.isTTY) && !process.env['NO_COLOR']);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, version);
    default:
      return assertNever(format);
  }
}

/** Paths relative to the working folder, with `/`: portable reports and baselines. */
function portable(diagnostic: Diagnostic): Diagnostic {
  const result = { ...diagnostic, file: portablePath(diagnostic.file) };
  if (diagnostic.related) result.related = diagnostic.related.map((at) => ({ ...at, file: portablePath(at.file) }));
  return result;
}

function assertNever(value: never): never {
  throw new Error(`unexpected format ${String(value)}`);
}
