import type { Exchange } from './exchange.ts';

/**
 * What the checks that look across all of an operation's exchanges (robustness/throws,
 * error/shape) need of them, gathered as each exchange comes back. Keeping every exchange
 * until the end instead held every body of a whole-Graph run (about 90,000 requests) in
 * memory, and copying them through the young generation was a large part of the run's GC.
 * Only the exchanges a failure shows are kept, whole.
 */
export interface Answers {
  /** The first exchange the handler threw on or answered 5xx (other than 501). */
  broken?: Exchange;
  /** Whether any request got an answer (a status). */
  answered: boolean;
  /** Whether any error response came back (4xx or 5xx, not a handler that threw). */
  errors: boolean;
  /** The first error response that is not an OData error, and what is wrong with it. */
  badError?: { exchange: Exchange; problem: string };
}

export function noAnswers(): Answers {
  return { answered: false, errors: false };
}

/** Adds one exchange, in the order they were sent. */
export function addAnswer(answers: Answers, exchange: Exchange): void {
  if (exchange.status > 0) answers.answered = true;
  // 501 says a feature is not implemented: the server noticed, it did not fail.
  if (!answers.broken && (exchange.thrown !== undefined || (exchange.status >= 500 && exchange.status !== 501))) answers.broken = exchange;
  // Every error response (JSON Format 4.01 §21), 5xx included; not msw's own answer to a handler that threw.
  if (exchange.status >= 400 && exchange.thrown === undefined) {
    answers.errors = true;
    if (!answers.badError) {
      const problem = errorShapeProblem(exchange);
      if (problem) answers.badError = { exchange, problem };
    }
  }
}

/** What is wrong with an error body, per OData JSON Format 4.0 §19; undefined when nothing is. */
export function errorShapeProblem(exchange: Exchange): string | undefined {
  const contentType = exchange.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) return `Content-Type is ${contentType || 'missing'}, not application/json`;
  const body = exchange.json;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body is not a JSON object';
  const error = (body as Record<string, unknown>)['error'];
  if (typeof error !== 'object' || error === null || Array.isArray(error)) return 'there is no "error" object';
  const { code, message } = error as Record<string, unknown>;
  if (typeof code !== 'string') return 'error.code is not a string';
  if (typeof message !== 'string') return 'error.message is not a string';
  return undefined;
}
