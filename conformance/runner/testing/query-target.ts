import { getResponse, http, type RequestHandler } from 'msw';
import { loadModel } from '../../../generator/load-model.ts';
import type { Annotation, Model } from '../../../generator/model/types.ts';
import { EXAMPLE_CSDL, EXAMPLE_DOCS } from '../../../generator/testing/corpus.ts';
import { createHandlers } from '../../handlers/create-handlers.ts';
import { createStore } from '../../handlers/store.ts';
import type { Profile } from '../../profiles.ts';
import { runSuite, type SuiteReport } from '../run-suite.ts';
import { handlersTarget } from '../targets/handlers-target.ts';

/**
 * For the tests of the query checks: the bundled example's partners collection
 * (`/policies/crossTenantAccessPolicy/partners`, a string key and two booleans) served by the
 * reference handlers, with an optional defect put in front of them: a function that rewrites
 * the request URL (drops `$filter`, say) before the handlers answer it, or answers itself.
 */
export const PARTNERS = '/policies/crossTenantAccessPolicy/partners';
export const PARTNERS_TYPE = 'microsoft.graph.crossTenantAccessPolicyConfigurationPartner';

export type Defect = (url: URL, request: Request) => URL | Response | undefined;

export function exampleModel(): Model {
  return loadModel({ csdl: [EXAMPLE_CSDL], docs: [EXAMPLE_DOCS] }).model;
}

/** Puts a Capabilities term (`FilterRestrictions`, `TopSupported`...) on the partners type of `model` (a fresh example model by default), as Graph annotates types. */
export function annotatePartners(term: string, value: Annotation['value'], model: Model = exampleModel()): Model {
  const type = model.types[PARTNERS_TYPE] as { annotations: Annotation[] };
  type.annotations.push({ term: `Org.OData.Capabilities.V1.${term}`, value, source: type.annotations[0]!.source });
  return model;
}

export interface QueryRun {
  profile?: Profile;
  defect?: Defect;
  pageSize?: number;
  model?: Model;
}

/** The suite over the partners collection's list and create operations, query checks only. */
export async function runPartners(options: QueryRun = {}): Promise<SuiteReport> {
  const model = options.model ?? exampleModel();
  const profile = options.profile ?? 'graph';
  const store = createStore();
  const reference = createHandlers(model, { profile, store, ...(options.pageSize !== undefined && { pageSize: options.pageSize }) });
  const handlers: RequestHandler[] = options.defect ? [defective(reference, options.defect), ...reference] : reference;
  const target = await handlersTarget(handlers, { transport: 'direct', reset: () => store.reset() });
  try {
    return await runSuite({ model, target, profile, only: [`**${PARTNERS}`], skip: ['header/*', 'body/*', 'input/*', 'robustness/*', 'error/*', 'state/*', 'content-type/*', 'query/invalid'] });
  } finally {
    await target.close();
  }
}

function defective(reference: RequestHandler[], defect: Defect): RequestHandler {
  return http.get(/\/partners(\/\$count)?(\?|$)/, async ({ request }) => {
    const changed = defect(new URL(request.url), request);
    if (changed === undefined) return undefined;
    if (changed instanceof Response) return changed;
    return getResponse(reference, new Request(changed.href, { headers: request.headers }));
  });
}

/** Drops one query option from the URL. */
export function without(option: string): Defect {
  return (url) => {
    if (!url.searchParams.has(option)) return undefined;
    const changed = new URL(url.href);
    changed.searchParams.delete(option);
    return changed;
  };
}

/** The outcome of one check on the partners list, with its message. */
export function outcome(report: SuiteReport, id: string): { status: string; message: string } {
  const check = report.checks.find((item) => item.id === id && item.operation === `GET ${PARTNERS}`);
  if (!check) throw new Error(`${id} was not planned: ${report.checks.map((item) => `${item.id} ${item.operation}`).join(', ')}`);
  return { status: check.status, message: check.message };
}
