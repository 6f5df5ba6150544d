import { getResponse, http, HttpResponse, type RequestHandler } from 'msw';
import { loadModel } from '../generator/load-model.ts';
import { corpusAvailable, EXAMPLE_CSDL, EXAMPLE_DOCS } from '../generator/testing/corpus.ts';
import { describeRun, graphModel, runGraphSuite } from '../conformance/graph-suite.ts';
import { createHandlers } from '../conformance/handlers/create-handlers.ts';
import { createStore } from '../conformance/handlers/store.ts';
import type { SentRequest } from '../conformance/runner/exchange.ts';
import { runSuite, type SuiteReport } from '../conformance/runner/run-suite.ts';
import { handlersTarget, nextTurn } from '../conformance/runner/targets/handlers-target.ts';
import { median, type BenchResult } from './measure.ts';

/**
 * The conformance suite's wall time against the reference handlers: the starting resource
 * (the bundled example) and all of Graph v1.0. The baseline is the floor of any in-process
 * msw suite: as many bare requests as the suite sent, through msw's getResponse to a handler
 * that answers `{}`, each after the same turn of the event loop as the suite's requests (which
 * lets V8 drop the request clones of earlier requests: without it the baseline is slower too).
 */
export default async function conformanceBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const { model } = loadModel({ csdl: [EXAMPLE_CSDL], docs: [EXAMPLE_DOCS] });
  for (const transport of ['direct', 'server'] as const) {
    let report: SuiteReport | undefined;
    const ms = await median(9, async () => {
      const store = createStore();
      const target = await handlersTarget(createHandlers(model, { store }), { transport, reset: () => store.reset() });
      report = await runSuite({ model, target, profile: 'graph' });
      await target.close();
    });
    const requests = report!.stats.requests;
    results.push({
      name: `conformance: starting resource, ${transport === 'direct' ? 'getResponse' : 'setupServer'}`,
      ms,
      baseline: { name: `${requests} bare requests`, ms: await median(9, () => bareRequests(requests)) },
      notes: describeRun(report!, model.operations.length),
    });
  }
  if (!corpusAvailable) return results;
  const graph = graphModel();
  for (const profile of ['graph', 'odata', 'lenient'] as const) {
    const sent: SentRequest[] = [];
    const started = performance.now();
    const report = await runGraphSuite(profile, graph, (request) => sent.push(request));
    const ms = performance.now() - started;
    const bareStart = performance.now();
    await bareRequests(report.stats.requests);
    const bare = performance.now() - bareStart;
    const replayStart = performance.now();
    await replay(sent);
    const replayed = performance.now() - replayStart;
    results.push({
      name: `conformance: all of Graph v1.0, ${profile} profile`,
      ms,
      baseline: { name: `${report.stats.requests} bare requests`, ms: bare },
      notes: `${describeRun(report, graph.operations.length)}; ${(ms / replayed).toFixed(2)}x the suite's own requests (methods, headers, bodies) replayed to the same trivial handler (${replayed.toFixed(0)} ms)`,
    });
  }
  return results;
}

const trivial: RequestHandler[] = [http.all(/^https:\/\/graph\.microsoft\.com\/v1\.0(?:\/|$)/, () => HttpResponse.json({}))];

/**
 * The suite's requests as it sent them, to the trivial handler: the transport's cost of this very
 * mix (half of it carries a body, which costs msw and undici more than a bare GET). Printed
 * beside the ratio, not instead of it: the baseline stays the bare GETs.
 */
async function replay(sent: readonly SentRequest[]): Promise<void> {
  for (const request of sent) {
    await nextTurn();
    const init: RequestInit = { method: request.method, headers: request.headers };
    if (request.body !== undefined) init.body = request.body;
    const response = await getResponse(trivial, new Request(request.url, init));
    await response!.text();
  }
}

async function bareRequests(count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    await nextTurn();
    const response = await getResponse(trivial, new Request(`https://graph.microsoft.com/v1.0/users/${index}`));
    await response!.text();
  }
}
