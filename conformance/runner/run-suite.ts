import type { Model } from '../../generator/model/types.ts';
import type { RouteNode } from '../handlers/routes.ts';
import type { Profile } from '../profiles.ts';
import { createInstances, type Instances } from './instances.ts';
import { planSuite, type SuitePlan } from './plan.ts';
import { collectResults, type CheckResult } from './results.ts';
import { badInputsForResource } from './scripts/bad-inputs.ts';
import { runCallable } from './scripts/callable.ts';
import { checkIsolation, finishResource, type Leftover } from './scripts/finish.ts';
import { runMethodProbe } from './scripts/method.ts';
import { collectionQueries, entityQueries, notFound } from './scripts/queries.ts';
import { runResource } from './scripts/resource.ts';
import { createSession, type Session } from './session.ts';
import type { Target } from './targets/target.ts';

/**
 * Runs the conformance suite against a target. The route tree is walked depth-first: a
 * resource's sequence runs before what lies below it, and its DELETE after, so that parents
 * exist while their children are checked. At the end the target is reset and nothing created
 * may remain.
 */
export interface SuiteOptions {
  model: Model;
  target: Target;
  profile?: Profile;
  /** Globs over operation paths. */
  only?: readonly string[];
  /** A plan made earlier with the same model, profile and globs (the vitest entry makes one). */
  plan?: SuitePlan;
}

export interface SuiteReport {
  target: string;
  profile: Profile;
  checks: CheckResult[];
  summary: { passed: number; failed: number; skipped: number };
  /** Not in the JSON report: requests sent and wall time. */
  stats: { requests: number; ms: number };
}

export async function runSuite(options: SuiteOptions): Promise<SuiteReport> {
  const started = performance.now();
  const profile = options.plan?.profile ?? options.profile ?? 'graph';
  const plan = options.plan ?? planSuite(options.model, { profile, ...(options.only && { only: options.only }) });
  const session = createSession(options.model, plan, options.target);
  const instances = createInstances(session);
  const leftovers: Leftover[] = [];
  await walk(session, instances, plan.routes, leftovers);
  await checkIsolation(session, leftovers);
  const checks = collectResults(session);
  return {
    target: options.target.name,
    profile,
    checks,
    summary: {
      passed: checks.filter((check) => check.status === 'pass').length,
      failed: checks.filter((check) => check.status === 'fail').length,
      skipped: checks.filter((check) => check.status === 'skip').length,
    },
    stats: { requests: session.requests, ms: performance.now() - started },
  };
}

async function walk(session: Session, instances: Instances, node: RouteNode, leftovers: Leftover[]): Promise<void> {
  const { plan } = session;
  const resource = plan.resources.get(node);
  const state = resource && (await runResource(session, instances, resource));
  if (state) {
    await entityQueries(session, state);
    await collectionQueries(session, instances, state);
    await notFound(session, instances, state);
    await badInputsForResource(session, instances, state);
  }
  if (node.kind === 'callable') {
    for (const operation of node.overloads) if (plan.inScope(operation.id)) await runCallable(session, instances, node, operation);
  }
  const probe = plan.methodProbes.get(node);
  if (probe) await runMethodProbe(session, instances, probe);
  const children = [...node.literals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, child]) => child);
  if (node.member) children.push(node.member);
  for (const child of children) await walk(session, instances, child, leftovers);
  if (state) await finishResource(session, instances, state, leftovers);
}
