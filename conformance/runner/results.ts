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
  const answers = session.answersOf(operation);
  if (answers?.broken) session.fail('robustness/throws', operation, `A request answered ${answer(answers.broken)}`, [answers.broken]);
  else if (answers?.answered) session.pass('robustness/throws', operation);
}

function judgeErrorShape(session: Session, operation: string): void {
  const answers = session.answersOf(operation);
  if (!answers?.errors) return session.skip('error/shape', operation, 'no error response to inspect');
  const bad = answers.badError;
  if (bad) return session.fail('error/shape', operation, `A ${bad.exchange.status} response is not an OData error: ${bad.problem}`, [bad.exchange]);
  session.pass('error/shape', operation);
}
