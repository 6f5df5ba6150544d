import type { Command } from 'commander';
import { createDiagnostic } from '../../diagnostics/diagnostic.ts';
import { UserInputError } from '../../diagnostics/user-error.ts';
import type { GenerateOptions } from '../../emit/generate.ts';
import { readGenerateConfig, CONFIG_FILE, type GenerateConfig } from '../config.ts';
import { addCacheOptions, cacheFolder, header } from '../options.ts';

/** The config file's options, plus the two that only make sense on the command line. */
interface GenerateFlags extends GenerateConfig {
  check?: boolean;
  watch?: boolean;
  cache?: string | boolean;
  header?: Record<string, string>;
}

export function registerGenerate(program: Command): void {
  addCacheOptions(program.command('generate'))
    .description('Generate TypeScript types (and every other registered emitter) from CSDL and/or Graph docs')
    .option('--csdl <file|url...>', 'CSDL files ($metadata, XML or JSON) or https:// URLs of a $metadata')
    .option('--header <name: value>', 'HTTP header for fetching --csdl URLs (e.g. authentication); repeatable', header)
    .option('--docs <dir|file...>', 'Graph reference pages: markdown files or folders')
    .option('--out <dir>', 'output folder (only files listed in its manifest are ever removed)')
    .option('--templates <dir>', 'folder of templates overriding the built-in ones by file name')
    .option('--include <glob...>', 'only these types (qualified-name glob) and operations (path glob starting with /)')
    .option('--ieee754-compatible', 'Int64 and Decimal as strings (IEEE754Compatible=true)')
    .option('--key-as-segment', 'write keys as path segments (/People/x), whatever the CSDL declares')
    .option('--no-key-as-segment', 'write keys in parentheses (People(\'x\')), whatever the CSDL or the docs say')
    .option('--check', 'write nothing; exit 1 and list the files that would change')
    .option('--watch', 'regenerate when an input changes')
    .addHelpText(
      'after',
      `\nDefaults come from the "generate" section of ${CONFIG_FILE} in the working directory; flags win.` +
        '\nExit codes: 0 done (or up to date), 1 input errors or (--check) out of date, 2 unusable input or arguments.',
    )
    .action(async (flags: GenerateFlags) => {
      const options = resolveOptions(flags, process.cwd());
      // The emitters load when the command runs, not when it is registered (`odatakit --help` stays fast).
      const { generateOnce } = await import('./generate-once.ts');
      if (flags.watch) {
        if (flags.check) throw usage('--check and --watch do not go together');
        const { watchGenerate } = await import('./generate-watch.ts');
        // Each run re-reads the config file, which is watched too.
        await watchGenerate(options, () => generateOnce(resolveOptions(flags, process.cwd()), false));
        return;
      }
      const { fetchCsdlInputs } = await import('../../csdl/fetch-csdl.ts');
      process.exitCode = generateOnce({ ...options, fetched: await fetchCsdlInputs(options.csdl, flags.header) }, flags.check === true);
    });
}

/** Flags over the config file; the result is complete or a usage error. */
export function resolveOptions(flags: GenerateFlags, cwd: string): GenerateOptions {
  const config = readGenerateConfig(cwd);
  const pick = (flag: string[] | undefined, fallback: string[] | undefined) => (flag && flag.length > 0 ? flag : (fallback ?? []));
  const csdl = pick(flags.csdl, config.csdl);
  const docs = pick(flags.docs, config.docs);
  const out = flags.out ?? config.out;
  if (csdl.length === 0 && docs.length === 0) throw usage(`give --csdl and/or --docs (or set them in ${CONFIG_FILE})`);
  if (out === undefined) throw usage(`give --out (or set "out" in ${CONFIG_FILE})`);
  const templates = flags.templates ?? config.templates;
  const keyAsSegment = flags.keyAsSegment ?? config.keyAsSegment;
  return {
    csdl,
    docs,
    out,
    ...(templates !== undefined ? { templates } : {}),
    include: pick(flags.include, config.include),
    emit: { ieee754Compatible: flags.ieee754Compatible ?? config.ieee754Compatible ?? false, ...(config.validatorAcceptors !== undefined && { validatorAcceptors: config.validatorAcceptors }) },
    cwd,
    cache: cacheFolder(flags.cache, cwd),
    ...(keyAsSegment !== undefined && { keyAsSegment }),
  };
}

function usage(reason: string): UserInputError {
  return new UserInputError([createDiagnostic('generate/usage', { file: '<arguments>', line: 1, column: 1 }, { reason })]);
}
