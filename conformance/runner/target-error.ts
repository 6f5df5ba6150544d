/**
 * The target cannot be checked: nothing answers, it is not an OData service, or it went away
 * during the run. Not a finding about the target: the run stops, and the CLI exits 2 with the
 * message, instead of reporting every later request as a failure.
 */
export class TargetError extends Error {
  override name = 'TargetError';
}
