// A browser app's code: the generated client and validators only (no msw, no odatakit).
import { createClient } from './generated/client.gen.js';
import { validate } from './generated/validators.gen.js';

export async function readSettings(tenantId: string, token: string): Promise<string | null | undefined> {
  const client = createClient({ baseUrl: 'https://graph.microsoft.com/v1.0', headers: () => ({ authorization: `Bearer ${token}` }) });
  const settings = await client.policies.crossTenantAccessPolicy.partners.byId(tenantId).identitySynchronization.get();
  const issues = validate('microsoft.graph.crossTenantIdentitySyncPolicyPartner', settings, 'read');
  if (issues.length > 0) throw new Error(`the service answered an invalid body: ${issues.map((issue) => issue.path).join(', ')}`);
  return settings.displayName;
}
