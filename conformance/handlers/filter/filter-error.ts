/** A `$filter` the handlers cannot evaluate: answered 400 with the character offset it names. */
export class FilterError extends Error {
  constructor(
    message: string,
    /** Zero-based character offset in the expression. */
    readonly at: number,
  ) {
    super(message);
    this.name = 'FilterError';
  }

  /** `message (at character 12)`, as the OData error shows it. */
  describe(option = '$filter'): string {
    return `${option}: ${this.message} (at character ${this.at})`;
  }
}
