import type { Diagnostic } from './diagnostic.ts';

/**
 * Input so broken that a stage cannot go on (malformed XML, unreadable file). The CLI prints
 * its diagnostics and exits 2; any other exception is our bug and is reported as such.
 */
export class UserInputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`).join('\n'));
    this.name = 'UserInputError';
  }
}

/** For our own invariants: a failure here is a bug in odatakit, not in the input. */
export function internalAssert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`internal assertion failed: ${message}`);
}
