/** Exit codes shared by every command (documented in the README). */
export const EXIT = {
  /** Success: no errors found. */
  ok: 0,
  /** The input (or the checked target) has errors, or --check found stale files. */
  findings: 1,
  /** Unusable input or arguments: malformed XML, missing files, bad options. */
  usage: 2,
  /** A bug in odatakit itself. */
  internal: 3,
} as const;
