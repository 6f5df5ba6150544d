import type * as T from '../../generated/types.gen.js';
import { graph } from '../graph.js';
import { items } from '../util/paging.js';

/** Workload identity federation: which external subjects may sign in as the app. */
export async function trustedSubjects(appId: string): Promise<string[]> {
  const page = await graph.applications.byId(appId).federatedIdentityCredentials.get({ $select: ['name', 'issuer', 'subject'] });
  return items(page).map((credential) => `${credential.issuer}: ${credential.subject}`);
}

export function isGitHubActions(credential: T.FederatedIdentityCredential): boolean {
  return credential.issuer === 'https://token.actions.githubusercontent.com' && credential.subject!.startsWith('repo:');
}

export async function trust(appId: string, repository: string): Promise<void> {
  await graph.applications.byId(appId).federatedIdentityCredentials.post({
    name: repository.replace('/', '-'),
    issuer: 'https://token.actions.githubusercontent.com',
    subject: `repo:${repository}:ref:refs/heads/main`,
    audiences: ['api://AzureADTokenExchange'],
  });
}
