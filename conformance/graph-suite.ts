import { loadModel } from '../generator/load-model.ts';
import type { Model } from '../generator/model/types.ts';
import { GRAPH_CSDL } from '../generator/testing/corpus.ts';
import { createHandlers } from './handlers/create-handlers.ts';
import { createStore } from './handlers/store.ts';
import type { Profile } from './profiles.ts';
import type { SentRequest } from './runner/exchange.ts';
import { runSuite, type SuiteReport } from './runner/run-suite.ts';
import { handlersTarget } from './runner/targets/handlers-target.ts';

/**
 * The whole suite over every operation of Graph v1.0 against the reference handlers, in-process
 * (msw getResponse, no network): shared by the end-to-end tests and the benchmark.
 */
let cached: Model | undefined;

export function graphModel(): Model {
  cached ??= loadModel({ csdl: [GRAPH_CSDL] }).model;
  return cached;
}

export async function runGraphSuite(profile: Profile, model = graphModel(), observe?: (request: SentRequest) => void): Promise<SuiteReport> {
  const store = createStore();
  const target = await handlersTarget(createHandlers(model, { profile, store }), { transport: 'direct', reset: () => store.reset() });
  if (observe) {
    const send = target.send;
    target.send = (request) => {
      observe(request);
      return send(request);
    };
  }
  try {
    return await runSuite({ model, target, profile });
  } finally {
    await target.close();
  }
}

/** One line for a test annotation or a benchmark note. */
export function describeRun(report: SuiteReport, operations: number): string {
  const { passed, failed, skipped } = report.summary;
  return `${operations} operations, ${report.checks.length} checks (${passed} passed, ${failed} failed, ${skipped} skipped), ${report.stats.requests} requests, ${(report.stats.ms / 1000).toFixed(1)} s`;
}
