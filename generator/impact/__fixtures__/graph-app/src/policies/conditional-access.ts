import type { ConditionalAccessGrantControls, ConditionalAccessPolicy } from '../../generated/types.gen.js';
import { graph } from '../graph.js';
import { items } from '../util/paging.js';

export async function enabledPolicies(): Promise<ConditionalAccessPolicy[]> {
  const page = await graph.identity.conditionalAccess.policies.get();
  return items(page).filter((policy) => policy.state === 'enabled');
}

/** A short description of what a policy demands. */
export function demands(grant: ConditionalAccessGrantControls): string[] {
  const texts: string[] = [];
  for (const control of grant.builtInControls ?? []) {
    switch (control) {
      case 'block':
        texts.push('blocks access');
        break;
      case 'mfa':
        texts.push('requires MFA');
        break;
      case 'compliantDevice':
        texts.push('requires a compliant device');
        break;
      case 'domainJoinedDevice':
        texts.push('requires a joined device');
        break;
      case 'approvedApplication':
      case 'compliantApplication':
        texts.push('requires an approved app');
        break;
      case 'passwordChange':
        texts.push('requires a password change');
        break;
      case 'unknownFutureValue':
        texts.push('requires something new');
        break;
    }
  }
  return texts;
}
