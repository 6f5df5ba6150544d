// Plain Node, no TypeScript loader: the library, the conformance kit and its other entries, as
// a project that installed odatakit imports them. Prints what it found as JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createValidator, diffModels, loadModel, planGenerate, validateDocs } from 'odatakit';
import { CHECKS, createHandlers, createStore, handlersTarget, runSuite } from 'odatakit/conformance';
import { handlers as exampleMock, reset as resetExampleMock } from 'odatakit/conformance/examples';
import { createHandlers as createBrowserHandlers, createStore as createBrowserStore, modelFromText } from 'odatakit/conformance/handlers';
import { createClient } from 'odatakit/runtime/client';
import { createEngine } from 'odatakit/runtime/validation';

const examples = fileURLToPath(new URL('examples/', import.meta.resolve('odatakit/package.json')));
const csdl = `${examples}csdl/cross-tenant-sync.xml`;
const { model, diagnostics } = loadModel({ csdl: [csdl], docs: [`${examples}docs`] });
const only = ['**/identitySynchronization'];

const suite = async (handlers, reset) => {
  const target = await handlersTarget(handlers, { transport: 'direct', ...(reset && { reset }) });
  try {
    return (await runSuite({ model, target, profile: 'graph', only })).summary;
  } finally {
    await target.close();
  }
};

const text = (file) => ({ file, text: readFileSync(`${examples}${file}`, 'utf8') });
const pages = readdirSync(`${examples}docs`, { recursive: true }).filter((file) => file.endsWith('.md')).sort();
const fromText = modelFromText({ csdl: [text('csdl/cross-tenant-sync.xml')], docs: pages.map((page) => text(`docs/${page}`)) }).model;
const store = createStore();
const browserStore = createBrowserStore();
const issues = createValidator(model).validate('microsoft.graph.crossTenantIdentitySyncPolicyPartner', { tenantId: 42 }, 'read');
process.stdout.write(
  JSON.stringify({
    errors: diagnostics.sorted().filter((diagnostic) => diagnostic.severity === 'error').length,
    operations: model.operations.map((operation) => `${operation.method} ${operation.path}`),
    operationsFromText: fromText.operations.length,
    issues: issues.map((issue) => `${issue.path} ${issue.code}`),
    diff: diffModels(model, model).summary,
    docs: validateDocs({ docs: [`${examples}docs`], csdl: [csdl] }).files.length,
    planned: planGenerate({ csdl: [csdl], docs: [], out: 'unused', include: [], emit: { ieee754Compatible: false } }).plan?.files.length ?? 0,
    checks: CHECKS.length,
    exampleMock: await suite(exampleMock, resetExampleMock),
    reference: await suite(createHandlers(model, { store }), () => store.reset()),
    browserSafeReference: await suite(createBrowserHandlers(fromText, { store: browserStore }), () => browserStore.reset()),
    runtimes: [typeof createClient, typeof createEngine],
  }),
);
