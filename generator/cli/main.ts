import { Command, CommanderError } from 'commander';
import { UserInputError } from '../diagnostics/user-error.ts';
import { EXIT } from './exit-codes.ts';
import { printDiagnostics } from './print-diagnostics.ts';
import { COMMANDS } from './commands/index.ts';

/**
 * Entry point. Only the CLI prints. A user's mistake exits 2 with positioned diagnostics;
 * anything else is our bug and says so (the stack only with ODATAKIT_DEBUG=1).
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('odatakit')
    .description('OData metadata code generator and conformance test kit')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');
  for (const register of COMMANDS) register(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    return handleError(error);
  }
}

function handleError(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version arrive here too, with exit code 0.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof UserInputError) {
    printDiagnostics(error.diagnostics);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`odatakit: internal error (a bug in odatakit, not in your input): ${message}\n`);
  if (process.env['ODATAKIT_DEBUG'] && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('Run again with ODATAKIT_DEBUG=1 for the stack trace, and please report it.\n');
  return EXIT.internal;
}
