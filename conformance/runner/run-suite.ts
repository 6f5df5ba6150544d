import type { Model } from '../../generator/model/types.ts';
import type { ReproduceStyle } from './exchange.ts';
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
import { clientErrors, invalidPaging, notAcceptable, putProbe } from './scripts/protocol.ts';
import { runResource } from './scripts/resource.ts';
import { createSession, type Session } from './session.ts';
import { TargetError } from './target-error.ts';
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
  /** Globs over check ids to leave out. */
  skip?: readonly string[];
  /** A plan made earlier with the same model, profile and globs (the vitest entry makes one). */
  plan?: SuitePlan;
}

export interface SuiteReport {
  target: string;
  profile: Profile;
  /** How the report's reproduce lines are written: curl for a server, fetch for handlers. */
  reproduce: ReproduceStyle;
  checks: CheckResult[];
  summary: { passed: number; failed: number; skipped: number };
  /** Not in the JSON report: requests sent and wall time. */
  stats: { requests: number; ms: number };
}

export async function runSuite(options: SuiteOptions): Promise<SuiteReport> {
  const started = performance.now();
  const profile = options.plan?.profile ?? options.profile ?? 'graph';
  const plan = options.plan ?? planSuite(options.model, { profile, ...(options.only && { only: options.only }), ...(options.skip && { skip: options.skip }) });
  const problem = await options.target.preflight?.();
  if (problem) throw new TargetError(problem);
  const session = createSession(options.model, plan, options.target);
  const instances = createInstances(session);
  const leftovers: Leftover[] = [];
  await walk(session, instances, plan.routes, leftovers);
  await checkIsolation(session, leftovers);
  if (options.target.persistent) await deleteWhatWasCreated(session);
  const checks = collectResults(session);
  return {
    target: options.target.name,
    profile,
    reproduce: options.target.reproduce,
    checks,
    summary: {
      passed: checks.filter((check) => check.status === 'pass').length,
      failed: checks.filter((check) => check.status === 'fail').length,
      skipped: checks.filter((check) => check.status === 'skip').length,
    },
    stats: { requests: session.requests, ms: performance.now() - started },
  };
}

/** On a live server the run leaves nothing behind: what it created goes, newest (children) first. */
async function deleteWhatWasCreated(session: Session): Promise<void> {
  for (const path of [...session.createdPaths].reverse()) await session.send(undefined, 'DELETE', path);
}

async function walk(session: Session, instances: Instances, node: RouteNode, leftovers: Leftover[]): Promise<void> {
  const { plan } = session;
  const resource = plan.resources.get(node);
  const state = resource && (await runResource(session, instances, resource));
  if (state) {
    await entityQueries(session, state);
    await collectionQueries(session, instances, state);
    await notFound(session, instances, state);
    await notAcceptable(session, state);
    await invalidPaging(session, state);
    const put = state.resource.entity && plan.putProbes.get(state.resource.entity);
    if (put && state.resource.operations.read) await putProbe(session, instances, state, put, state.resource.operations.read);
    await badInputsForResource(session, instances, state);
    await clientErrors(session, instances, state);
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
