import type * as T from '../../generated/types.gen.js';
import { graph } from '../graph.js';
import { items } from '../util/paging.js';

export async function teamsGroups(): Promise<T.Group[]> {
  const page = await graph.groups.get({ $filter: "resourceProvisioningOptions/Any(x:x eq 'Team')" });
  return items(page);
}

export async function memberCount(groupId: string): Promise<number> {
  const page = await graph.groups.byId(groupId).members.get({ $count: true });
  return page['@odata.count'] ?? items(page).length;
}

export function isSecurityGroup(group: T.Group): boolean {
  return group.securityEnabled === true && group.mailEnabled !== true;
}
