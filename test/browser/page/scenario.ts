/**
 * The page the browser test opens: msw's worker (`setupWorker`, msw/browser) with the generated
 * reference handlers, and the generated client (with the generated validators) running the
 * starting resource's PUT, GET, PATCH and DELETE through it. The model is the one the
 * generated code carries (`generatedModel()`), or one built in the page from the example's
 * CSDL and doc pages as text (`modelFromText`), fetched from the test's server. Bundled by
 * esbuild for the browser with an entry that sets `window.odatakitScenario`; the test calls it
 * and checks what it returns.
 */
import { setupWorker } from 'msw/browser';
import { modelFromText, type InputFile, type Model } from 'odatakit/conformance/handlers';
import { createClient, ODataRequestError, validatorHook } from '../../../generated/client.gen.ts';
import { createHandlers, generatedModel } from '../../../generated/handlers.gen.ts';
import { validate } from '../../../generated/validators.gen.ts';

/** Where the model comes from: the generated code, or text the page fetches and builds from. */
export type ModelSource = 'generated' | { csdl: string[]; docs: string[] };

export interface Step {
  name: string;
  /** The HTTP status the client saw. */
  status: number | undefined;
  /** What the client call resolved to (`null` for no content). */
  value: unknown;
  /** For a failed call: the status and the OData error code. */
  error?: string;
  /** Whether a service worker controlled the page when the call was made. */
  controlled: boolean;
}

async function modelOf(source: ModelSource): Promise<Model> {
  if (source === 'generated') return generatedModel();
  const read = async (file: string): Promise<InputFile> => ({ file, text: await (await fetch(`/inputs/${file}`)).text() });
  const { model, diagnostics } = modelFromText({ csdl: await Promise.all(source.csdl.map(read)), docs: await Promise.all(source.docs.map(read)) });
  const errors = diagnostics.sorted().filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new Error(`the example does not build: ${errors.map((error) => error.message).join('; ')}`);
  return model;
}

export async function scenario(tenantId: string, source: ModelSource): Promise<Step[]> {
  const serviceRoot = `${location.origin}/graph/v1.0`;
  const worker = setupWorker(
    ...createHandlers(await modelOf(source), {
      serviceRoot,
      profile: 'graph',
      data: { '/policies/crossTenantAccessPolicy/partners': [{ tenantId }] },
    }),
  );
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'error' });
  const statuses: number[] = [];
  const client = createClient({
    baseUrl: serviceRoot,
    fetch: async (url, init) => {
      const response = await fetch(url, init as RequestInit);
      statuses.push(response.status);
      return response;
    },
    validate: validatorHook(validate),
  });
  const sync = client.policies.crossTenantAccessPolicy.partners.byId(tenantId).identitySynchronization;
  const steps: Step[] = [];
  const step = async (name: string, call: () => Promise<unknown>): Promise<void> => {
    const sent = statuses.length;
    const controlled = navigator.serviceWorker.controller !== null;
    const status = () => (statuses.length > sent ? statuses[statuses.length - 1] : undefined);
    try {
      const value = await call();
      steps.push({ name, status: status(), value: value ?? null, controlled });
    } catch (error) {
      const text = error instanceof ODataRequestError ? `${error.status} ${error.body?.error.code ?? ''}` : String(error);
      steps.push({ name, status: status(), value: null, error: text, controlled });
    }
  };
  await step('PUT', () => sync.put({ tenantId, displayName: 'Fabrikam', userSyncInbound: { isSyncAllowed: true } }));
  await step('GET', () => sync.get());
  await step('PATCH', () => sync.patch({ displayName: 'Contoso' }));
  await step('GET after PATCH', () => sync.get());
  await step('DELETE', () => sync.delete());
  await step('GET after DELETE', () => sync.get());
  worker.stop();
  return steps;
}
