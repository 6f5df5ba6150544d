import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.ts';
import { collect, oneOf } from '../options.ts';
import { printDiagnostics } from '../print-diagnostics.ts';

const PROFILES = ['graph', 'odata', 'lenient'] as const;
const REPORTS = ['text', 'json', 'junit'] as const;

export interface ConformanceCliOptions {
  csdl: string[];
  docs: string[];
  handlers?: string;
  baseUrl?: string;
  serviceRoot?: string;
  profile: (typeof PROFILES)[number];
  only: string[];
  report: (typeof REPORTS)[number];
  out?: string;
  allowRemote?: boolean;
  transport: 'server' | 'direct';
}

export function registerConformance(program: Command): void {
  program
    .command('conformance')
    .description('Check msw handlers or a running server against the model: statuses, bodies, sequences, bad inputs, errors')
    .option('--csdl <file>', 'CSDL XML file ($metadata); repeatable', collect, [])
    .option('--docs <dir|file>', 'Graph reference pages (markdown file or folder); repeatable', collect, [])
    .option('--handlers <module>', 'an ES module (JS or TS) exporting `handlers` (msw) and optionally `reset()`; run in-process, no network')
    .option('--base-url <url>', 'a running server (loopback only unless --allow-remote)')
    .option('--service-root <url>', 'root the operations are requested under (default https://graph.microsoft.com/v1.0 with --handlers, else the base URL)')
    .option('--profile <profile>', 'graph, odata or lenient', oneOf(PROFILES), 'graph')
    .option('--only <glob>', 'check only operations whose path matches (e.g. "**/identitySynchronization"); repeatable', collect, [])
    .option('--report <format>', 'text, json or junit', oneOf(REPORTS), 'text')
    .option('--out <file>', 'write the report to a file instead of stdout')
    .option('--allow-remote', 'allow a --base-url that is not a loopback address (the suite writes and deletes data)')
    .option('--transport <transport>', 'for --handlers: server (setupServer and fetch) or direct (msw getResponse, faster)', oneOf(['server', 'direct'] as const), 'server')
    .addHelpText('after', '\nExit codes: 0 no MUST check failed, 1 a MUST check failed, 2 unusable input or arguments.')
    .action(async (options: ConformanceCliOptions, command: Command) => {
      process.exitCode = await runConformance(options, command);
    });
}

/** Runs the suite, writes the report, and returns the exit code. */
export async function runConformance(options: ConformanceCliOptions, command: Command): Promise<number> {
  if (options.csdl.length === 0 && options.docs.length === 0) command.error('error: give the model with --csdl and/or --docs', { exitCode: EXIT.usage });
  if ((options.handlers === undefined) === (options.baseUrl === undefined)) {
    command.error('error: give exactly one target: --handlers <module> or --base-url <url>', { exitCode: EXIT.usage });
  }
  // Loaded when the command runs, not when it is registered: `odatakit --help` stays fast.
  const { loadModel } = await import('../../load-model.ts');
  const { model, diagnostics } = loadModel({ csdl: options.csdl, docs: options.docs });
  const errors = diagnostics.sorted().filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    printDiagnostics(errors);
    process.stderr.write(`odatakit: the model has ${errors.length} error(s); fix them before checking a target against it\n`);
    return EXIT.usage;
  }
  // The CLI is the one place in generator/ that reaches conformance/, and only when this command runs.
  const kit = await import('../../../conformance/index.ts');
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
    target = kit.baseUrlTarget(options.baseUrl!, { ...(options.serviceRoot && { serviceRoot: options.serviceRoot }), allowRemote: options.allowRemote === true });
  }
  try {
    const report = await kit.runSuite({ model, target, profile: options.profile, only: options.only });
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
