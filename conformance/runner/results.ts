import type { CheckId, CheckSeverity } from '../checks/catalog.ts';
import { answer } from '../checks/probe.ts';
import type { Exchange } from './exchange.ts';
import type { CheckStatus, Session } from './session.ts';

/**
 * Turns a finished session into report rows: derives the checks that look across all of an
 * operation's exchanges (nothing thrown, every error an OData error), skips the other failures
 * of an operation the target does not handle (one finding, not twenty), and gives every planned
 * check a row in plan order.
 */
export interface CheckResult {
  id: CheckId;
  operation: string;
  severity: CheckSeverity;
  title: string;
  status: CheckStatus;
  message: string;
  /** Failures: the message without the exchanges, which follow as data. */
  summary?: string;
  exchanges?: readonly Exchange[];
}

export function collectResults(session: Session): CheckResult[] {
  for (const check of session.plan.checks) {
    if (check.id === 'robustness/throws') judgeThrows(session, check.operation);
    if (check.id === 'error/shape') judgeErrorShape(session, check.operation);
  }
  const unhandled = new Set(
    session.plan.checks.filter((check) => check.id === 'operation/handled' && session.outcome(check.id, check.operation)?.status === 'fail').map((check) => check.operation),
  );
  return session.plan.checks.map((check) => {
    const outcome = session.outcome(check.id, check.operation) ?? { status: 'skip' as const, message: 'not reached: nothing in the run exercised it' };
    if (unhandled.has(check.operation) && check.id !== 'operation/handled' && outcome.status === 'fail') {
      return { ...check, status: 'skip', message: 'the target does not handle this operation (see operation/handled)' };
    }
    return { ...check, status: outcome.status, message: outcome.message, ...(outcome.summary !== undefined && { summary: outcome.summary }), ...(outcome.exchanges && { exchanges: outcome.exchanges }) };
  });
}

function judgeThrows(session: Session, operation: string): void {
  const exchanges = session.exchangesOf(operation);
  // 501 says a feature is not implemented: the server noticed, it did not fail.
  const bad = exchanges.find((exchange) => exchange.thrown !== undefined || (exchange.status >= 500 && exchange.status !== 501));
  if (bad) session.fail('robustness/throws', operation, `A request answered ${answer(bad)}`, [bad]);
  else if (exchanges.some((exchange) => exchange.status > 0)) session.pass('robustness/throws', operation);
}

function judgeErrorShape(session: Session, operation: string): void {
  // Every error response (JSON Format 4.01 §21), 5xx included; not msw's own answer to a handler that threw.
  const errors = session.exchangesOf(operation).filter((exchange) => exchange.status >= 400 && exchange.thrown === undefined);
  if (errors.length === 0) return session.skip('error/shape', operation, 'no error response to inspect');
  for (const exchange of errors) {
    const problem = errorShapeProblem(exchange);
    if (problem) return session.fail('error/shape', operation, `A ${exchange.status} response is not an OData error: ${problem}`, [exchange]);
  }
  session.pass('error/shape', operation);
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
