import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { EXIT } from '../exit-codes.ts';
import { addCacheOptions, cacheFolder, collect, oneOf } from '../options.ts';
import { printDiagnostics } from '../print-diagnostics.ts';

const PROFILES = ['graph', 'odata', 'lenient'] as const;
const REPORTS = ['text', 'json', 'junit', 'html'] as const;

export interface ConformanceCliOptions {
  csdl: string[];
  docs: string[];
  /** Keys as path segments or in parentheses, over what the CSDL and the docs say (decision 14). */
  keyAsSegment?: boolean;
  handlers?: string;
  baseUrl?: string;
  serviceRoot?: string;
  profile: (typeof PROFILES)[number];
  only: string[];
  skip: string[];
  header: string[];
  timeout?: number;
  report: (typeof REPORTS)[number];
  out?: string;
  allowRemote?: boolean;
  transport: 'server' | 'direct';
  cache?: string | boolean;
}

export function registerConformance(program: Command): void {
  addCacheOptions(program.command('conformance'))
    .description('Check msw handlers or a running server against the model: statuses, bodies, sequences, bad inputs, errors')
    .option('--csdl <file|url>', 'CSDL file ($metadata, XML or JSON) or https:// URL of a $metadata (fetched with the --header values); repeatable', collect, [])
    .option('--docs <dir|file>', 'Graph reference pages (markdown file or folder); repeatable', collect, [])
    .option('--key-as-segment', 'write keys as path segments (/People/x), whatever the CSDL declares')
    .option('--no-key-as-segment', 'write keys in parentheses (People(\'x\')), whatever the CSDL or the docs say')
    .option('--handlers <module>', 'an ES module (JS or TS) exporting `handlers` (msw) and optionally `reset()`; run in-process, no network')
    .option('--base-url <url>', 'a running OData service: its service root, where GET answers the service document (loopback only unless --allow-remote)')
    .option('--service-root <url>', 'the root the operation paths are appended to, when it is not the base URL (default https://graph.microsoft.com/v1.0 with --handlers, else the base URL)')
    .option('--profile <profile>', 'graph, odata or lenient', oneOf(PROFILES), 'graph')
    .option('--only <glob>', 'check only operations whose path matches (e.g. "**/identitySynchronization"); repeatable', collect, [])
    .option('--skip <glob>', 'leave out checks whose id matches (e.g. "query/*"); repeatable', collect, [])
    .option('--header <"Name: value">', 'send this header with every request to --base-url (authentication); repeatable; reports show the name, never the value', collect, [])
    .option('--timeout <ms>', 'per request to --base-url, in milliseconds (default 10000)', positiveInteger)
    .option('--report <format>', 'text, json, junit or html (one self-contained page)', oneOf(REPORTS), 'text')
    .option('--out <file>', 'write the report to a file instead of stdout')
    .option('--allow-remote', 'allow a --base-url that is not a loopback address (the suite writes and deletes data)')
    .option('--transport <transport>', 'for --handlers: server (setupServer and fetch) or direct (msw getResponse, faster)', oneOf(['server', 'direct'] as const), 'server')
    .addHelpText(
      'after',
      [
        '',
        'Targets:',
        '  --handlers runs msw handlers in-process, under the Graph service root by default:',
        '    odatakit conformance --docs docs/ --handlers mocks/graph.ts --only "**/identitySynchronization"',
        '  --base-url is a running server, given by its service root (where GET answers the service document',
        '  and $metadata lies beside it); operation paths are appended to it:',
        '    odatakit conformance --csdl metadata.xml --base-url http://127.0.0.1:4004/odata/v4/catalog --profile odata',
        '  --service-root, when the operations live under another root than the base URL (a proxy, a mock',
        '  server that serves Graph paths under /v1.0):',
        '    odatakit conformance --csdl graph.xml --base-url http://127.0.0.1:9000 --service-root http://127.0.0.1:9000/v1.0',
        '',
        'Exit codes: 0 no MUST check failed, 1 a MUST check failed, 2 unusable input or arguments, no check',
        'to run, or a target that does not answer (before or during the run).',
      ].join('\n'),
    )
    .action(async (options: ConformanceCliOptions, command: Command) => {
      process.exitCode = await runConformance(options, command);
    });
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('expected a whole number of milliseconds greater than 0');
  return number;
}

