/**
 * Errors the client raises. Both carry the request's method and URL, so that a failure in a
 * batch of calls says which one failed.
 */

/** The OData error body (OData JSON Format 4.01 section 21.1); Graph spells `innerError`. */
export interface ODataErrorBody {
  error: {
    code: string;
    message: string;
    target?: string;
    details?: { code: string; message: string; target?: string }[];
    innererror?: Record<string, unknown>;
    innerError?: Record<string, unknown>;
  };
}

/** The service answered with a status outside 2xx, or with a body that is not valid JSON. */
export class ODataRequestError extends Error {
  override readonly name = 'ODataRequestError';
  /** The HTTP status. */
  readonly status: number;
  readonly method: string;
  readonly url: string;
  /** The parsed OData error, when the body is one. */
  readonly body: ODataErrorBody | undefined;
  /** The raw response text (for bodies that are not OData errors). */
  readonly text: string;

  constructor(init: { status: number; method: string; url: string; body: ODataErrorBody | undefined; text: string; reason?: string }) {
    const detail = init.reason ?? (init.body ? `${init.body.error.code}: ${init.body.error.message}` : `HTTP ${init.status}`);
    super(`${init.method} ${init.url} failed (${init.status}): ${detail}`);
    this.status = init.status;
    this.method = init.method;
    this.url = init.url;
    this.body = init.body;
    this.text = init.text;
  }

  /** The OData error code (`Request_ResourceNotFound`), if the body is an OData error. */
  get code(): string | undefined {
    return this.body?.error.code;
  }
}

/** The shape the client needs of a validation finding (the validator's issues fit it). */
export interface ValidationProblem {
  /** JSON pointer to the value. */
  path?: string;
  message: string;
  /** Warnings are reported to the hook's caller, never thrown. Absent means error. */
  severity?: 'error' | 'warning';
}

/** A request body, or a response body, failed validation. */
export class ODataValidationError extends Error {
  override readonly name = 'ODataValidationError';
  readonly phase: 'request' | 'response';
  readonly method: string;
  readonly url: string;
  readonly issues: readonly ValidationProblem[];

  constructor(init: { phase: 'request' | 'response'; method: string; url: string; issues: readonly ValidationProblem[] }) {
    const first = init.issues[0];
    const where = first?.path ? ` at ${first.path}` : '';
    super(`${init.method} ${init.url}: invalid ${init.phase} body${where}: ${first?.message ?? 'no detail'}${init.issues.length > 1 ? ` (and ${init.issues.length - 1} more)` : ''}`);
    this.phase = init.phase;
    this.method = init.method;
    this.url = init.url;
    this.issues = init.issues;
  }
}

/** `{ error: { code, message } }` with string code and message, or undefined. */
export function parseErrorBody(value: unknown): ODataErrorBody | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const error = (value as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? (value as ODataErrorBody) : undefined;
}
