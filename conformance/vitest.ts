import type { RequestHandler } from 'msw';
import { beforeAll, describe, test } from 'vitest';
import { loadModel } from '../generator/load-model.ts';
import type { Model } from '../generator/model/types.ts';
import type { CheckSeverity } from './checks/catalog.ts';
import type { Profile } from './profiles.ts';
import { emptyPlanReason, planSuite } from './runner/plan.ts';
import type { CheckResult } from './runner/results.ts';
import { runSuite } from './runner/run-suite.ts';
import { baseUrlTarget } from './runner/targets/base-url-target.ts';
import { handlersTarget } from './runner/targets/handlers-target.ts';

/**
 * The suite inside a user's own vitest run, one test per check:
 *
 * ```ts
 * import { defineConformanceSuite } from 'odatakit/conformance/vitest';
 * import { handlers, reset } from './mocks/graph.ts';
 * defineConformanceSuite({ csdl: ['graph.xml'], docs: ['docs'], handlers, reset, only: ['**\/identitySynchronization'] });
 * ```
 *
 * The checks are known from the model before anything runs (so the tests can be declared);
 * the run itself happens once, in `beforeAll`, because its sequences share state.
 */
export interface ConformanceSuiteOptions {
  /** The model, or the files to build it from. */
  model?: Model;
  csdl?: string[];
  docs?: string[];
  /** msw handlers, run in-process (msw's getResponse: no interception, so your own setupServer is untouched). */
  handlers?: readonly RequestHandler[];
  /** Clears what the handlers stored; the suite calls it to check that state does not leak between runs. */
  reset?: () => unknown;
  /** Or a running server. */
  baseUrl?: string;
  serviceRoot?: string;
  profile?: Profile;
  only?: string[];
  /** Globs over check ids to leave out. */
  skip?: string[];
  /** Headers for every request to `baseUrl` (authentication); never shown in messages. */
  headers?: Record<string, string>;
  /** A failed check of this severity or above fails its test; below, the test passes with an annotation. Default MUST. */
  failOn?: CheckSeverity;
  /** Name of the describe block. */
  name?: string;
  /** For the whole run, in beforeAll. Default 120 s. */
  timeout?: number;
}

const RANK: Record<CheckSeverity, number> = { MAY: 0, SHOULD: 1, MUST: 2 };

export function defineConformanceSuite(options: ConformanceSuiteOptions): void {
  const model = options.model ?? loadModel({ csdl: options.csdl ?? [], docs: options.docs ?? [] }).model;
  const profile = options.profile ?? 'graph';
  const planOptions = { profile, ...(options.only && { only: options.only }), ...(options.skip && { skip: options.skip }) };
  const plan = planSuite(model, planOptions);
  const results = new Map<string, CheckResult>();
  let failure: unknown;
  const name = options.name ?? `odatakit conformance (${profile})${options.baseUrl ? `: ${options.baseUrl}` : ''}`;
  describe(name, () => {
    beforeAll(async () => {
      try {
        const target = options.baseUrl
          ? baseUrlTarget(options.baseUrl, { ...(options.serviceRoot && { serviceRoot: options.serviceRoot }), ...(options.headers && { headers: options.headers }) })
          : await handlersTarget(options.handlers ?? [], {
              transport: 'direct',
              ...(options.serviceRoot && { serviceRoot: options.serviceRoot }),
              ...(options.reset && { reset: options.reset }),
            });
        try {
          const report = await runSuite({ model, target, plan });
          for (const check of report.checks) results.set(`${check.id} ${check.operation}`, check);
        } finally {
          await target.close();
        }
      } catch (error) {
        failure = error;
      }
    }, options.timeout ?? 120_000);
    // A suite that checks nothing must not pass.
    if (plan.checks.length === 0) test('has checks to run', () => {
      throw new Error(`nothing to check: ${emptyPlanReason(model, planOptions)}`);
    });
    const operations = [...new Set(plan.checks.map((check) => check.operation))];
    for (const operation of operations) {
      describe(operation, () => {
        for (const check of plan.checks.filter((item) => item.operation === operation)) {
          test(`${check.id} (${check.severity}): ${check.title}`, async (context) => {
            if (failure) throw failure;
            const result = results.get(`${check.id} ${check.operation}`);
            const verdict = testVerdict(result, options.failOn ?? 'MUST');
            if (verdict.kind === 'skip') context.skip(verdict.message);
            if (verdict.kind === 'fail') throw new Error(verdict.message);
            if (verdict.message) await context.annotate(verdict.message, verdict.kind === 'warn' ? 'warning' : 'notice');
          });
        }
      });
    }
  });
}

export type TestVerdict = { kind: 'pass' | 'warn' | 'skip' | 'fail'; message: string };

/** How one check's result becomes a vitest outcome. */
export function testVerdict(result: CheckResult | undefined, failOn: CheckSeverity): TestVerdict {
  if (!result) return { kind: 'skip', message: 'the run did not report this check' };
  if (result.status === 'skip') return { kind: 'skip', message: result.message };
  if (result.status === 'pass') return { kind: 'pass', message: result.message };
  return RANK[result.severity] >= RANK[failOn] ? { kind: 'fail', message: result.message } : { kind: 'warn', message: `${result.severity} not met: ${result.message}` };
}