/** `--header 'Name: value'`, repeatable. */
function parseHeaders(values: readonly string[], command: Command): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const value of values) {
    const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*)$/.exec(value);
    // The value may be a secret: the message never repeats it.
    if (!match) command.error(`error: --header expects 'Name: value' (a header name, a colon, the value); got ${value.length} characters that are not`, { exitCode: EXIT.usage });
    headers[match![1]!] = match![2]!.trim();
  }
  return headers;
}

/** Runs the suite, writes the report, and returns the exit code. */
export async function runConformance(options: ConformanceCliOptions, command: Command): Promise<number> {
  if (options.csdl.length === 0 && options.docs.length === 0) command.error('error: give the model with --csdl and/or --docs', { exitCode: EXIT.usage });
  if ((options.handlers === undefined) === (options.baseUrl === undefined)) {
    command.error('error: give exactly one target: --handlers <module> or --base-url <url>', { exitCode: EXIT.usage });
  }
  // Loaded when the command runs, not when it is registered: `odatakit --help` stays fast.
  const { loadModelFrom } = await import('../../load-model.ts');
  const { model, diagnostics } = await loadModelFrom({ csdl: options.csdl, headers: parseHeaders(options.header, command), docs: options.docs, cache: cacheFolder(options.cache), ...(options.keyAsSegment !== undefined && { keyAsSegment: options.keyAsSegment }) });
  const errors = diagnostics.sorted().filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    printDiagnostics(errors);
    process.stderr.write(`odatakit: the model has ${errors.length} error(s); fix them before checking a target against it\n`);
    return EXIT.usage;
  }
  const headers = parseHeaders(options.header, command);
  // The CLI is the one place in generator/ that reaches conformance/, and only when this command runs.
  const kit = await import('../../../conformance/index.ts');
  const planOptions = { profile: options.profile, only: options.only, skip: options.skip };
  const plan = kit.planSuite(model, planOptions);
  if (plan.checks.length === 0) {
    process.stderr.write(`odatakit: nothing to check, so the run cannot pass: ${kit.emptyPlanReason(model, planOptions)}\n`);
    return EXIT.usage;
  }
  let target;
  if (options.handlers !== undefined) {
    const loaded = await kit.loadHandlersModule(options.handlers);
    target = await kit.handlersTarget(loaded.handlers, {
      name: options.handlers,
      transport: options.transport,
      ...(options.serviceRoot && { serviceRoot: options.serviceRoot }),
      ...(loaded.reset && { reset: loaded.reset }),
    });
  } else {
    target = kit.baseUrlTarget(options.baseUrl!, {
      ...(options.serviceRoot && { serviceRoot: options.serviceRoot }),
      allowRemote: options.allowRemote === true,
      headers,
      ...(options.timeout !== undefined && { timeoutMs: options.timeout }),
    });
  }
  try {
    let report;
    try {
      report = await kit.runSuite({ model, target, plan });
    } catch (error) {
      if (!(error instanceof kit.TargetError)) throw error;
      process.stderr.write(`odatakit: cannot check ${target.name}: ${error.message}\n`);
      return EXIT.usage;
    }
    const text = kit.REPORTERS[options.report](report);
    if (options.out !== undefined) writeFileSync(options.out, text);
    else process.stdout.write(text);
    const mustFailures = report.checks.filter((check) => check.status === 'fail' && check.severity === 'MUST').length;
    if (options.out !== undefined || options.report !== 'text') {
      const { passed, failed, skipped } = report.summary;
      process.stderr.write(`${passed} passed, ${failed} failed (${mustFailures} MUST), ${skipped} skipped\n`);
    }
    return mustFailures > 0 ? EXIT.findings : EXIT.ok;
  } finally {
    await target.close();
  }
}
