// A Node project's code on odatakit: the library, the conformance kit and its example mock,
// and the output of `odatakit generate` (client, validators, types, handlers).
import { setupServer } from 'msw/node';
import { createValidator, loadModel, type Diagnostic, type Model } from 'odatakit';
import { handlersTarget, runSuite, type CheckResult, type SuiteReport } from 'odatakit/conformance';
import { handlers as exampleMock, reset as resetExampleMock } from 'odatakit/conformance/examples';
import { createStore } from 'odatakit/conformance/handlers';
import { createClient, ODataRequestError } from './generated/client.gen.js';
import { createHandlers, generatedModel } from './generated/handlers.gen.js';
import type { CrossTenantIdentitySyncPolicyPartner } from './generated/types.gen.js';
import { validate } from './generated/validators.gen.js';

export function load(csdl: string): { model: Model; errors: Diagnostic[] } {
  const { model, diagnostics } = loadModel({ csdl: [csdl], docs: [] });
  return { model, errors: diagnostics.sorted().filter((diagnostic) => diagnostic.severity === 'error') };
}

export async function checkExampleMock(model: Model): Promise<CheckResult[]> {
  const target = await handlersTarget(exampleMock, { reset: resetExampleMock, transport: 'direct' });
  try {
    const report: SuiteReport = await runSuite({ model, target, profile: 'graph', only: ['**/identitySynchronization'] });
    return report.checks.filter((check) => check.status === 'fail');
  } finally {
    await target.close();
  }
}

export async function roundTrip(tenantId: string): Promise<string | null | undefined> {
  const store = createStore();
  const data = { '/policies/crossTenantAccessPolicy/partners': [{ tenantId, isServiceProvider: true }] };
  const server = setupServer(...createHandlers(generatedModel(), { store, serviceRoot: 'https://graph.test/v1.0', data }));
  server.listen();
  try {
    const client = createClient({ baseUrl: 'https://graph.test/v1.0' });
    const sync = client.policies.crossTenantAccessPolicy.partners.byId(tenantId).identitySynchronization;
    const settings: CrossTenantIdentitySyncPolicyPartner = { tenantId, displayName: 'Fabrikam', userSyncInbound: { isSyncAllowed: true } };
    if (validate('microsoft.graph.crossTenantIdentitySyncPolicyPartner', settings, 'read').length > 0) throw new Error('invalid settings');
    await sync.put({ displayName: settings.displayName ?? null, userSyncInbound: { isSyncAllowed: true } });
    await sync.patch({ displayName: 'Fabrikam Ltd' });
    const { displayName } = await sync.get({ $select: ['displayName'] });
    await sync.delete();
    try {
      await sync.get();
    } catch (error) {
      if (!(error instanceof ODataRequestError)) throw error;
    }
    return displayName;
  } finally {
    server.close();
  }
}

export function validatorIssues(model: Model, value: unknown): number {
  return createValidator(model).validate('microsoft.graph.crossTenantIdentitySyncPolicyPartner', value, 'create').length;
}
