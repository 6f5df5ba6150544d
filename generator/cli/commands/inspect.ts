import type { Command } from 'commander';
import { summarize } from '../../model/summary.ts';
import type { Model } from '../../model/types.ts';
import { EXIT } from '../exit-codes.ts';
import { addCacheOptions, cacheFolder, collect, header, oneOf } from '../options.ts';
import { exitCodeFor, printDiagnostics, summarizeDiagnostics } from '../print-diagnostics.ts';
import { UserInputError } from '../../diagnostics/user-error.ts';
import { createDiagnostic } from '../../diagnostics/diagnostic.ts';

interface InspectOptions {
  csdl: string[];
  header?: Record<string, string>;
  docs: string[];
  type?: string;
  format: 'text' | 'json';
  cache?: string | boolean;
}

export function registerInspect(program: Command): void {
  addCacheOptions(program.command('inspect'))
    .description('Build the model from CSDL and/or Graph docs and print a summary, the model or one type')
    .option('--csdl <file|url>', 'CSDL file ($metadata, XML or JSON) or https:// URL of a $metadata; repeatable', collect, [])
    .option('--header <name: value>', 'HTTP header for fetching --csdl URLs (e.g. authentication); repeatable', header)
    .option('--docs <dir|file>', 'Graph reference pages (markdown file or folder); repeatable', collect, [])
    .option('--type <qualified name>', 'print only this type (e.g. microsoft.graph.user)')
    .option('--format <format>', 'text or json', oneOf(['text', 'json'] as const), 'text')
    .addHelpText('after', '\nExit codes: 0 no errors, 1 the input has errors, 2 unusable input or arguments.')
    .action((options: InspectOptions) => inspect(options));
}

async function inspect(options: InspectOptions): Promise<void> {
  if (options.csdl.length === 0 && options.docs.length === 0) {
    throw new UserInputError([
      createDiagnostic('input/not-found', { file: '<arguments>', line: 1, column: 1 }, { path: '--csdl or --docs', reason: 'give at least one input' }),
    ]);
  }
  // Loaded when the command runs, not when it is registered: `odatakit --help` stays fast.
  const { loadModelFrom } = await import('../../load-model.ts');
  const { model, diagnostics } = await loadModelFrom({ csdl: options.csdl, headers: options.header ?? {}, docs: options.docs, cache: cacheFolder(options.cache) });
  const out = process.stdout;
  if (options.type !== undefined) {
    const type = Object.hasOwn(model.types, options.type) ? model.types[options.type] : undefined;
    if (!type) {
      process.stderr.write(`odatakit: type ${options.type} is not in the model\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    const operations = model.operations.filter((operation) => operation.target?.type === options.type);
    out.write(`${JSON.stringify({ type, operations }, null, 2)}\n`);
  } else if (options.format === 'json') {
    out.write(`${JSON.stringify({ model, diagnostics: diagnostics.sorted() }, null, 2)}\n`);
  } else {
    out.write(textSummary(model));
  }
  const sorted = diagnostics.sorted();
  if (options.format === 'text' || options.type !== undefined) printDiagnostics(sorted);
  process.stderr.write(`${summarizeDiagnostics(sorted)}\n`);
  process.exitCode = exitCodeFor(sorted);
}

const OPERATION_LIMIT = 200;

function textSummary(model: Model): string {
  const lines = Object.entries(summarize(model)).map(([kind, count]) => `${kind.padEnd(18)} ${count}`);
  lines.push('', `operations (${model.operations.length}):`);
  for (const operation of model.operations.slice(0, OPERATION_LIMIT)) {
    lines.push(`  ${operation.method.padEnd(6)} ${operation.path}  -> ${operation.successStatus} [${operation.origin.join('+')}]`);
  }
  if (model.operations.length > OPERATION_LIMIT) {
    lines.push(`  ... ${model.operations.length - OPERATION_LIMIT} more (use --format json for all)`);
  }
  return `${lines.join('\n')}\n`;
}
